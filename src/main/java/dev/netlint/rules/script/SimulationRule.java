package dev.netlint.rules.script;

import dev.netlint.model.Model;
import dev.netlint.model.Project;
import dev.netlint.rules.FindingSink;
import dev.netlint.rules.Rule;

/** A rule that reports one kind of problem the {@link ScriptSimulator} finds in sequential projects. */
abstract class SimulationRule implements Rule {
    private final ScriptSimulator.Kind kind;

    SimulationRule(ScriptSimulator.Kind kind) {
        this.kind = kind;
    }

    @Override
    public final void check(Model model, FindingSink out) {
        for (Project p : model.projects()) {
            for (ScriptSimulator.Problem problem : ScriptSimulator.run(p)) {
                if (problem.kind() == kind) {
                    out.report(this, problem.location(), problem.message());
                }
            }
        }
    }
}
