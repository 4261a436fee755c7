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
import java.util.stream.Collectors;

@RuleInfo(id = "NL106", name = "static-ip-outside-subnet", severity = Severity.ERROR,
        summary = "A static ipv4_address/ipv6_address is outside every subnet of its network.")
public final class StaticIpOutsideSubnet implements Rule {
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
                if (s.family() == IpFamily.IPV6 && !Ipam.ipv6(net.network()).orElse(false)) {
                    continue; // ignored while IPv6 is off: NL112 says so
                }
                List<Cidr> same = subnets.get().stream().filter(c -> c.family() == s.family()).toList();
                if (same.isEmpty() || same.stream().anyMatch(c -> c.contains(s.ip()))) {
                    continue; // no subnet of that family is NL107's case
                }
                String key = s.family() == IpFamily.IPV4 ? "ipv4_address" : "ipv6_address";
                out.report(this, s.value().location(), key + " " + s.ip() + " of " + Ipam.who(net.project(), s.container())
                        + " is outside the subnet" + (same.size() > 1 ? "s " : " ")
                        + same.stream().map(Cidr::toString).collect(Collectors.joining(", ")) + " of " + net.describe()
                        + ": " + Ipam.refused(net.project()) + " ('Invalid address " + s.ip()
                        + ": It does not belong to any of this network's subnets'). Pick an address inside "
                        + same.get(0) + ".");
            }
        }
    }
}
