package dev.netlint.rules;

import dev.netlint.model.Fix;
import dev.netlint.model.SourceLocation;

/** Where rules report. The rule's id, name and default severity come from its {@link RuleInfo}. */
public interface FindingSink {
    void report(Rule rule, SourceLocation location, String message);

    /**
     * Reports with a fix. Sinks that do not keep fixes (most test sinks) just report the finding;
     * a null fix is the same as none.
     */
    default void report(Rule rule, SourceLocation location, String message, Fix fix) {
        report(rule, location, message);
    }
}
