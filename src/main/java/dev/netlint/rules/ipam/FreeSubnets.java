package dev.netlint.rules.ipam;

import dev.netlint.address.Cidr;
import dev.netlint.address.FreeBlocks;
import dev.netlint.model.AddressValue;
import dev.netlint.model.Attachment;
import dev.netlint.model.Container;
import dev.netlint.model.IpamPool;
import dev.netlint.model.Model;
import dev.netlint.model.Network;
import dev.netlint.model.Project;
import dev.netlint.model.Fix;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;

/**
 * A free subnet for each declared pool that clashes with something: the lowest block of the same
 * length, in the candidate space (configurable), that overlaps no subnet netlint knows on that host
 * (every project's, observed networks', the default bridge, the host's own networks, the default
 * pools) nor any block suggested for another pool. Computed once per model, in model order, so every
 * rule that reports the pool suggests the same block and no two suggestions collide.
 */
public final class FreeSubnets {
    /** Above this many declared pools on one host, suggestions are not computed (no fix, no noise). */
    private static final int MAX_DECLARED = 5_000;
    private static final Map<Model, Map<IpamPool, Cidr>> CACHE = new WeakHashMap<>();

    private FreeSubnets() {
    }

    /** The block suggested for {@code pool}, when it clashes and a free block exists. */
    public static Optional<Cidr> suggestion(Model model, IpamPool pool) {
        Map<IpamPool, Cidr> all;
        synchronized (CACHE) {
            all = CACHE.computeIfAbsent(model, FreeSubnets::compute);
        }
        return Optional.ofNullable(all.get(pool));
    }

    /** " A free /24 outside every known subnet is 10.0.3.0/24." or "". */
    public static String sentence(Model model, IpamPool pool) {
        return suggestion(model, pool).map(c -> " A free /" + c.prefixLength() + " outside every subnet netlint knows"
                + " on this host is " + c + ".").orElse("");
    }

    /**
     * The suggestion as an edit of the subnet, only when nothing else in the network is written in
     * terms of the old subnet (gateway, ip_range, aux addresses, static container addresses): then
     * moving the subnet alone is certain to give a consistent network.
     */
    public static Fix fix(Model model, Project project, Network network, IpamPool pool) {
        Optional<Cidr> free = suggestion(model, pool);
        AddressValue subnet = pool.subnet();
        if (free.isEmpty() || subnet == null || subnet.raw() == null || pool.gateway() != null
                || pool.ipRange() != null || !pool.auxAddresses().isEmpty() || hasStaticAddresses(project, network)) {
            return null;
        }
        return Fix.suggestion("move the subnet to the free block " + free.get(),
                Fix.Edit.replace(subnet.location(), subnet.raw().trim(), free.get().toString()));
    }

    private static boolean hasStaticAddresses(Project project, Network network) {
        for (Container c : project.containers()) {
            for (Attachment a : c.attachments()) {
                if ((a.ipv4() != null || a.ipv6() != null) && a.network() != null
                        && network.name().equals(a.network().value())) {
                    return true;
                }
            }
        }
        for (dev.netlint.model.Operation op : project.operations()) {
            if (op instanceof dev.netlint.model.Operation.RunContainer r && (r.ipv4() != null || r.ipv6() != null)
                    && r.networks().stream().anyMatch(t -> !t.known() || t.value().equals(network.name()))) {
                return true;
            }
            if (op instanceof dev.netlint.model.Operation.Connect c && (c.ipv4() != null || c.ipv6() != null)
                    && (c.network() == null || !c.network().known() || c.network().value().equals(network.name()))) {
                return true;
            }
        }
        return false;
    }

    private static Map<IpamPool, Cidr> compute(Model model) {
        Map<IpamPool, Cidr> out = new IdentityHashMap<>();
        Map<String, List<Ipam.Net>> byHost = new java.util.LinkedHashMap<>();
        for (Ipam.Net net : Ipam.networks(model)) {
            byHost.computeIfAbsent(net.project().host(), h -> new ArrayList<>()).add(net);
        }
        List<Cidr> candidates = candidates(model);
        for (Map.Entry<String, List<Ipam.Net>> e : byHost.entrySet()) {
            suggest(model, e.getKey(), e.getValue(), candidates, out);
        }
        return out;
    }

    private static List<Cidr> candidates(Model model) {
        List<Cidr> out = new ArrayList<>();
        if (!model.freeSubnetCandidates().isEmpty()) {
            for (AddressValue v : model.freeSubnetCandidates()) {
                v.asCidr().map(Cidr::normalized).ifPresent(out::add);
            }
            return out;
        }
        for (String c : FreeBlocks.DEFAULT_CANDIDATES) {
            out.add(Ipam.cidr(AddressValue.cidr(c, dev.netlint.model.SourceLocation.logical("defaults"))).orElseThrow());
        }
        return out;
    }

    private static void suggest(Model model, String host, List<Ipam.Net> nets, List<Cidr> candidates,
                                Map<IpamPool, Cidr> out) {
        List<Cidr> fixed = new ArrayList<>(model.defaultPools(host));
        model.defaultBridge(host).ifPresent(fixed::add);
        for (AddressValue h : model.hostNetworks()) {
            Ipam.cidr(h).map(Cidr::normalized).ifPresent(fixed::add);
        }
        List<Cidr> all = new ArrayList<>(fixed);
        FreeBlocks observed = new FreeBlocks(List.of(), List.of());
        List<Object[]> declared = new ArrayList<>(); // {Network, IpamPool, Cidr}
        for (Ipam.Net net : nets) {
            for (IpamPool pool : net.network().pools()) {
                Optional<Cidr> c = Ipam.cidr(pool.subnet()).map(Cidr::normalized);
                if (c.isEmpty()) {
                    continue;
                }
                all.add(c.get());
                if (net.project().kind() == Project.Kind.OBSERVED) {
                    observed.reserve(c.get());
                } else if (!net.network().isLanDriver()) {
                    declared.add(new Object[] {net.network(), pool, c.get()});
                }
            }
        }
        if (declared.isEmpty() || declared.size() > MAX_DECLARED) {
            return;
        }
        FreeBlocks free = new FreeBlocks(candidates, all);
        for (Object[] d : declared) {
            Cidr c = (Cidr) d[2];
            if (clashes(c, (Network) d[0], fixed, observed, declared)) {
                free.take(c.family(), c.prefixLength()).ifPresent(s -> out.put((IpamPool) d[1], s));
            }
        }
    }

    private static boolean clashes(Cidr c, Network own, List<Cidr> fixed, FreeBlocks observed, List<Object[]> declared) {
        if (fixed.stream().anyMatch(f -> f.overlaps(c)) || observed.overlaps(c)) {
            return true;
        }
        for (Object[] d : declared) {
            if (d[0] != own && ((Cidr) d[2]).overlaps(c)) {
                return true;
            }
        }
        return false;
    }
}
