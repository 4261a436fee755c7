package dev.netlint.rules.modes;

import dev.netlint.deploy.DeployState;
import dev.netlint.deploy.Step;
import dev.netlint.model.Container;
import dev.netlint.model.Fix;
import dev.netlint.model.NetworkMode;
import dev.netlint.model.Operation;
import dev.netlint.model.PortMapping;
import dev.netlint.model.Severity;
import dev.netlint.rules.RuleInfo;
import dev.netlint.rules.SimulatedRule;

import java.util.List;

@RuleInfo(id = "NL201", name = "host-mode-ports-discarded", severity = Severity.WARNING,
        summary = "A container in host network mode publishes ports, which the daemon discards.",
        fixes = Fix.Applicability.SUGGESTION,
        aliases = {"NL413"})
public final class HostModePortsDiscarded extends SimulatedRule {
    @Override
    public Phase phase() {
        return Phase.ADVICE;
    }

    @Override
    public Verdict check(Step step, DeployState state, Step.Report out) {
        if (!(step.operation() instanceof Operation.RunContainer op) || !step.mode().is(NetworkMode.Kind.HOST)) {
            return Verdict.ACCEPTED;
        }
        Container c = op.container();
        List<PortMapping> known = c.ports().stream().filter(x -> !x.unknown()).toList();
        String advice = " The daemon says 'WARNING: Published ports are discarded when using host network mode';"
                + " docker-compose 1.28-1.29 refuses it ('\"host\" network_mode is incompatible with port_bindings')."
                + " Remove the " + step.option("ports", "-p options") + ", or leave host mode and keep the mapping.";
        if (!known.isEmpty()) {
            PortMapping m = known.get(0);
            String more = known.size() == 1 ? "" : " (and " + (known.size() - 1) + " more "
                    + (known.size() == 2 ? "entry" : "entries") + ")";
            out.report(ServiceNetworks.where(c, m.location()), step.who(c) + " uses host networking, so "
                    + step.option("the ports: entry \"", "-p \"") + m.raw() + "\"" + more + " publishes nothing: the"
                    + " process listens on the host's own interfaces directly." + advice,
                    step.declarative() ? DiscardedPortsFix.forService(c, "host") : DiscardedPortsFix.forFlags(known, "host"));
        } else if (c.publishAll()) {
            out.report(ServiceNetworks.where(c, c.publishAllLocation()), step.who(c) + " uses host networking, so -P "
                    + "publishes nothing: the process listens on the host's own interfaces directly." + advice);
        }
        return Verdict.ACCEPTED;
    }
}
