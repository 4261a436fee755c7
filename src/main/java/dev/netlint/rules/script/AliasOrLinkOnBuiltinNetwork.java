package dev.netlint.rules.script;

import dev.netlint.model.Severity;
import dev.netlint.rules.RuleInfo;

@RuleInfo(id = "NL406", name = "alias-or-link-on-builtin-network", severity = Severity.ERROR,
        summary = "A network alias or --link is used with an explicit built-in network mode (bridge, host, none, container:), which the docker CLI refuses.")
public final class AliasOrLinkOnBuiltinNetwork extends SimulationRule {
    public AliasOrLinkOnBuiltinNetwork() {
        super(ScriptSimulator.Kind.ALIAS_OR_LINK_BUILTIN);
    }
}
