package dev.netlint.rules.script;

import dev.netlint.model.Model;
import dev.netlint.model.Operation;
import dev.netlint.model.Project;
import dev.netlint.model.Severity;
import dev.netlint.rules.FindingSink;
import dev.netlint.rules.Rule;
import dev.netlint.rules.RuleInfo;

/**
 * A command the deploy tool itself refuses (the readers record the refusal with the tool's own
 * message, and the command's effects are left out of the model).
 */
@RuleInfo(id = "NL418", name = "cli-refuses-command", severity = Severity.ERROR,
        summary = "The docker CLI refuses the command before it reaches the daemon: an unknown flag, a flag without its value, a bad boolean, or the wrong number of arguments.")
public final class CliRefusesCommand implements Rule {
    @Override
    public void check(Model model, FindingSink out) {
        for (Project p : model.projects()) {
            for (Operation op : p.operations()) {
                if (op instanceof Operation.Refused r) {
                    out.report(this, r.location(), r.tool() + " refuses \"" + r.command() + "\": " + r.message()
                            + (r.hint() == null ? "" : " (" + r.hint() + ")")
                            + ". None of the command runs.");
                }
            }
        }
    }
}
