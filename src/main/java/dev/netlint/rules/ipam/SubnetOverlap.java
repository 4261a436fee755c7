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
 * networks it sorts and sweeps (O(n log n)), so inspect dumps with thousands of networks stay cheap.
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
            java.util.Set<SourceLocation> reported = new java.util.HashSet<>();
            sweep(local, reported, out);
            sweep(global, reported, out);
        }
    }

    /**
     * Sorted by family and first address, a block overlaps an earlier one exactly when it starts at
     * or before the furthest end seen so far. The two furthest ends from different networks are
     * kept, so a block is compared with another network even when its own network reaches further.
     */
    private void sweep(List<Block> blocks, java.util.Set<SourceLocation> reported, FindingSink out) {
        blocks.sort(Comparator.comparing(Block::cidr));
        Block far1 = null; // furthest-reaching block so far
        Block far2 = null; // furthest-reaching block of a network other than far1's
        for (Block b : blocks) {
            if (far1 != null && far1.cidr().family() != b.cidr().family()) {
                far1 = null;
                far2 = null;
            }
            Block witness = null;
            if (far1 != null && far1.network() != b.network() && reaches(far1, b)) {
                witness = far1;
            } else if (far2 != null && far2.network() != b.network() && reaches(far2, b)) {
                witness = far2;
            }
            if (witness != null) {
                report(b, witness, reported, out);
            }
            // keep the two furthest ends from distinct networks
            if (far1 == null || ends(b, far1)) {
                if (far1 != null && far1.network() != b.network()) {
                    far2 = far1;
                }
                far1 = b;
            } else if (b.network() != far1.network() && (far2 == null || ends(b, far2))) {
                far2 = b;
            }
        }
    }

    private static boolean reaches(Block earlier, Block b) {
        return b.cidr().firstValue().compareTo(earlier.cidr().lastValue()) <= 0;
    }

    private static boolean ends(Block b, Block than) {
        return b.cidr().lastValue().compareTo(than.cidr().lastValue()) > 0;
    }

    private void report(Block a, Block b, java.util.Set<SourceLocation> reported, FindingSink out) {
        // Report on the one written later, once; name the other.
        Block later = WRITTEN.compare(a.location(), b.location()) >= 0 ? a : b;
        Block other = later == a ? b : a;
        if (!reported.add(later.location())) {
            return;
        }
        out.report(this, later.location(), "subnet " + later.written() + " of network '" + later.network().name()
                + "' overlaps subnet " + other.written() + " of network '" + other.network().name() + "'"
                + Ipam.line(other.location()) + ": whichever is created second is refused ('Pool overlaps with "
                + "other one on this address space'). Give each network its own range.");
    }
}
