package dev.netlint.rules.ipam;

import dev.netlint.address.Cidr;
import dev.netlint.model.IpamPool;
import dev.netlint.model.Model;
import dev.netlint.model.Network;
import dev.netlint.model.Project;
import dev.netlint.model.Severity;
import dev.netlint.model.SourceLocation;
import dev.netlint.rules.FindingSink;
import dev.netlint.rules.Rule;
import dev.netlint.rules.RuleInfo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Overlapping subnets inside one network, and between the networks of one project. Between
 * networks it indexes the blocks (O(n log n)), so inspect dumps with thousands of networks stay cheap.
 * Scripts are left to the NL4xx simulation, which knows what exists when each network is created.
 */
@RuleInfo(id = "NL110", name = "subnet-overlap", severity = Severity.ERROR,
        summary = "Two subnets overlap, within one network or between networks of one project.")
public final class SubnetOverlap implements Rule {
    private static final Comparator<SourceLocation> WRITTEN = Comparator.comparing(SourceLocation::file)
            .thenComparingInt(SourceLocation::line).thenComparingInt(SourceLocation::column);

    /** One subnet, normalised, with where it was written. */
    private record Block(Cidr cidr, Cidr written, Network network, SourceLocation location) {
    }

    @Override
    public void check(Model model, FindingSink out) {
        Map<Project, List<Block>> byProject = new LinkedHashMap<>();
        for (Ipam.Net net : Ipam.networks(model)) {
            Network n = net.network();
            if (Ipam.hasNoAddressing(n) || !Ipam.defaultIpam(n)) {
                continue;
            }
            List<Block> own = new ArrayList<>();
            for (IpamPool pool : n.pools()) {
                Optional<Cidr> c = Ipam.cidr(pool.subnet());
                if (c.isEmpty()) {
                    continue;
                }
                Block b = new Block(c.get().normalized(), c.get(), n, pool.subnet().location());
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
            if (net.project().kind() != Project.Kind.SEQUENTIAL) {
                byProject.computeIfAbsent(net.project(), k -> new ArrayList<>()).addAll(own);
            }
        }
        for (Map.Entry<Project, List<Block>> e : byProject.entrySet()) {
            List<Block> local = new ArrayList<>();
            List<Block> global = new ArrayList<>();
            for (Block b : e.getValue()) {
                (Ipam.isOverlay(b.network()) ? global : local).add(b);
            }
            sweep(local, out);
            sweep(global, out);
        }
    }

    /**
     * CIDR blocks are either nested or disjoint, so a block overlaps an earlier one exactly when an
     * earlier block contains it (one of its at most 32/128 enclosing blocks was seen) or lies inside
     * it (an earlier block starts within it). Blocks are taken in the order they were written, and
     * each is reported once, naming one earlier block: O(n (log n + address bits)), never all pairs.
     */
    private void sweep(List<Block> blocks, FindingSink out) {
        blocks.sort(Comparator.comparing(Block::location, WRITTEN));
        Map<Cidr, List<Block>> seen = new java.util.HashMap<>();
        java.util.TreeMap<java.math.BigInteger, List<Block>> byFirst = new java.util.TreeMap<>();
        java.util.TreeMap<java.math.BigInteger, List<Block>> byFirstV6 = new java.util.TreeMap<>();
        java.util.TreeSet<Integer> lengthsV4 = new java.util.TreeSet<>();
        java.util.TreeSet<Integer> lengthsV6 = new java.util.TreeSet<>();
        for (Block b : blocks) {
            java.util.TreeMap<java.math.BigInteger, List<Block>> index = b.cidr().isIPv4() ? byFirst : byFirstV6;
            java.util.TreeSet<Integer> lengths = b.cidr().isIPv4() ? lengthsV4 : lengthsV6;
            Block witness = null;
            // only the prefix lengths that occur can hold an enclosing block
            for (Integer p : lengths.headSet(b.cidr().prefixLength(), true).descendingSet()) {
                witness = other(seen.get(Cidr.of(b.cidr().first(), p)), b);
                if (witness != null) {
                    break;
                }
            }
            if (witness == null) {
                for (List<Block> inside : index.subMap(b.cidr().firstValue(), true, b.cidr().lastValue(), true).values()) {
                    witness = other(inside, b);
                    if (witness != null) {
                        break;
                    }
                }
            }
            if (witness != null) {
                report(b, witness, out);
            }
            seen.computeIfAbsent(b.cidr(), k -> new ArrayList<>()).add(b);
            lengths.add(b.cidr().prefixLength());
            index.computeIfAbsent(b.cidr().firstValue(), k -> new ArrayList<>()).add(b);
        }
    }

    /** A block of another network from the list, if any. */
    private static Block other(List<Block> candidates, Block b) {
        if (candidates != null) {
            for (Block c : candidates) {
                if (c.network() != b.network()) {
                    return c;
                }
            }
        }
        return null;
    }

    private void report(Block later, Block other, FindingSink out) {
        out.report(this, later.location(), "subnet " + later.written() + " of network '" + later.network().name()
                + "' overlaps subnet " + other.written() + " of network '" + other.network().name() + "'"
                + Ipam.line(other.location()) + ": whichever is created second is refused ('Pool overlaps with "
                + "other one on this address space'). Give each network its own range.");
    }
}
