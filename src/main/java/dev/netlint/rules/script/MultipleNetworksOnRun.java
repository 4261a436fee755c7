package dev.netlint.rules.script;

import dev.netlint.model.Severity;
import dev.netlint.rules.RuleInfo;

@RuleInfo(id = "NL408", name = "multiple-networks-on-run", severity = Severity.ERROR,
        summary = "docker run is given several --network flags, which the 20.10 daemon and CLI refuse.")
public final class MultipleNetworksOnRun extends SimulationRule {
    public MultipleNetworksOnRun() {
        super(ScriptSimulator.Kind.MULTIPLE_NETWORKS);
    }
}
