package dev.netlint.rules.script;

import dev.netlint.model.Severity;
import dev.netlint.rules.RuleInfo;

@RuleInfo(id = "NL416", name = "static-ip-ignored-on-default-bridge", severity = Severity.WARNING,
        summary = "docker run gives --ip or --ip6 without --network: the container joins the default bridge, which silently ignores the address.")
public final class IgnoredOnDefaultBridge extends SimulationRule {
    public IgnoredOnDefaultBridge() {
        super(ScriptSimulator.Kind.IGNORED_ON_DEFAULT_BRIDGE);
    }
}
