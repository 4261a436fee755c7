package dev.netlint.rules.modes;

import dev.netlint.model.Container;
import dev.netlint.model.Model;
import dev.netlint.model.NetworkMode;
import dev.netlint.model.PortMapping;
import dev.netlint.model.Project;
import dev.netlint.model.Severity;
import dev.netlint.rules.FindingSink;
import dev.netlint.rules.Rule;
import dev.netlint.rules.RuleInfo;

@RuleInfo(id = "NL202", name = "none-mode-ports-unpublished", severity = Severity.WARNING,
        summary = "A container with network mode none lists published ports; they are recorded but nothing is published.")
public final class NoneModePortsUnpublished implements Rule {
    @Override
    public void check(Model model, FindingSink out) {
        for (Project p : model.projects()) {
            for (Container c : p.allContainers()) {
                if (!c.networkMode().is(NetworkMode.Kind.NONE)) {
                    continue;
                }
                java.util.List<PortMapping> known = c.ports().stream().filter(x -> !x.unknown()).toList();
                if (!known.isEmpty()) {
                    PortMapping m = known.get(0);
                    String more = known.size() == 1 ? "" : " (and " + (known.size() - 1) + " more "
                            + (known.size() == 2 ? "entry" : "entries") + ")";
                    out.report(this, ServiceNetworks.where(c, m.location()), ServiceNetworks.describe(p, c)
                            + " has network mode none (only a loopback interface), so \"" + m.raw()
                            + "\"" + more + " reaches nothing: the daemon accepts it silently and records the port, but no"
                            + " traffic can arrive. Remove the " + ServiceNetworks.option(p, "ports", "-p options")
                            + ", or attach the container to a network if it must be reachable.");
                }
            }
        }
    }
}
