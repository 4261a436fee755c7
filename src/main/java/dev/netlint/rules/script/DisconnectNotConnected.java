package dev.netlint.rules.script;

import dev.netlint.model.Severity;
import dev.netlint.rules.RuleInfo;

@RuleInfo(id = "NL404", name = "disconnect-not-connected", severity = Severity.ERROR,
        summary = "A script disconnects a container from a network it is not connected to at that point.")
public final class DisconnectNotConnected extends SimulationRule {
    public DisconnectNotConnected() {
        super(ScriptSimulator.Kind.DISCONNECT_NOT_CONNECTED);
    }
}
