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

@RuleInfo(id = "NL415", name = "network-removed-while-in-use", severity = Severity.ERROR,
        summary = "A script removes a network while a container it ran is still attached to it.")
public final class NetworkRemovedWhileInUse extends SimulatedRule {
    @Override
    public Phase phase() {
        return Phase.CREATE;
    }

    @Override
    public Verdict check(Step step, DeployState state, Step.Report out) {
        if (!(step.operation() instanceof Operation.RemoveNetwork op) || op.conditional() || op.network().unknown()) {
            return Verdict.ACCEPTED;
        }
        String n = op.network().value();
        if (DeployState.builtIn(n) || state.network(n).isEmpty()) {
            return Verdict.ACCEPTED;
        }
        var user = state.attachedTo(n);
        if (user.isEmpty()) {
            return Verdict.ACCEPTED;
        }
        out.report(op.network().location(), "container '" + user.get() + "' is still attached "
                + "to network '" + n + "'; the daemon refuses: \"error while removing network: network "
                + n + " id <ID> has active endpoints\". Remove the container or disconnect it first.");
        return Verdict.REFUSED;
    }
}
