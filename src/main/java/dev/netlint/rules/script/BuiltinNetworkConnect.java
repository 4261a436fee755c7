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

@RuleInfo(id = "NL401", name = "builtin-network-connect", severity = Severity.ERROR,
        summary = "A script connects a container to, or disconnects it from, the host or none network, which the daemon always refuses.")
public final class BuiltinNetworkConnect extends SimulatedRule {
    @Override
    public Phase phase() {
        return Phase.CREATE;
    }

    @Override
    public Verdict check(Step step, DeployState state, Step.Report out) {
        if (step.operation() instanceof Operation.Connect op && op.network().known()) {
            String n = op.network().value();
            if (n.equals(Network.HOST)) {
                out.report(op.network().location(), "'docker network connect host' is always refused: \"container "
                        + "cannot be disconnected from host network or connected to host network\". Run the container "
                        + "with --network host instead.");
                return Verdict.REFUSED;
            }
            DeployState.ContainerState c = state.container(op.container()).orElse(null);
            if (n.equals(Network.NONE) && !(c != null && c.networks() != null && c.networks().isEmpty()
                    && c.mode().kind() != NetworkMode.Kind.CONTAINER && c.mode().kind() != NetworkMode.Kind.HOST)) {
                out.report(op.network().location(), "'docker network connect none' is refused for a container "
                        + "with a network: \"container cannot be connected to multiple networks with one of the networks "
                        + "in private (none) mode\". Run the container with --network none instead.");
                return Verdict.REFUSED;
            }
        }
        if (step.operation() instanceof Operation.Disconnect op && op.network().is(Network.HOST)) {
            DeployState.ContainerState c = state.container(op.container()).orElse(null);
            out.report(op.network().location(), "'docker network disconnect host' is always refused: "
                    + (c != null && c.mode().is(NetworkMode.Kind.HOST)
                    ? "\"container cannot be disconnected from host network or connected to host network\""
                    : "\"container <ID> is not connected to network host\"")
                    + ". Recreate the container with the network mode it needs instead.");
            return Verdict.REFUSED;
        }
        return Verdict.ACCEPTED;
    }
}
