package dev.netlint.rules.ports;

import dev.netlint.address.Ip;
import dev.netlint.model.Container;
import dev.netlint.model.Model;
import dev.netlint.model.PortMapping;
import dev.netlint.model.Project;
import dev.netlint.model.Severity;
import dev.netlint.rules.FindingSink;
import dev.netlint.rules.Rule;
import dev.netlint.rules.RuleInfo;
import dev.netlint.rules.modes.ServiceNetworks;

import java.util.Optional;

@RuleInfo(id = "NL302", name = "port-on-all-interfaces", severity = Severity.NOTE,
        summary = "A host port is published on all interfaces (CIS Docker Benchmark 5.14).")
public final class PortOnAllInterfaces implements Rule {
    @Override
    public void check(Model model, FindingSink out) {
        for (Project p : model.projects()) {
            Optional<Ip> defaultIp = model.defaultBindIp(p.host());
            boolean daemonBindsOneAddress = defaultIp.isPresent() && !defaultIp.get().isUnspecified();
            for (Container c : p.allContainers()) {
                if (!ServiceNetworks.publishes(p, c)) {
                    continue;
                }
                for (PortMapping m : c.ports()) {
                    if (m.unknown() || !m.publishesHostPort() || m.hostPortStart() <= 0) {
                        continue;
                    }
                    boolean omitted = m.hostIp() == null;
                    if (omitted ? daemonBindsOneAddress : !m.onAllInterfaces()) {
                        continue;
                    }
                    String ip = omitted ? "no host IP" : "host IP " + m.hostIp().raw();
                    out.report(this, ServiceNetworks.where(c, m.location()), "\"" + m.raw() + "\" of "
                            + ServiceNetworks.describe(p, c) + " has " + ip + ", so the port is open on every interface"
                            + " of the host, including public ones, and Docker's iptables rules bypass host firewalls"
                            + " such as ufw (CIS Docker Benchmark 5.14). If only this host needs it, bind it to"
                            + " loopback: \"127.0.0.1:" + PortText.shortSyntax(m) + "\".");
                }
            }
        }
    }
}
