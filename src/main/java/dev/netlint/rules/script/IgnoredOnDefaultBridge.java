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

@RuleInfo(id = "NL416", name = "static-ip-ignored-on-default-bridge", severity = Severity.WARNING,
        summary = "docker run gives --ip or --ip6 without --network: the container joins the default bridge, which silently ignores the address.")
public final class IgnoredOnDefaultBridge extends SimulatedRule {
    @Override
    public Phase phase() {
        return Phase.ADVICE;
    }

    @Override
    public Verdict check(Step step, DeployState state, Step.Report out) {
        if (!(step.operation() instanceof Operation.RunContainer op) || op.opaque() || !op.networks().isEmpty()) {
            return Verdict.ACCEPTED;
        }
        NetworkMode mode = step.mode();
        if (mode.kind() != NetworkMode.Kind.DEFAULT || mode.unknown()) {
            return Verdict.ACCEPTED;
        }
        for (AddressValue ip : new AddressValue[] {op.ipv4(), op.ipv6()}) {
            if (ip != null) {
                out.report(ip.location(), (ip == op.ipv4() ? "--ip " : "--ip6 ") + ip.raw() + " without --network: "
                        + "the container joins the default bridge and the daemon silently ignores the address (it "
                        + "hands out the next free one). Create a network with --subnet and run the container on it "
                        + "with --network.");
            }
        }
        return Verdict.ACCEPTED;
    }
}
