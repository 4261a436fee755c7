package dev.netlint.rules.ports;

import dev.netlint.model.Container;
import dev.netlint.model.Model;
import dev.netlint.model.PortMapping;
import dev.netlint.model.Project;
import dev.netlint.model.Severity;
import dev.netlint.rules.FindingSink;
import dev.netlint.rules.Rule;
import dev.netlint.rules.RuleInfo;
import dev.netlint.rules.modes.ServiceNetworks;

@RuleInfo(id = "NL303", name = "privileged-host-port", severity = Severity.NOTE,
        summary = "A host port below 1024 is published (CIS Docker Benchmark 5.8).")
public final class PrivilegedHostPort implements Rule {
    /** Ports below this are privileged on Linux; 1024 itself is not. */
    static final int FIRST_UNPRIVILEGED = 1024;

    @Override
    public void check(Model model, FindingSink out) {
        for (Project p : model.projects()) {
            for (Container c : p.allContainers()) {
                if (!ServiceNetworks.publishes(p, c)) {
                    continue;
                }
                for (PortMapping m : c.ports()) {
                    if (m.unknown() || !m.publishesHostPort() || m.hostPortStart() <= 0
                            || m.hostPortStart() >= FIRST_UNPRIVILEGED) {
                        continue;
                    }
                    out.report(this, ServiceNetworks.where(c, m.location()), "\"" + m.raw() + "\" of "
                            + ServiceNetworks.describe(p, c) + " publishes privileged host port " + m.hostPortStart()
                            + " (below 1024; CIS Docker Benchmark 5.8): rootless Docker and Podman cannot bind it"
                            + " without lowering net.ipv4.ip_unprivileged_port_start. If a privileged port is not"
                            + " required, publish 1024 or above (for example \"8" + String.format("%03d", m.hostPortStart())
                            + ":" + m.containerPortStart() + "\").");
                }
            }
        }
    }
}
