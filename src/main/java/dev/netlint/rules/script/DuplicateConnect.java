package dev.netlint.rules.script;

import dev.netlint.model.Severity;
import dev.netlint.rules.RuleInfo;

@RuleInfo(id = "NL403", name = "duplicate-connect", severity = Severity.ERROR,
        summary = "A script connects a container to a network it is already connected to.")
public final class DuplicateConnect extends SimulationRule {
    public DuplicateConnect() {
        super(ScriptSimulator.Kind.DUPLICATE_CONNECT);
    }
}
