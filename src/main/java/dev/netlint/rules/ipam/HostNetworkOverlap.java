package dev.netlint.rules.ipam;

import dev.netlint.address.Cidr;
import dev.netlint.model.AddressValue;
import dev.netlint.model.IpamPool;
import dev.netlint.model.Model;
import dev.netlint.model.Network;
import dev.netlint.model.Project;
import dev.netlint.model.Severity;
import dev.netlint.rules.FindingSink;
import dev.netlint.model.Fix;
import dev.netlint.rules.Rule;
import dev.netlint.rules.RuleInfo;

import java.util.Optional;

/**
 * A bridge network whose subnet overlaps one of the host's own networks (hostNetworks in the
 * configuration). macvlan/ipvlan subnets are meant to be the host's LAN and add no host route;
 * overlay networks live in their own namespace: both are left alone.
 */
@RuleInfo(id = "NL114", name = "host-network-overlap", severity = Severity.ERROR,
        fixes = Fix.Applicability.SUGGESTION,
        summary = "A bridge network's subnet overlaps one of the host's own networks (hostNetworks), hijacking its route.")
public final class HostNetworkOverlap implements Rule {
    @Override
    public void check(Model model, FindingSink out) {
        if (model.hostNetworks().isEmpty()) {
            return;
        }
        for (Ipam.Net net : Ipam.networks(model)) {
            Network n = net.network();
            if (!n.isDriver("bridge") || (net.project().kind() == Project.Kind.OBSERVED && n.isBuiltIn())) {
                continue;
            }
            for (IpamPool pool : n.pools()) {
                Optional<Cidr> c = Ipam.cidr(pool.subnet());
                if (c.isEmpty()) {
                    continue;
                }
                Cidr subnet = c.get().normalized();
                for (AddressValue h : model.hostNetworks()) {
                    Optional<Cidr> hn = Ipam.cidr(h).map(Cidr::normalized);
                    if (hn.isEmpty() || !hn.get().overlaps(subnet)) {
                        continue;
                    }
                    out.report(this, pool.subnet().location(), "subnet " + c.get() + " overlaps the host network "
                            + hn.get() + " (hostNetworks in the netlint configuration): the daemon accepts it (NC32) but "
                            + "adds a route for " + subnet + " on the new bridge, so the host loses its route to "
                            + (subnet.contains(hn.get()) ? hn.get() : "that part of " + hn.get()) + " and the machines "
                            + "there become unreachable from the host and its containers. Pick a subnet outside "
                            + hn.get() + "." + FreeSubnets.sentence(model, pool),
                            FreeSubnets.fix(model, net.project(), n, pool));
                    break;
                }
            }
        }
    }
}
