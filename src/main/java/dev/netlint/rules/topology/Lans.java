package dev.netlint.rules.topology;

import dev.netlint.address.Cidr;
import dev.netlint.address.IntervalSweep.Interval;
import dev.netlint.address.Ip;
import dev.netlint.model.AddressValue;
import dev.netlint.model.IpamPool;
import dev.netlint.model.Model;
import dev.netlint.model.Network;
import dev.netlint.model.Project;
import dev.netlint.model.Segment;
import dev.netlint.model.SourceLocation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which macvlan/ipvlan networks sit on which LAN, for the cross-host rules (docs/topology.md).
 *
 * <ol>
 *   <li>Only hosts we know something about take part: inspect dumps and live state (OBSERVED),
 *       scripts (SEQUENTIAL), and any project whose host is named in a declared segment. Compose
 *       files on their default hosts do not: two compose files with the same macvlan are far more
 *       often alternatives for one machine than two machines.</li>
 *   <li>A network whose daemon id was already seen (the same network in two dumps) is counted once.</li>
 *   <li>A network without a known parent interface is on no LAN (the daemon gives it a dummy link).</li>
 *   <li>A declared segment that covers the network's host and parent owns it (when the segment has
 *       a subnet, the network's subnet must overlap it).</li>
 *   <li>Otherwise the LAN is inferred: networks with the same (normalised) subnet and the same VLAN
 *       tag on their parent ({@code eth0.20} → 20, {@code eth0} → none) are on one LAN. Parent names
 *       may differ between hosts ({@code eth0} here, {@code ens18} there).</li>
 * </ol>
 * Computed once per model and shared by the NL5xx rules.
 */
final class Lans {
    private static final Pattern VLAN = Pattern.compile(".*\\.(\\d{1,4})$");

    /** One IPAM pool of a macvlan/ipvlan network, placed on a LAN. */
    static final class LanPool {
        final Project project;
        final Network network;
        final IpamPool pool;
        final Cidr subnet;
        final String host;
        final String parent;
        final String lanKey;
        final Segment segment;
        /** The value that sets the allocation range: ip-range, lease start, or the subnet. */
        final AddressValue rangeValue;
        Interval<LanPool> range;

        LanPool(Project project, Network network, IpamPool pool, Cidr subnet, String host, String parent,
                String lanKey, Segment segment, AddressValue rangeValue) {
            this.project = project;
            this.network = network;
            this.pool = pool;
            this.subnet = subnet;
            this.host = host;
            this.parent = parent;
            this.lanKey = lanKey;
            this.segment = segment;
            this.rangeValue = rangeValue;
        }

        String describeLan() {
            if (segment != null) {
                return "LAN segment '" + segment.name() + "'";
            }
            return "LAN " + subnet + " (inferred: macvlan/ipvlan networks with the same subnet on different hosts "
                    + "are taken to share a LAN; declare `segments:` in .netlint.yaml if they do not)";
        }

        String describe() {
            return "network " + network.name() + " on host " + host + " (parent " + parent + ")";
        }

        /** How the range was written, for messages: "ip-range 10.0.0.64/28", "subnet ...", "lease range a-b". */
        String describeRange() {
            if (pool.ipRange() != null) {
                return "ip-range " + pool.ipRange().raw();
            }
            if (pool.leaseStart() != null && pool.leaseEnd() != null) {
                return "lease range " + pool.leaseStart().raw() + "-" + pool.leaseEnd().raw();
            }
            return "subnet " + pool.subnet().raw() + " (no ip-range, so the whole subnet)";
        }

        Optional<Ip> gateway() {
            return pool.gateway() == null ? Optional.empty() : pool.gateway().asIp();
        }
    }

    private final List<LanPool> pools = new ArrayList<>();
    private final Map<String, List<LanPool>> byLan = new LinkedHashMap<>();
    private final Map<Project, Map<String, List<LanPool>>> byProjectNetwork = new IdentityHashMap<>();
    /** Each segment's members, worked out once rather than once per pool placed ({@link Segment#covers}). */
    private final Map<Segment, List<Segment.Member>> membersOf = new IdentityHashMap<>();

    static Lans of(Model model) {
        return model.derived(Lans.class, Lans::new);
    }

    private Lans(Model model) {
        Set<String> declaredHosts = new HashSet<>();
        for (Segment s : model.segments()) {
            List<Segment.Member> members = s.effectiveMembers();
            members.forEach(m -> declaredHosts.add(m.host()));
            membersOf.put(s, members);
        }
        Map<String, String> hostOfId = new HashMap<>();
        for (Project p : model.projects()) {
            if (!takesPart(p, declaredHosts)) {
                continue;
            }
            for (Network n : p.allNetworks()) {
                if (!n.isLanDriver()) {
                    continue;
                }
                if (n.observedId() != null && hostOfId.putIfAbsent(n.observedId(), p.host()) != null) {
                    continue; // the same network (same daemon id) dumped twice: counted once
                }
                Optional<String> parent = n.parent().filter(t -> t.known() && !t.value().isBlank()).map(t -> t.value().trim());
                if (parent.isEmpty()) {
                    continue;
                }
                for (IpamPool pool : n.pools()) {
                    place(model, p, n, pool, parent.get());
                }
            }
        }
    }

    static boolean takesPart(Project p, Set<String> declaredHosts) {
        return p.kind() != Project.Kind.DECLARATIVE || declaredHosts.contains(p.host());
    }

    private static boolean covers(List<Segment.Member> members, String host, String parent) {
        for (Segment.Member m : members) {
            if (m.covers(host, parent)) {
                return true;
            }
        }
        return false;
    }

    private void place(Model model, Project p, Network n, IpamPool pool, String parent) {
        if (pool.subnet() == null) {
            return;
        }
        Optional<Cidr> subnet = pool.subnet().asCidr().map(Cidr::normalized);
        if (subnet.isEmpty()) {
            return;
        }
        Segment segment = null;
        for (Segment s : model.segments()) {
            if (!covers(membersOf.get(s), p.host(), parent)) {
                continue;
            }
            Optional<Cidr> segNet = s.subnet() == null ? Optional.empty() : s.subnet().asCidr();
            if (segNet.isEmpty() || segNet.get().overlaps(subnet.get())) {
                segment = s;
                break;
            }
        }
        String key = segment != null ? "segment:" + segment.name()
                : "inferred:" + subnet.get() + "|" + vlanTag(parent);
        // the range the daemon allocates from: ip-range, a podman lease range, else the whole subnet
        AddressValue rangeValue = pool.subnet();
        if (pool.ipRange() != null) {
            if (pool.ipRange().asCidr().isEmpty()) {
                return; // unknown or malformed: other rules speak about it, these stay quiet
            }
            rangeValue = pool.ipRange();
        } else if (pool.leaseStart() != null && pool.leaseEnd() != null) {
            if (pool.leaseStart().asIp().isEmpty() || pool.leaseEnd().asIp().isEmpty()) {
                return;
            }
            rangeValue = pool.leaseStart();
        }
        LanPool lp = new LanPool(p, n, pool, subnet.get(), p.host(), parent, key, segment, rangeValue);
        if (rangeValue == pool.leaseStart()) {
            lp.range = Interval.of(pool.leaseStart().asIp().get(), pool.leaseEnd().asIp().get(), p.host(), lp);
            if (lp.range == null) {
                return;
            }
        } else {
            lp.range = Interval.of(rangeValue.asCidr().get(), p.host(), lp);
        }
        pools.add(lp);
        byLan.computeIfAbsent(key, k -> new ArrayList<>()).add(lp);
        byProjectNetwork.computeIfAbsent(p, k -> new HashMap<>()).computeIfAbsent(n.name(), k -> new ArrayList<>()).add(lp);
    }

    static String vlanTag(String parent) {
        Matcher m = VLAN.matcher(parent);
        return m.matches() ? m.group(1) : "";
    }

    List<LanPool> pools() {
        return pools;
    }

    /** LAN key → its pools, in model order (files sorted by name, then position). */
    Map<String, List<LanPool>> byLan() {
        return byLan;
    }

    /** The LAN pools of a network, looked up by the name a container uses in that project. */
    List<LanPool> of(Project p, String networkName) {
        Map<String, List<LanPool>> m = byProjectNetwork.get(p);
        return m == null ? List.of() : m.getOrDefault(networkName, List.of());
    }

    static String where(SourceLocation l) {
        return l == null ? "?" : l.toString();
    }
}
