package dev.netlint.testing;

import dev.netlint.model.Model;
import dev.netlint.rules.Finding;
import dev.netlint.rules.Rule;

import java.util.ArrayList;
import java.util.List;

/** Runs one rule over a model and returns its findings in report order, at the rule's default severity. */
public final class RuleRunner {
    private RuleRunner() {
    }

    public static List<Finding> run(Rule rule, Model model) {
        List<Finding> out = new ArrayList<>();
        model.forgetDerived();
        rule.check(model, (r, location, message) -> out.add(
                new Finding(r.info().id(), r.info().name(), r.info().severity(), message, location)));
        out.sort(Finding.ORDER);
        return out;
    }
}
