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

@RuleInfo(id = "NL405", name = "static-ip-on-builtin-network", severity = Severity.ERROR,
        summary = "A static --ip/--ip6 is given for the default bridge, host or none network, where the daemon refuses user-specified addresses.")
public final class StaticIpOnBuiltinNetwork extends SimulatedRule {
    @Override
    public Phase phase() {
        return Phase.CREATE;
    }

    @Override
    public Verdict check(Step step, DeployState state, Step.Report out) {
        Verdict verdict = Verdict.ACCEPTED;
        if (step.operation() instanceof Operation.Connect op && op.network().is(Network.DEFAULT_BRIDGE)) {
            for (AddressValue ip : new AddressValue[] {op.ipv4(), op.ipv6()}) {
                if (ip != null) {
                    out.report(ip.location(), "a static address on the default bridge; the daemon refuses: \"user "
                            + "specified IP address is supported on user defined networks only\". Connect to a network "
                            + "created with --subnet instead.");
                    verdict = Verdict.REFUSED;
                }
            }
        }
        if (step.operation() instanceof Operation.RunContainer op && step.mode().explicitlyPredefined()
                && step.mode().kind() != NetworkMode.Kind.CONTAINER) {
            for (AddressValue ip : new AddressValue[] {op.ipv4(), op.ipv6()}) {
                if (ip != null) {
                    out.report(ip.location(), (ip == op.ipv4() ? step.option("ipv4_address", "--ip")
                            : step.option("ipv6_address", "--ip6")) + " with network mode " + step.mode().spelled()
                            + "; the daemon creates the container but refuses to start it: \"user specified IP address "
                            + "is supported on user defined networks only\". Create a network with a subnet and run "
                            + "the container on it.");
                    verdict = Verdict.START_REFUSED;
                }
            }
        }
        return verdict;
    }
}
