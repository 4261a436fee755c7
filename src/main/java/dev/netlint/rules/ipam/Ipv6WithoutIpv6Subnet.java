package dev.netlint.rules.ipam;

import dev.netlint.address.Cidr;
import dev.netlint.model.IpamPool;
import dev.netlint.model.Model;
import dev.netlint.model.Network;
import dev.netlint.model.Project;
import dev.netlint.model.Severity;
import dev.netlint.rules.FindingSink;
import dev.netlint.rules.Rule;
import dev.netlint.rules.RuleInfo;

import java.util.Optional;

/**
 * libnetwork IPAM {@code RequestPool} without a preferred pool: 20.10 has no default IPv6 pool, so
 * a network with IPv6 enabled and no IPv6 subnet of its own is refused ("could not find an
 * available, non-overlapping IPv6 address pool among the defaults").
 */
@RuleInfo(id = "NL119", name = "ipv6-without-ipv6-subnet", severity = Severity.ERROR,
        summary = "A network enables IPv6 but gives no IPv6 subnet, and the daemon has no default IPv6 pool to take one from.")
public final class Ipv6WithoutIpv6Subnet implements Rule {
    @Override
    public void check(Model model, FindingSink out) {
        for (Ipam.Net net : Ipam.networks(model)) {
            Network n = net.network();
            if (net.project().kind() == Project.Kind.OBSERVED || net.project().live() || Ipam.hasNoAddressing(n)
                    || !Ipam.defaultIpam(n) || !Ipam.ipv6(n).orElse(false) || hasIpv6PoolOrUnknown(n)
                    || !model.configuredPools().isEmpty()) {
                continue;
            }
            out.report(this, n.enableIpv6Location() != null ? n.enableIpv6Location() : n.location(), net.describe()
                    + " enables IPv6 but has no IPv6 subnet; Engine 20.10 has no default IPv6 pool and refuses to "
                    + "create it (\"could not find an available, non-overlapping IPv6 address pool among the "
                    + "defaults to assign to the network\"). Add an IPv6 subnet, such as a /64 from your own ULA "
                    + "prefix (fdXX:XXXX:XXXX::/48), or configure IPv6 default-address-pools in daemon.json.");
        }
    }

    private static boolean hasIpv6PoolOrUnknown(Network n) {
        for (IpamPool pool : n.pools()) {
            if (pool.subnet() == null) {
                continue;
            }
            Optional<Cidr> c = Ipam.cidr(pool.subnet());
            if (c.isEmpty() || !c.get().isIPv4()) {
                return true; // an IPv6 subnet, or one we cannot read
            }
        }
        return false;
    }
}
