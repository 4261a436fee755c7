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

@RuleInfo(id = "NL402", name = "connect-shared-stack-container", severity = Severity.ERROR,
        summary = "A script connects a container that runs in host, none or container: network mode to another network.")
public final class ConnectSharedStackContainer extends SimulatedRule {
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
        if (c == null) {
            return Verdict.ACCEPTED;
        }
        Text name = op.container();
        NetworkMode.Kind k = c.mode().kind();
        if (k == NetworkMode.Kind.HOST || k == NetworkMode.Kind.CONTAINER) {
            out.report(name.location(), "container '" + name.value() + "' runs with --network "
                    + c.mode().spelled() + "; the daemon refuses: \"container sharing network namespace with another "
                    + "container or host cannot be connected to any other network\". Run it on a bridge or "
                    + "user-defined network if it must join " + op.network().value() + ".");
            return Verdict.REFUSED;
        }
        if (c.networks() != null && c.networks().contains(Network.NONE)) {
            out.report(name.location(), "container '" + name.value() + "' runs with "
                    + "--network none; the daemon refuses: \"container cannot be connected to multiple networks "
                    + "with one of the networks in private (none) mode\". Disconnect it from none first, or run "
                    + "it without --network none.");
            return Verdict.REFUSED;
        }
        return Verdict.ACCEPTED;
    }
}
