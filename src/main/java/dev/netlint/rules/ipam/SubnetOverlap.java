package dev.netlint.rules.ipam;

import dev.netlint.address.Cidr;
import dev.netlint.address.IntervalSweep;
import dev.netlint.model.IpamPool;
import dev.netlint.model.Model;
import dev.netlint.model.Network;
import dev.netlint.model.Operation;
import dev.netlint.model.Project;
import dev.netlint.model.Severity;
import dev.netlint.model.SourceLocation;
import dev.netlint.rules.FindingSink;
import dev.netlint.model.Fix;
import dev.netlint.rules.Rule;
import dev.netlint.rules.RuleInfo;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Overlapping subnets inside one network, and between the networks of one project. Blocks are
 * indexed (O(n log n), never all pairs), so inspect dumps with thousands of networks stay cheap.
 * Compose files and dumps are taken in the order they are written; scripts in the order their
 * commands run, so a network removed before the next is created does not count.
 */
@RuleInfo(id = "NL110", name = "subnet-overlap", severity = Severity.ERROR,
        fixes = Fix.Applicability.SUGGESTION,
        summary = "Two subnets overlap, within one network or between networks of one project.")
public final class SubnetOverlap implements Rule {
    private static final Comparator<SourceLocation> WRITTEN = Comparator.comparing(SourceLocation::file)
            .thenComparingInt(SourceLocation::line).thenComparingInt(SourceLocation::column);

    /** One subnet, normalised, with where it was written. */
    private record Block(Cidr cidr, Cidr written, Network network, SourceLocation location, Project project,
                         IpamPool pool) {
    }

    @Override
    public void check(Model model, FindingSink out) {
        // One project at a time (networks of a project are contiguous in the list): overlaps between
        // networks only count within a project, and a fleet's million blocks need not be held at once.
        Set<Project> withOverlap = projectsWithOverlap(Ipam.pools(model));
        List<Ipam.Net> nets = Ipam.networks(model);
        int from = 0;
        while (from < nets.size()) {
            Project p = nets.get(from).project();
            int to = from;
            while (to < nets.size() && nets.get(to).project() == p) {
                to++;
            }
            if (withOverlap.contains(p)) {
                checkProject(model, p, nets.subList(from, to), out);
            }
            from = to;
        }
    }

    /**
     * The projects where any two subnets overlap, whatever their networks: the only ones where this
     * rule can find something. Most projects, and nearly all of a fleet's, have none; this asks the
     * pool view and one sort per project, where the full check builds a witness index.
     */
    private static Set<Project> projectsWithOverlap(List<Ipam.Pool> pools) {
        Set<Project> out = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Cidr> subnets = new ArrayList<>();
        int from = 0;
        while (from < pools.size()) {
            Project p = pools.get(from).project();
            subnets.clear();
            int to = from;
            for (; to < pools.size() && pools.get(to).project() == p; to++) {
                if (pools.get(to).subnet() != null) {
                    subnets.add(pools.get(to).subnet());
                }
            }
            if (IntervalSweep.anyOverlap(subnets)) {
                out.add(p);
            }
            from = to;
        }
        return out;
    }

    private void checkProject(Model model, Project project, List<Ipam.Net> nets, FindingSink out) {
        List<Block> blocks = new ArrayList<>();
        Map<Network, List<Block>> byNetwork = new IdentityHashMap<>();
        for (Ipam.Net net : nets) {
            Network n = net.network();
            if (Ipam.hasNoAddressing(n) || !Ipam.defaultIpam(n)) {
                continue;
            }
            List<Block> own = new ArrayList<>(n.pools().size());
            for (IpamPool pool : n.pools()) {
                Optional<Cidr> c = Ipam.cidr(pool.subnet());
                if (c.isEmpty()) {
                    continue;
                }
                Block b = new Block(c.get().normalized(), c.get(), n, pool.subnet().location(), net.project(), pool);
                for (Block earlier : own) {
                    if (earlier.cidr().overlaps(b.cidr())) {
                        out.report(this, b.location(), "subnet " + b.written() + " overlaps subnet " + earlier.written()
                                + Ipam.line(earlier.location()) + " of the same " + net.describe() + ": the daemon "
                                + "refuses it (docker CLI: 'multiple overlapping subnet configuration is not supported'; "
                                + "API and compose: 'Pool overlaps with other one on this address space'). Keep one of "
                                + "them.");
                        break;
                    }
                }
                own.add(b);
            }
            if (project.kind() == Project.Kind.SEQUENTIAL) {
                byNetwork.put(n, own);
            } else {
                blocks.addAll(own);
            }
        }
        if (project.kind() == Project.Kind.SEQUENTIAL) {
            script(model, project, byNetwork, out);
            return;
        }
        blocks.sort(Comparator.comparing(Block::location, WRITTEN));
        Index local = new Index();
        Index global = new Index();
        for (Block b : blocks) {
            Index index = Ipam.isOverlay(b.network()) ? global : local;
            index.find(b).ifPresent(w -> report(model, b, w, out));
            index.add(b);
        }
    }

    /** Follows a script's creates and removes in order; a conditional create is checked but not assumed. */
    private void script(Model model, Project p, Map<Network, List<Block>> byNetwork, FindingSink out) {
        Index local = new Index();
        Index global = new Index();
        for (Operation op : p.operations()) {
            if (op instanceof Operation.CreateNetwork c) {
                List<Block> blocks = byNetwork.getOrDefault(c.network(), List.of());
                for (Block b : blocks) {
                    Index index = Ipam.isOverlay(b.network()) ? global : local;
                    index.find(b).ifPresent(w -> report(model, b, w, out));
                }
                if (!op.conditional()) {
                    for (Block b : blocks) {
                        (Ipam.isOverlay(b.network()) ? global : local).add(b);
                    }
                }
            } else if (op instanceof Operation.RemoveNetwork r) {
                if (r.network() == null || !r.network().known()) {
                    local = new Index(); // may remove any network
                    global = new Index();
                } else {
                    local.removeNetwork(r.network().value());
                    global.removeNetwork(r.network().value());
                }
            }
        }
    }

    private void report(Model model, Block later, Block other, FindingSink out) {
        out.report(this, later.location(), "subnet " + later.written() + " of network '" + later.network().name()
                + "' overlaps subnet " + other.written() + " of network '" + other.network().name() + "'"
                + Ipam.line(other.location()) + ": whichever is created second is refused ('Pool overlaps with "
                + "other one on this address space'). Give each network its own range."
                + FreeSubnets.sentence(model, later.pool()),
                FreeSubnets.fix(model, later.project(), later.network(), later.pool()));
    }

    /**
     * The blocks seen so far. CIDR blocks are either nested or disjoint, so a new block overlaps
     * one of them exactly when a seen block encloses it (one of its enclosing blocks, at a prefix
     * length that occurs, was seen) or lies inside it (a seen block starts within it):
     * O(log n + distinct prefix lengths) per block.
     */
    private static final class Index {
        private final Map<Cidr, List<Block>> seen = new HashMap<>();
        private final TreeMap<BigInteger, List<Block>> byFirstV4 = new TreeMap<>();
        private final TreeMap<BigInteger, List<Block>> byFirstV6 = new TreeMap<>();
        private final TreeSet<Integer> lengthsV4 = new TreeSet<>();
        private final TreeSet<Integer> lengthsV6 = new TreeSet<>();

        /** A seen block of another network that overlaps {@code b}. */
        Optional<Block> find(Block b) {
            TreeSet<Integer> lengths = b.cidr().isIPv4() ? lengthsV4 : lengthsV6;
            for (Integer p : lengths.headSet(b.cidr().prefixLength(), true).descendingSet()) {
                Cidr enclosing = p == b.cidr().prefixLength() ? b.cidr() : Cidr.of(b.cidr().first(), p);
                Block w = other(seen.get(enclosing), b);
                if (w != null) {
                    return Optional.of(w);
                }
            }
            TreeMap<BigInteger, List<Block>> byFirst = b.cidr().isIPv4() ? byFirstV4 : byFirstV6;
            for (List<Block> inside : byFirst.subMap(b.cidr().firstValue(), true, b.cidr().lastValue(), true).values()) {
                Block w = other(inside, b);
                if (w != null) {
                    return Optional.of(w);
                }
            }
            return Optional.empty();
        }

        void add(Block b) {
            seen.computeIfAbsent(b.cidr(), k -> new ArrayList<>()).add(b);
            (b.cidr().isIPv4() ? byFirstV4 : byFirstV6).computeIfAbsent(b.cidr().firstValue(), k -> new ArrayList<>()).add(b);
            (b.cidr().isIPv4() ? lengthsV4 : lengthsV6).add(b.cidr().prefixLength());
        }

        void removeNetwork(String name) {
            seen.values().forEach(l -> l.removeIf(b -> b.network().name().equals(name)));
            byFirstV4.values().forEach(l -> l.removeIf(b -> b.network().name().equals(name)));
            byFirstV6.values().forEach(l -> l.removeIf(b -> b.network().name().equals(name)));
        }

        private static Block other(List<Block> candidates, Block b) {
            if (candidates != null) {
                for (Block c : candidates) {
                    // a second network of the same name is refused for its name first (NL409 in scripts)
                    if (c.network() != b.network() && !c.network().name().equals(b.network().name())) {
                        return c;
                    }
                }
            }
            return null;
        }
    }
}
