package dev.netlint.rules.modes;

import dev.netlint.model.Model;
import dev.netlint.model.Network;
import dev.netlint.model.Project;
import dev.netlint.model.Severity;
import dev.netlint.model.SourceLocation;
import dev.netlint.rules.FindingSink;
import dev.netlint.rules.Rule;
import dev.netlint.rules.RuleInfo;

@RuleInfo(id = "NL214", name = "lan-network-without-subnet", severity = Severity.WARNING,
        summary = "A macvlan or ipvlan network has no subnet, so its addresses come from Docker's pools, not the LAN.")
public final class LanNetworkWithoutSubnet implements Rule {
    @Override
    public void check(Model model, FindingSink out) {
        for (Project p : model.projects()) {
            if (p.kind() == Project.Kind.OBSERVED) {
                continue;
            }
            for (Network n : p.allNetworks()) {
                if (n.external() || !n.isLanDriver() || n.hasUserSubnet() || Boolean.TRUE.equals(n.internal())
                        || (n.ipamDriver() != null && !n.ipamDriver().is("default"))) {
                    continue;
                }
                String driver = n.driverName().orElse("macvlan");
                SourceLocation at = n.driver() != null && n.driver().location() != null ? n.driver().location() : n.location();
                out.report(this, at, driver + " network \"" + n.name() + "\" has no subnet, so the daemon picks one"
                        + " from its default address pools (for example 192.168.160.0/20) instead of the LAN's:"
                        + " containers get addresses the LAN does not route, and the gateway is not the LAN's router."
                        + " Give the LAN's subnet and gateway: " + (p.kind() == Project.Kind.DECLARATIVE
                        ? "ipam: { config: [ { subnet: ..., gateway: ..., ip_range: ... } ] }"
                        : "--subnet ... --gateway ... --ip-range ...") + ", with an ip_range the LAN's DHCP server"
                        + " does not hand out.");
            }
        }
    }
}
