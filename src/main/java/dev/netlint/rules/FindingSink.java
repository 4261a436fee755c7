package dev.netlint.rules;

import dev.netlint.model.SourceLocation;

/** Where rules report. The rule's id, name and default severity come from its {@link RuleInfo}. */
public interface FindingSink {
    void report(Rule rule, SourceLocation location, String message);
}
