package dev.netlint.rules.topology;

import dev.netlint.address.Cidr;
import dev.netlint.address.IntervalSweep;
import dev.netlint.address.IntervalSweep.Interval;
import dev.netlint.model.IpamPool;
import dev.netlint.model.Model;
import dev.netlint.model.Network;
import dev.netlint.model.Project;
import dev.netlint.model.Segment;
import dev.netlint.model.Severity;
import dev.netlint.rules.FindingSink;
import dev.netlint.rules.Rule;
import dev.netlint.rules.RuleInfo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Overlay subnets that overlap across hosts. A swarm-scoped overlay appears in the dump of every
 * node it reaches with the same name and subnet: that is one network seen twice, not a clash, so
 * each (name, subnet) is counted once, on the first host that shows it.
 */
@RuleInfo(id = "NL504", name = "overlay-subnet-overlap", severity = Severity.ERROR,
        summary = "Overlay networks on different hosts use overlapping subnets.")
public final class OverlaySubnetOverlap implements Rule {
    private record Overlay(Network network, IpamPool pool, String host) { }

    @Override
    public void check(Model model, FindingSink out) {
        Set<String> declaredHosts = new HashSet<>();
        for (Segment s : model.segments()) {
            s.effectiveMembers().forEach(m -> declaredHosts.add(m.host()));
        }
        Set<String> seen = new HashSet<>();
        List<Interval<Overlay>> all = new ArrayList<>();
        for (Project p : model.projects()) {
            if (!Lans.takesPart(p, declaredHosts)) {
                continue;
            }
            for (Network n : Lans.networksOf(p)) {
                if (!n.isDriver("overlay")) {
                    continue;
                }
                for (IpamPool pool : n.pools()) {
                    if (pool.subnet() == null) {
                        continue;
                    }
                    Optional<Cidr> c = pool.subnet().asCidr().map(Cidr::normalized);
                    if (c.isEmpty() || !seen.add(n.name() + "|" + c.get())) {
                        continue;
                    }
                    all.add(Interval.of(c.get(), p.host(), new Overlay(n, pool, p.host())));
                }
            }
        }
        IntervalSweep.overlapsAcrossGroups(all, (later, witness) -> {
            Overlay a = later.item();
            Overlay b = witness.item();
            out.report(this, a.pool().subnet().location(), "overlay network " + a.network().name() + " on host "
                    + a.host() + " uses subnet " + a.pool().subnet().raw() + ", which overlaps subnet "
                    + b.pool().subnet().raw() + " of overlay network " + b.network().name() + " on host " + b.host()
                    + " at " + Lans.where(b.pool().subnet().location()) + ". Inside one swarm the manager refuses "
                    + "this ('Pool overlaps with other one on this address space'); across swarms, a container or "
                    + "host that joins both routes one of them wrongly. Give every overlay its own block.");
        });
    }
}
