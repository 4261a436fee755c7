package dev.netlint.rules.script;

import dev.netlint.model.Severity;
import dev.netlint.rules.RuleInfo;

@RuleInfo(id = "NL405", name = "static-ip-on-builtin-network", severity = Severity.ERROR,
        summary = "A static --ip/--ip6 is given for the default bridge, host or none network, where the daemon refuses user-specified addresses.")
public final class StaticIpOnBuiltinNetwork extends SimulationRule {
    public StaticIpOnBuiltinNetwork() {
        super(ScriptSimulator.Kind.STATIC_IP_BUILTIN);
    }
}
