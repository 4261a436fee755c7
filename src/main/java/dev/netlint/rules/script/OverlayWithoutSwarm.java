package dev.netlint.rules.script;

import dev.netlint.model.Severity;
import dev.netlint.rules.RuleInfo;

@RuleInfo(id = "NL411", name = "overlay-without-swarm", severity = Severity.ERROR,
        summary = "A script creates an overlay network without initialising swarm mode first.")
public final class OverlayWithoutSwarm extends SimulationRule {
    public OverlayWithoutSwarm() {
        super(ScriptSimulator.Kind.OVERLAY_WITHOUT_SWARM);
    }
}
