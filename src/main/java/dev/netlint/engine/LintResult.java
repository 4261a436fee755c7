package dev.netlint.engine;

import dev.netlint.model.Severity;
import dev.netlint.rules.Finding;

import java.util.List;

/**
 * The outcome of a run: findings in report order, and inputs that could not be read or parsed.
 * {@code unusedDirectives} lists suppressions that matched nothing (for --report-unused-disables).
 */
public record LintResult(List<Finding> findings, List<InputError> errors, int filesRead) {

    /** An input that could not be read (missing, a directory, unreadable) or parsed. */
    public record InputError(String file, int line, int column, String message, boolean ioError) {
    }

    public boolean hasAtLeast(Severity threshold) {
        return findings.stream().anyMatch(f -> f.severity().atLeast(threshold));
    }

    public boolean hasIoErrors() {
        return errors.stream().anyMatch(InputError::ioError);
    }
}
