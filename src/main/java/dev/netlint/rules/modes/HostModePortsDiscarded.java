package dev.netlint.rules.modes;

import dev.netlint.model.Container;
import dev.netlint.model.Model;
import dev.netlint.model.NetworkMode;
import dev.netlint.model.PortMapping;
import dev.netlint.model.Project;
import dev.netlint.model.Severity;
import dev.netlint.rules.FindingSink;
import dev.netlint.rules.Fix;
import dev.netlint.rules.Rule;
import dev.netlint.rules.RuleInfo;

@RuleInfo(id = "NL201", name = "host-mode-ports-discarded", severity = Severity.WARNING,
        fixes = Fix.Applicability.SUGGESTION,
        summary = "A container in host network mode publishes ports, which the daemon discards.")
public final class HostModePortsDiscarded implements Rule {
    @Override
    public void check(Model model, FindingSink out) {
        for (Project p : model.projects()) {
            if (ServiceNetworks.simulatedElsewhere(p)) {
                continue;
            }
            for (Container c : ServiceNetworks.containersOf(p)) {
                if (!c.networkMode().is(NetworkMode.Kind.HOST)) {
                    continue;
                }
                java.util.List<PortMapping> known = c.ports().stream().filter(x -> !x.unknown()).toList();
                if (!known.isEmpty()) {
                    PortMapping m = known.get(0);
                    String more = known.size() == 1 ? "" : " (and " + (known.size() - 1) + " more "
                            + (known.size() == 2 ? "entry" : "entries") + ")";
                    out.report(this, ServiceNetworks.where(c, m.location()), ServiceNetworks.describe(p, c)
                            + " uses host networking, so \"" + m.raw() + "\"" + more + " publishes nothing: the process"
                            + " listens on the host's own interfaces directly. The daemon says 'WARNING: Published"
                            + " ports are discarded when using host network mode'; docker-compose 1.28-1.29 refuses"
                            + " it ('\"host\" network_mode is incompatible with port_bindings'). Remove the "
                            + ServiceNetworks.option(p, "ports", "-p options")
                            + ", or leave host mode and keep the mapping.", DiscardedPortsFix.forService(c, "host"));
                }
            }
        }
    }
}
