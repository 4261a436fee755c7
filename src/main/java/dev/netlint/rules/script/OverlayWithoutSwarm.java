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

@RuleInfo(id = "NL411", name = "overlay-without-swarm", severity = Severity.ERROR,
        summary = "A script creates an overlay network without initialising swarm mode first.")
public final class OverlayWithoutSwarm extends SimulatedRule {
    @Override
    public Phase phase() {
        return Phase.CREATE;
    }

    @Override
    public Verdict check(Step step, DeployState state, Step.Report out) {
        if (!(step.operation() instanceof Operation.CreateNetwork op) || !op.network().isDriver("overlay")
                || !Boolean.FALSE.equals(state.swarm()) || op.network().driver() == null) {
            return Verdict.ACCEPTED;
        }
        out.report(op.network().driver().location(), "overlay networks need swarm mode, and this "
                + "script never runs 'docker swarm init'; the daemon refuses: \"This node is not a swarm manager. "
                + "Use \\\"docker swarm init\\\" or \\\"docker swarm join\\\" to connect this node to swarm and "
                + "try again.\" Initialise swarm first, or use a bridge network on a single host.");
        return Verdict.REFUSED;
    }
}
