package dev.netlint.rules.script;

import dev.netlint.model.Severity;
import dev.netlint.rules.RuleInfo;

@RuleInfo(id = "NL415", name = "network-removed-while-in-use", severity = Severity.ERROR,
        summary = "A script removes a network while a container it ran is still attached to it.")
public final class NetworkRemovedWhileInUse extends SimulationRule {
    public NetworkRemovedWhileInUse() {
        super(ScriptSimulator.Kind.NETWORK_IN_USE);
    }
}
