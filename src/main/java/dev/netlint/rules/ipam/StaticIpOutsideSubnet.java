package dev.netlint.rules.ipam;

import dev.netlint.deploy.DeployState;
import dev.netlint.deploy.StaticAddresses;
import dev.netlint.deploy.Step;
import dev.netlint.model.Severity;
import dev.netlint.rules.RuleInfo;
import dev.netlint.rules.SimulatedRule;

@RuleInfo(id = "NL106", name = "static-ip-outside-subnet", severity = Severity.ERROR,
        summary = "A static ipv4_address/ipv6_address is outside every subnet of its network.",
        aliases = {"NL417"})
public final class StaticIpOutsideSubnet extends SimulatedRule {
    @Override
    public Phase phase() {
        return Phase.START;
    }

    @Override
    public Verdict check(Step step, DeployState state, Step.Report out) {
        Verdict verdict = Verdict.ACCEPTED;
        for (StaticAddresses.Judged j : StaticAddresses.judged(step, state)) {
            if (j.ignored() || j.family().isEmpty() || j.home().isPresent()) {
                continue; // no subnet of that family is NL107's case
            }
            out.report(j.request().address().location(), step.spelled(j.request()) + " is outside every subnet of"
                    + " network '" + j.request().network() + "' (" + j.subnets() + ")" + Step.line(j.network().location())
                    + ": " + step.addressRefusal() + " ('Invalid address " + j.ip() + ": It does not belong to any of"
                    + " this network's subnets'). Use an address inside " + j.subnets() + ".");
            verdict = StaticAddresses.refusal(step);
        }
        return verdict;
    }
}
