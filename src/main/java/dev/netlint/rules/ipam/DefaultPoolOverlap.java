package dev.netlint.rules.ipam;

import dev.netlint.address.Cidr;
import dev.netlint.model.DaemonSettings;
import dev.netlint.model.IpamPool;
import dev.netlint.model.Model;
import dev.netlint.model.Network;
import dev.netlint.model.Project;
import dev.netlint.model.Severity;
import dev.netlint.rules.FindingSink;
import dev.netlint.model.Fix;
import dev.netlint.rules.Rule;
import dev.netlint.rules.RuleInfo;

import java.util.List;
import java.util.Optional;

/**
 * A pinned subnet inside the pools the daemon carves automatic subnets from. Whether it clashes
 * depends on what was created first. The default bridge's own block is NL113's (an error), so it
 * is not reported again here. macvlan/ipvlan subnets are the LAN's and cannot be moved; overlay
 * networks draw from the swarm's pools: both are left alone.
 */
@RuleInfo(id = "NL115", name = "default-pool-overlap", severity = Severity.WARNING,
        fixes = Fix.Applicability.SUGGESTION,
        summary = "A pinned subnet lies inside Docker's default address pools, so it clashes with automatic subnets depending on creation order.")
public final class DefaultPoolOverlap implements Rule {
    @Override
    public void check(Model model, FindingSink out) {
        for (Ipam.Net net : Ipam.networks(model)) {
            Network n = net.network();
            if (net.project().kind() == Project.Kind.OBSERVED || Ipam.hasNoAddressing(n) || !Ipam.localScope(n)
                    || n.isLanDriver() || !Ipam.defaultIpam(n)) {
                continue;
            }
            String host = net.project().host();
            Optional<Cidr> bridge = model.defaultBridge(host);
            List<Cidr> pools = model.defaultPools(host);
            for (IpamPool pool : n.pools()) {
                Optional<Cidr> c = Ipam.cidr(pool.subnet());
                if (c.isEmpty() || !c.get().isIPv4()) {
                    continue;
                }
                Cidr subnet = c.get().normalized();
                if (bridge.isPresent() && bridge.get().overlaps(subnet)) {
                    continue; // NL113
                }
                for (Cidr p : pools) {
                    if (!p.overlaps(subnet)) {
                        continue;
                    }
                    out.report(this, pool.subnet().location(), "subnet " + c.get() + " is inside the default "
                            + "address pool " + p + " (" + source(model, host) + "), from which the daemon picks "
                            + "subnets for networks created without one. Whether it clashes depends on creation "
                            + "order: if such a network already holds a block of " + p + " that overlaps "
                            + subnet + ", creating this one fails ('Pool overlaps with other one on this address "
                            + "space'). Pick a subnet outside the default pools, or set default-address-pools in "
                            + "daemon.json to leave it out." + FreeSubnets.sentence(model, pool),
                            FreeSubnets.fix(model, net.project(), n, pool));
                    break;
                }
            }
        }
    }

    private static String source(Model model, String host) {
        boolean daemon = model.daemonOf(host).map(DaemonSettings::defaultAddressPools).filter(l -> !l.isEmpty())
                .isPresent();
        if (daemon) {
            return "default-address-pools in daemon.json";
        }
        return model.configuredPools().isEmpty() ? "Docker's default" : "defaultAddressPools in the netlint configuration";
    }
}
