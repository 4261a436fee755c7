package dev.netlint.rules.input;

import dev.netlint.model.Model;
import dev.netlint.model.Severity;
import dev.netlint.model.SkippedInput;
import dev.netlint.rules.FindingSink;
import dev.netlint.rules.Rule;
import dev.netlint.rules.RuleInfo;

@RuleInfo(id = "NL004", name = "input-not-recognised", severity = Severity.NOTE,
        summary = "An input holds Docker data netlint does not check (e.g. volume or image inspect output), so it was skipped.")
public final class InputNotRecognised implements Rule {
    @Override
    public void check(Model model, FindingSink out) {
        for (SkippedInput s : model.skippedInputs()) {
            out.report(this, s.location(), s.reason());
        }
    }
}
