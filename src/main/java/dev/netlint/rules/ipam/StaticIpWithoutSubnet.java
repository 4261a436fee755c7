package dev.netlint.rules.ipam;

import dev.netlint.address.Cidr;
import dev.netlint.address.IpFamily;
import dev.netlint.model.Model;
import dev.netlint.model.Severity;
import dev.netlint.rules.FindingSink;
import dev.netlint.rules.Rule;
import dev.netlint.rules.RuleInfo;

import java.util.List;
import java.util.Optional;

@RuleInfo(id = "NL107", name = "static-ip-without-subnet", severity = Severity.ERROR,
        summary = "A static ipv4_address/ipv6_address is set on a network with no configured subnet of that family.")
public final class StaticIpWithoutSubnet implements Rule {
    @Override
    public void check(Model model, FindingSink out) {
        java.util.Map<dev.netlint.model.Project, Ipam.Members> members = new java.util.IdentityHashMap<>();
        for (Ipam.Net net : Ipam.networks(model)) {
            if (Ipam.hasNoAddressing(net.network())
                    || !Ipam.defaultIpam(net.network())) {
                continue;
            }
            Optional<List<Cidr>> subnets = Ipam.subnetsIfAllKnown(net.network());
            if (subnets.isEmpty()) {
                continue;
            }
            for (Ipam.Static s : Ipam.members(members, net.project()).statics(net.network())) {
                if (subnets.get().stream().anyMatch(c -> c.family() == s.family())) {
                    continue;
                }
                boolean v4 = s.family() == IpFamily.IPV4;
                String key = v4 ? "ipv4_address" : "ipv6_address";
                Cidr example = Cidr.of(s.ip(), v4 ? 24 : 64);
                out.report(this, s.value().location(), key + " " + s.ip() + " of " + Ipam.who(net.project(), s.container())
                        + " is on " + net.describe() + ", which has no " + (v4 ? "IPv4" : "IPv6") + " subnet "
                        + "configured: " + Ipam.refused(net.project()) + " ('user specified IP address is supported only "
                        + "when connecting to networks with user configured subnets'). Give the network an ipam "
                        + "config with a subnet that holds it, e.g. subnet: " + example
                        + (v4 ? "" : " (and enable_ipv6: true)") + ".");
            }
        }
    }
}
