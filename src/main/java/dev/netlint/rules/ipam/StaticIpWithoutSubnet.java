package dev.netlint.rules.ipam;

import dev.netlint.address.Cidr;
import dev.netlint.address.IpFamily;
import dev.netlint.deploy.DeployState;
import dev.netlint.deploy.StaticAddresses;
import dev.netlint.deploy.Step;
import dev.netlint.model.Severity;
import dev.netlint.rules.RuleInfo;
import dev.netlint.rules.SimulatedRule;

@RuleInfo(id = "NL107", name = "static-ip-without-subnet", severity = Severity.ERROR,
        summary = "A static ipv4_address/ipv6_address is set on a network with no configured subnet of that family.",
        aliases = {"NL417"})
public final class StaticIpWithoutSubnet extends SimulatedRule {
    @Override
    public Phase phase() {
        return Phase.START;
    }

    @Override
    public Verdict check(Step step, DeployState state, Step.Report out) {
        Verdict verdict = Verdict.ACCEPTED;
        for (StaticAddresses.Judged j : StaticAddresses.judged(step, state)) {
            if (!j.family().isEmpty()) {
                continue;
            }
            boolean v4 = j.ip().family() == IpFamily.IPV4;
            out.report(j.request().address().location(), step.spelled(j.request()) + " is on network '"
                    + j.request().network() + "'" + Step.line(j.network().location()) + ", which has no "
                    + (v4 ? "IPv4" : "IPv6") + " subnet configured: " + step.addressRefusal() + " ('user specified IP"
                    + " address is supported only when connecting to networks with user configured subnets'). Give the"
                    + " network a subnet that holds it, e.g. " + step.option("subnet: ", "--subnet ")
                    + Cidr.of(j.ip(), v4 ? 24 : 64) + ", or drop the static address.");
            verdict = StaticAddresses.refusal(step);
        }
        return verdict;
    }
}
