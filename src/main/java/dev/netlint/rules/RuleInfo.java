package dev.netlint.rules;

import dev.netlint.model.Fix;
import dev.netlint.model.Severity;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A rule's metadata, on the rule's class. The long help lives in {@code rules/<id>.md}. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RuleInfo {
    /** Stable code, e.g. NL101. Never reused. */
    String id();

    /** kebab-case name, e.g. ip-range-outside-subnet. */
    String name();

    Severity severity();

    /** One sentence: what the rule finds. */
    String summary();

    /** The kinds of fix the rule attaches to its findings (none by default); `netlint rules` shows them. */
    Fix.Applicability[] fixes() default {};

    /**
     * Former ids this rule absorbed (like Error Prone's altNames): directives, --disable/--enable,
     * the configuration and baselines that name one still reach this rule. An id split over several
     * rules is an alias of each of them.
     */
    String[] aliases() default {};
}
