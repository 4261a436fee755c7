package dev.netlint.rules;

import dev.netlint.model.Fix;
import dev.netlint.model.Severity;
import dev.netlint.model.SourceLocation;

import java.util.Comparator;

/** One problem a rule found, at a location, with the fix for it when one is known (else null). */
public record Finding(String ruleId, String ruleName, Severity severity, String message, SourceLocation location,
                      Fix fix) {

    public Finding(String ruleId, String ruleName, Severity severity, String message, SourceLocation location) {
        this(ruleId, ruleName, severity, message, location, null);
    }

    /** File, line, column, rule, message: the order every report uses, so output is deterministic. */
    public static final Comparator<Finding> ORDER = Comparator
            .comparing((Finding f) -> f.location().file())
            .thenComparingInt(f -> f.location().line())
            .thenComparingInt(f -> f.location().column())
            .thenComparing(Finding::ruleId)
            .thenComparing(Finding::message);

    public Finding withSeverity(Severity s) {
        return new Finding(ruleId, ruleName, s, message, location, fix);
    }

    public Finding withFix(Fix f) {
        return new Finding(ruleId, ruleName, severity, message, location, f);
    }

    public boolean hasFix() {
        return fix != null;
    }
}
