package dev.netlint.rules.ipam;

import dev.netlint.address.Cidr;
import dev.netlint.model.IpamPool;
import dev.netlint.model.Model;
import dev.netlint.model.Project;
import dev.netlint.model.Severity;
import dev.netlint.rules.FindingSink;
import dev.netlint.rules.Rule;
import dev.netlint.rules.RuleInfo;

import java.util.Optional;

/**
 * libnetwork IPAM {@code RequestAddress} for the gateway: 20.10 reserves the network and (IPv4) the
 * broadcast address of every pool, so an IPv4 /31 or /32 and an IPv6 /128 have no address left for
 * the gateway. A /31 with a gateway written is NL102's (the gateway is the network or broadcast address).
 */
@RuleInfo(id = "NL118", name = "subnet-too-small", severity = Severity.ERROR,
        summary = "A subnet (IPv4 /31 or /32, IPv6 /128) leaves no address for the network's gateway.")
public final class SubnetTooSmall implements Rule {
    @Override
    public void check(Model model, FindingSink out) {
        for (Ipam.Net net : Ipam.networks(model)) {
            if (net.project().kind() == Project.Kind.OBSERVED || net.project().live()
                    || Ipam.hasNoAddressing(net.network()) || !Ipam.defaultIpam(net.network())) {
                continue;
            }
            for (IpamPool pool : net.network().pools()) {
                Optional<Cidr> s = Ipam.cidr(pool.subnet());
                if (s.isEmpty()) {
                    continue;
                }
                Cidr subnet = s.get();
                int prefix = subnet.prefixLength();
                boolean v4 = subnet.isIPv4();
                boolean gatewayGiven = Ipam.isKnownPresent(pool.gateway());
                String why;
                if (v4 && (prefix == 32 || (prefix == 31 && !gatewayGiven))) {
                    why = "Engine 20.10 reserves its network and broadcast addresses, so none is left for the gateway "
                            + "(current engines use both addresses of a /31 and the one of a /32, but leave no "
                            + "address for containers on a /32)";
                } else if (!v4 && prefix == 128 && Ipam.ipv6(net.network()).orElse(false)) {
                    why = "the daemon reserves its only address (the subnet-router anycast address)";
                } else {
                    continue;
                }
                out.report(this, pool.subnet().location() != null ? pool.subnet().location() : pool.location(),
                        "subnet " + pool.subnet().raw() + " of " + net.describe() + " is a /" + prefix + ": " + why
                                + "; the daemon refuses to create the network (\"failed to allocate gateway (): No "
                                + "available addresses on this pool\"). Use at least a /" + (v4 ? 30 : 126)
                                + ": the network address, the gateway and one container.");
            }
        }
    }
}
