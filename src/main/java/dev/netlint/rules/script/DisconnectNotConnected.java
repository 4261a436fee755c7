package dev.netlint.rules.script;

import dev.netlint.deploy.DeployState;
import dev.netlint.deploy.Step;
import dev.netlint.model.Network;
import dev.netlint.model.NetworkMode;
import dev.netlint.model.Operation;
import dev.netlint.model.Severity;
import dev.netlint.model.Text;
import dev.netlint.rules.RuleInfo;
import dev.netlint.rules.SimulatedRule;

@RuleInfo(id = "NL404", name = "disconnect-not-connected", severity = Severity.ERROR,
        summary = "A script disconnects a container from a network it is not connected to at that point.")
public final class DisconnectNotConnected extends SimulatedRule {
    @Override
    public Phase phase() {
        return Phase.ATTACHMENTS;
    }

    @Override
    public Verdict check(Step step, DeployState state, Step.Report out) {
        if (!(step.operation() instanceof Operation.Disconnect op) || op.conditional() || !op.network().known()
                || op.network().is(Network.HOST)) {
            return Verdict.ACCEPTED;
        }
        DeployState.ContainerState c = state.container(op.container()).orElse(null);
        String n = op.network().value();
        if (c == null || c.networks() == null || c.networks().contains(n)) {
            return Verdict.ACCEPTED;
        }
        out.report(op.network().location(), "container '" + op.container().value() + "' is not connected "
                + "to '" + n + "' at this point; the daemon refuses: \"container <ID> is not connected to network "
                + n + "\". Drop the disconnect, or connect it first.");
        return Verdict.REFUSED;
    }
}
