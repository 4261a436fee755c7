package dev.netlint.rules.script;

import dev.netlint.model.Severity;
import dev.netlint.rules.RuleInfo;

@RuleInfo(id = "NL410", name = "container-name-in-use", severity = Severity.ERROR,
        summary = "A script creates a container with a name an earlier command of the script already took.")
public final class ContainerNameInUse extends SimulationRule {
    public ContainerNameInUse() {
        super(ScriptSimulator.Kind.DUPLICATE_CONTAINER);
    }
}
