package dev.netlint.rules.script;

import dev.netlint.model.Severity;
import dev.netlint.rules.RuleInfo;

@RuleInfo(id = "NL401", name = "builtin-network-connect", severity = Severity.ERROR,
        summary = "A script connects a container to, or disconnects it from, the host or none network, which the daemon always refuses.")
public final class BuiltinNetworkConnect extends SimulationRule {
    public BuiltinNetworkConnect() {
        super(ScriptSimulator.Kind.BUILTIN_CONNECT);
    }
}
