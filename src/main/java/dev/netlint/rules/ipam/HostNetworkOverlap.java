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

import java.util.ArrayList;
import java.util.List;

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
        List<Cidr> hostNetworks = new ArrayList<>();
        for (AddressValue h : model.hostNetworks()) {
            Ipam.cidr(h).map(Cidr::normalized).ifPresent(hostNetworks::add);
        }
        for (Ipam.Pool p : Ipam.pools(model)) {
            if (p.subnet() == null) {
                continue;
            }
            Cidr subnet = p.subnet().normalized();
            for (Cidr hostNetwork : hostNetworks) {
                if (!hostNetwork.overlaps(subnet)) {
                    continue;
                }
                // the network last: most subnets overlap no host network, and then it is not read
                Network n = p.network();
                if (!n.isDriver("bridge") || (p.project().kind() == Project.Kind.OBSERVED && n.isBuiltIn())) {
                    break;
                }
                IpamPool pool = p.pool();
                out.report(this, pool.subnet().location(), "subnet " + p.subnet() + " overlaps the host network "
                        + hostNetwork + " (hostNetworks in the netlint configuration): the daemon accepts it (NC32) but "
                        + "adds a route for " + subnet + " on the new bridge, so the host loses its route to "
                        + (subnet.contains(hostNetwork) ? hostNetwork : "that part of " + hostNetwork) + " and the machines "
                        + "there become unreachable from the host and its containers. Pick a subnet outside "
                        + hostNetwork + "." + FreeSubnets.sentence(model, pool),
                        FreeSubnets.fix(model, p.project(), n, pool));
                break;
            }
        }
    }
}
