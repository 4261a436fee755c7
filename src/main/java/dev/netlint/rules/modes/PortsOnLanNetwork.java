package dev.netlint.rules.modes;

import dev.netlint.model.Container;
import dev.netlint.model.Model;
import dev.netlint.model.PortMapping;
import dev.netlint.model.Project;
import dev.netlint.model.Severity;
import dev.netlint.rules.FindingSink;
import dev.netlint.rules.Rule;
import dev.netlint.rules.RuleInfo;

import java.util.stream.Collectors;

@RuleInfo(id = "NL209", name = "ports-on-lan-network", severity = Severity.WARNING,
        summary = "A container whose only networks are macvlan or ipvlan publishes ports, which has no effect.")
public final class PortsOnLanNetwork implements Rule {
    @Override
    public void check(Model model, FindingSink out) {
        for (Project p : model.projects()) {
            for (Container c : p.allContainers()) {
                if (c.ports().isEmpty() || !ServiceNetworks.onlyLanNetworks(p, c)) {
                    continue;
                }
                String nets = ServiceNetworks.joined(p, c).stream().map(t -> "\"" + t.value() + "\"")
                        .collect(Collectors.joining(", "));
                java.util.List<PortMapping> known = c.ports().stream().filter(x -> !x.unknown()).toList();
                if (!known.isEmpty()) {
                    PortMapping m = known.get(0);
                    String more = known.size() == 1 ? "" : " (and " + (known.size() - 1) + " more "
                            + (known.size() == 2 ? "entry" : "entries") + ")";
                    out.report(this, ServiceNetworks.where(c, m.location()), ServiceNetworks.describe(p, c)
                            + " is only on macvlan/ipvlan network " + nets + ", so \"" + m.raw() + "\"" + more + " has no"
                            + " effect: the daemon accepts it silently, but port publishing only works through a"
                            + " bridge. The container has its own address on the LAN; reach it there on the"
                            + " container port, and remove the mapping.");
                }
            }
        }
    }

}
