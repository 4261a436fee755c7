package dev.netlint.rules.input;

import dev.netlint.model.InputProblem;
import dev.netlint.model.Model;
import dev.netlint.model.Severity;
import dev.netlint.rules.FindingSink;
import dev.netlint.rules.Rule;
import dev.netlint.rules.RuleInfo;

@RuleInfo(id = "NL001", name = "input-not-parsed", severity = Severity.ERROR,
        summary = "An input file could not be read or parsed, so nothing in it (or after the error) was checked.")
public final class InputNotParsed implements Rule {
    @Override
    public void check(Model model, FindingSink out) {
        for (InputProblem p : model.inputProblems()) {
            out.report(this, p.location(), p.message());
        }
    }
}
