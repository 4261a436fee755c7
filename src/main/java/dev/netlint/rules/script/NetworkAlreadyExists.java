package dev.netlint.rules.script;

import dev.netlint.model.Severity;
import dev.netlint.rules.RuleInfo;

@RuleInfo(id = "NL409", name = "network-already-exists", severity = Severity.ERROR,
        summary = "A script creates a network whose name already exists (created earlier, or a predefined network).")
public final class NetworkAlreadyExists extends SimulationRule {
    public NetworkAlreadyExists() {
        super(ScriptSimulator.Kind.DUPLICATE_NETWORK);
    }
}
