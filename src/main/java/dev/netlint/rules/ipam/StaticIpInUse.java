package dev.netlint.rules.ipam;

import dev.netlint.deploy.DeployState;
import dev.netlint.deploy.ReservedAddresses;
import dev.netlint.deploy.StaticAddresses;
import dev.netlint.deploy.Step;
import dev.netlint.model.Container;
import dev.netlint.model.IpamPool;
import dev.netlint.model.Operation;
import dev.netlint.model.Severity;
import dev.netlint.rules.RuleInfo;
import dev.netlint.rules.SimulatedRule;

import java.util.Optional;

@RuleInfo(id = "NL108", name = "static-ip-in-use", severity = Severity.ERROR,
        summary = "A static address is the network's gateway, network or broadcast address, an aux address, or is given to two containers.",
        aliases = {"NL417"})
public final class StaticIpInUse extends SimulatedRule {
    @Override
    public Phase phase() {
        return Phase.START;
    }

    @Override
    public Verdict check(Step step, DeployState state, Step.Report out) {
        Verdict verdict = Verdict.ACCEPTED;
        for (StaticAddresses.Judged j : StaticAddresses.judged(step, state)) {
            Optional<IpamPool> home = j.home();
            if (j.ignored() || home.isEmpty()) {
                continue;
            }
            Optional<String> taken = ReservedAddresses.why(home.get(), j.ip());
            Container self = step.container();
            if (self == null && step.operation() instanceof Operation.Connect c) {
                self = state.container(c.container()).map(DeployState.ContainerState::container).orElse(null);
            }
            if (taken.isEmpty() && !step.operation().conditional()) {
                Optional<Container> holder = state.staticHolder(j.request().network(), j.ip(), self);
                if (holder.isPresent()) {
                    taken = Optional.of("already held by " + step.who(holder.get())
                            + (self == null ? "" : state.together(holder.get(), self).orElse("")));
                }
            }
            if (taken.isEmpty()) {
                continue;
            }
            out.report(j.request().address().location(), step.spelled(j.request()) + " is " + taken.get()
                    + " on network '" + j.request().network() + "'" + Step.line(j.network().location()) + "; "
                    + step.addressRefusal() + " ('Address already in use'). Choose a free address in "
                    + home.get().subnet().raw() + ".");
            verdict = StaticAddresses.refusal(step);
        }
        return verdict;
    }
}
