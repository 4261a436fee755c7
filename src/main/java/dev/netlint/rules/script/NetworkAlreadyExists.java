package dev.netlint.rules.script;

import dev.netlint.deploy.DeployState;
import dev.netlint.deploy.Step;
import dev.netlint.model.AddressValue;
import dev.netlint.model.Network;
import dev.netlint.model.NetworkMode;
import dev.netlint.model.Operation;
import dev.netlint.model.Severity;
import dev.netlint.model.Text;
import dev.netlint.rules.RuleInfo;
import dev.netlint.rules.SimulatedRule;

@RuleInfo(id = "NL409", name = "network-already-exists", severity = Severity.ERROR,
        summary = "A script creates a network whose name already exists (created earlier, or a predefined network).")
public final class NetworkAlreadyExists extends SimulatedRule {
    @Override
    public Phase phase() {
        return Phase.CREATE;
    }

    @Override
    public Verdict check(Step step, DeployState state, Step.Report out) {
        if (!(step.operation() instanceof Operation.CreateNetwork op) || op.name().unknown()) {
            return Verdict.ACCEPTED;
        }
        Text name = op.name();
        if (DeployState.builtIn(name.value())) {
            out.report(name.location(), "'" + name.value() + "' is a predefined network; "
                    + "the daemon refuses: \"operation is not permitted on predefined " + name.value()
                    + " network\". Choose another name.");
            return Verdict.REFUSED;
        }
        var existing = state.network(name.value());
        if (op.conditional() || existing.isEmpty() || existing.get().network() == null) {
            return Verdict.ACCEPTED;
        }
        out.report(name.location(), "network '" + name.value() + "' was already created at line "
                + existing.get().network().location().line() + "; the daemon refuses: \"network with name "
                + name.value() + " already exists\". Remove it first (docker network rm) or use another name.");
        return Verdict.REFUSED;
    }
}
