package dev.netlint.rules.script;

import dev.netlint.model.Severity;
import dev.netlint.rules.RuleInfo;

@RuleInfo(id = "NL413", name = "host-mode-published-ports", severity = Severity.WARNING,
        summary = "docker run publishes ports with --network host, where the daemon discards them.")
public final class HostModePublishedPorts extends SimulationRule {
    public HostModePublishedPorts() {
        super(ScriptSimulator.Kind.HOST_MODE_PORTS);
    }
}
