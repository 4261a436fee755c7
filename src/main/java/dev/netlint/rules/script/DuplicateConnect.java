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

@RuleInfo(id = "NL403", name = "duplicate-connect", severity = Severity.ERROR,
        summary = "A script connects a container to a network it is already connected to.")
public final class DuplicateConnect extends SimulatedRule {
    @Override
    public Phase phase() {
        return Phase.ATTACHMENTS;
    }

    @Override
    public Verdict check(Step step, DeployState state, Step.Report out) {
        if (!(step.operation() instanceof Operation.Connect op) || op.conditional() || !op.network().known()) {
            return Verdict.ACCEPTED;
        }
        DeployState.ContainerState c = state.container(op.container()).orElse(null);
        String n = op.network().value();
        if (c == null || c.networks() == null || !c.networks().contains(n) || c.networks().contains(Network.NONE)
                || c.mode().kind() == NetworkMode.Kind.HOST || c.mode().kind() == NetworkMode.Kind.CONTAINER) {
            return Verdict.ACCEPTED; // (a shared stack or none is NL402's)
        }
        out.report(op.network().location(), "container '" + op.container().value() + "' is already "
                + "connected to '" + n + "'; the daemon refuses: \"endpoint with name " + op.container().value()
                + " already exists in network " + n + "\". Drop this connect, or disconnect first.");
        return Verdict.REFUSED;
    }
}
