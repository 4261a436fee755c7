package dev.netlint.rules.script;

import dev.netlint.model.Severity;
import dev.netlint.rules.RuleInfo;

@RuleInfo(id = "NL417", name = "static-ip-refused", severity = Severity.ERROR,
        summary = "A script gives a static --ip/--ip6 the daemon refuses on that network: no subnet for it, outside the subnets, or already in use.")
public final class StaticIpRefused extends SimulationRule {
    public StaticIpRefused() {
        super(ScriptSimulator.Kind.STATIC_IP_REFUSED);
    }
}
