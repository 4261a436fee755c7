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

import java.util.Locale;

@RuleInfo(id = "NL305", name = "dhcp-port-published", severity = Severity.WARNING,
        summary = "DHCP (67/68 udp) is published through a bridge, where the clients' broadcasts never arrive.")
public final class DhcpPortPublished implements Rule {
    @Override
    public void check(Model model, FindingSink out) {
        for (Project p : model.projects()) {
            for (Container c : p.allContainers()) {
                if (!ServiceNetworks.publishes(p, c)) {
                    continue;
                }
                for (PortMapping m : c.ports()) {
                    if (m.unknown() || m.protocol() == null || !m.protocol().toLowerCase(Locale.ROOT).equals("udp")) {
                        continue;
                    }
                    int port = m.containerPortStart() <= 67 && 67 <= m.containerPortEnd() ? 67
                            : m.containerPortStart() <= 68 && 68 <= m.containerPortEnd() ? 68 : -1;
                    if (port < 0) {
                        continue;
                    }
                    out.report(this, ServiceNetworks.where(c, m.location()), "\"" + m.raw() + "\" of "
                            + ServiceNetworks.describe(p, c) + " publishes DHCP (" + port + "/udp) through a bridge:"
                            + " clients find a DHCP server by broadcasting to 255.255.255.255, and broadcasts do not"
                            + " cross port publishing (it forwards unicast to a host address only), so the server"
                            + " never hears them. Run it with host networking or on a macvlan network, or put a DHCP"
                            + " relay on the LAN that unicasts to this host.");
                }
            }
        }
    }
}
