package dev.netlint.rules.script;

import dev.netlint.model.Severity;
import dev.netlint.rules.RuleInfo;

@RuleInfo(id = "NL412", name = "macvlan-parent-in-use", severity = Severity.ERROR,
        summary = "A script creates a second macvlan network on a parent interface another macvlan network already uses.")
public final class MacvlanParentInUse extends SimulationRule {
    public MacvlanParentInUse() {
        super(ScriptSimulator.Kind.PARENT_IN_USE);
    }
}
