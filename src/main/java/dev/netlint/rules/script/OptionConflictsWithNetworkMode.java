package dev.netlint.rules.script;

import dev.netlint.model.Severity;
import dev.netlint.rules.RuleInfo;

@RuleInfo(id = "NL407", name = "option-conflicts-with-network-mode", severity = Severity.ERROR,
        summary = "A docker run option conflicts with container: or host network mode (ports, expose, hostname, dns, mac-address, add-host).")
public final class OptionConflictsWithNetworkMode extends SimulationRule {
    public OptionConflictsWithNetworkMode() {
        super(ScriptSimulator.Kind.MODE_CONFLICT);
    }
}
