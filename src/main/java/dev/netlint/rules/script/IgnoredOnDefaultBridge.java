package dev.netlint.rules.script;

import dev.netlint.model.Severity;
import dev.netlint.rules.RuleInfo;

@RuleInfo(id = "NL416", name = "ignored-on-default-bridge", severity = Severity.WARNING,
        summary = "docker run gives --ip, --ip6 or --network-alias without --network: the default bridge silently ignores them.")
public final class IgnoredOnDefaultBridge extends SimulationRule {
    public IgnoredOnDefaultBridge() {
        super(ScriptSimulator.Kind.IGNORED_ON_DEFAULT_BRIDGE);
    }
}
