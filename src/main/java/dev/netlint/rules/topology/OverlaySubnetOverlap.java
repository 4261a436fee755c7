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
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Overlay subnets that overlap across hosts of one swarm. Hosts are taken to be in one swarm when
 * their dumps show an overlay network with the same daemon id (every node lists the swarm's
 * {@code ingress} and the overlays it runs tasks of), or when the configuration puts them on one
 * segment. Independent swarms reuse the default overlay pools (10.0.0.0/24 and up) harmlessly, so
 * hosts with nothing linking them are not compared. A network seen from several nodes (same id, or
 * same name and subnet) is one network, counted once.
 */
@RuleInfo(id = "NL504", name = "overlay-subnet-overlap", severity = Severity.ERROR,
        summary = "Overlay networks seen on different hosts of one swarm use overlapping subnets.")
public final class OverlaySubnetOverlap implements Rule {
    private record Overlay(Network network, IpamPool pool, String host) { }

    @Override
    public void check(Model model, FindingSink out) {
        Set<String> declaredHosts = new HashSet<>();
        for (Segment s : model.segments()) {
            s.effectiveMembers().forEach(m -> declaredHosts.add(m.host()));
        }
        Map<String, String> parent = new HashMap<>();
        Map<String, String> hostOfId = new HashMap<>();
        for (Segment s : model.segments()) {
            List<Segment.Member> ms = s.effectiveMembers();
            for (int i = 1; i < ms.size(); i++) {
                union(parent, ms.get(0).host(), ms.get(i).host());
            }
        }
        Set<String> seen = new HashSet<>();
        List<Overlay> overlays = new ArrayList<>();
        for (Project p : model.projects()) {
            if (!Lans.takesPart(p, declaredHosts)) {
                continue;
            }
            for (Network n : p.allNetworks()) {
                if (!n.isDriver("overlay")) {
                    continue;
                }
                if (n.observedId() != null) {
                    String first = hostOfId.putIfAbsent(n.observedId(), p.host());
                    if (first != null) {
                        union(parent, first, p.host());
                        continue; // the same swarm network seen from another node
                    }
                }
                for (IpamPool pool : n.pools()) {
                    if (pool.subnet() == null) {
                        continue;
                    }
                    Optional<Cidr> c = pool.subnet().asCidr().map(Cidr::normalized);
                    if (c.isPresent() && seen.add(n.name() + "|" + c.get())) {
                        overlays.add(new Overlay(n, pool, p.host()));
                    }
                }
            }
        }
        Map<String, List<Interval<Overlay>>> bySwarm = new LinkedHashMap<>();
        for (Overlay o : overlays) {
            Cidr c = o.pool().subnet().asCidr().orElseThrow().normalized();
            bySwarm.computeIfAbsent(find(parent, o.host()), k -> new ArrayList<>()).add(Interval.of(c, o.host(), o));
        }
        for (List<Interval<Overlay>> swarm : bySwarm.values()) {
            IntervalSweep.overlapsAcrossGroups(swarm, (later, witness) -> {
                Overlay a = later.item();
                Overlay b = witness.item();
                out.report(this, a.pool().subnet().location(), "overlay network " + a.network().name() + " on host "
                        + a.host() + " uses subnet " + a.pool().subnet().raw() + ", which overlaps subnet "
                        + b.pool().subnet().raw() + " of overlay network " + b.network().name() + " on host " + b.host()
                        + " at " + Lans.where(b.pool().subnet().location()) + "; both hosts are in one swarm. "
                        + "Overlays span every node, so a task attached to both routes one of them wrongly, and a "
                        + "manager refuses to create the second ('Pool overlaps with other one on this address "
                        + "space'). Give every overlay its own block.");
            });
        }
    }

    private static String find(Map<String, String> parent, String x) {
        String root = x;
        while (parent.containsKey(root) && !parent.get(root).equals(root)) {
            root = parent.get(root);
        }
        String cur = x;
        while (!cur.equals(root)) {
            String next = parent.getOrDefault(cur, root);
            parent.put(cur, root);
            cur = next;
        }
        return root;
    }

    private static void union(Map<String, String> parent, String a, String b) {
        String ra = find(parent, a);
        String rb = find(parent, b);
        if (!ra.equals(rb)) {
            parent.put(rb, ra);
        }
    }
}
