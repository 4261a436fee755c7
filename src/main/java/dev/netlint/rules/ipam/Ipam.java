package dev.netlint.rules.ipam;

import dev.netlint.address.Cidr;
import dev.netlint.address.Ip;
import dev.netlint.address.IpFamily;
import dev.netlint.model.AddressValue;
import dev.netlint.model.Attachment;
import dev.netlint.model.Container;
import dev.netlint.model.IpamPool;
import dev.netlint.model.Model;
import dev.netlint.model.Network;
import dev.netlint.model.NetworkMode;
import dev.netlint.model.Operation;
import dev.netlint.model.Project;
import dev.netlint.model.Text;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the IPAM rules share: which networks a model declares, which of them the default IPAM
 * driver manages, and the addresses the daemon reserves in a pool. Reads the model only, so the
 * rules work the same on compose files, scripts and inspect dumps.
 */
final class Ipam {
    /** The driver option that switches IPv6 on, as an alternative to EnableIPv6. */
    static final String ENABLE_IPV6_OPTION = "com.docker.network.enable_ipv6";
    private static final Optional<Boolean> IPV6_ON = Optional.of(true);
    private static final Optional<Boolean> IPV6_OFF = Optional.of(false);

    private Ipam() {
    }

    /** A network with the project that declares it. */
    record Net(Project project, Network network) {
        String describe() {
            return "network '" + network.name() + "'";
        }
    }

    /** A static address a container asks for on one network. */
    record Static(Container container, Attachment attachment, AddressValue value, Ip ip, IpFamily family) {
    }

    /**
     * Every network the model declares: a project's networks, and for scripts every
     * {@code docker network create} (a name may be created several times). External networks are
     * left out: their configuration lives elsewhere and compose ignores the keys written here. So are
     * config-only networks: they reserve no pool, and the --config-from network that uses their
     * settings is checked in their stead.
     */
    static List<Net> networks(Model model) {
        // Every IPAM rule walks this list; at fleet scale building it once per rule cost more than the rules.
        return model.derived(Net.class, Ipam::collectNetworks);
    }

    private static List<Net> collectNetworks(Model model) {
        List<Net> out = new ArrayList<>();
        for (Project p : model.projects()) {
            for (Network n : p.allNetworks()) {
                if (!n.external() && !n.configOnly()) {
                    out.add(new Net(p, n));
                }
            }
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * One IPAM config entry of a network in {@link #networks}, with its parsed blocks and whether the
     * network is addressed at all worked out once. A fleet's million pools are walked by a dozen
     * rules; following network, pool list, pool and address value again in each rule cost more than
     * the rules' own checks. {@code subnet}, {@code ipRange} and {@code gateway} are null unless
     * written and parsed ({@link #cidr}, {@link #ip}); {@code aux} is the pool's auxiliary addresses.
     */
    record Pool(Net net, IpamPool pool, boolean addressed, Cidr subnet, Cidr ipRange, Ip gateway,
                Map<String, AddressValue> aux) {
        Network network() {
            return net.network();
        }

        Project project() {
            return net.project();
        }
    }

    /** The pools of {@link #networks}, in the same order (network by network, pool by pool). */
    static List<Pool> pools(Model model) {
        return model.derived(Pool.class, Ipam::collectPools);
    }

    private static List<Pool> collectPools(Model model) {
        List<Net> nets = networks(model);
        List<Pool> out = new ArrayList<>(nets.size());
        for (Net net : nets) {
            boolean addressed = !hasNoAddressing(net.network());
            for (IpamPool p : net.network().pools()) {
                out.add(new Pool(net, p, addressed, cidr(p.subnet()).orElse(null), cidr(p.ipRange()).orElse(null),
                        ip(p.gateway()).orElse(null), p.auxAddresses()));
            }
        }
        return Collections.unmodifiableList(out);
    }

    static Optional<Cidr> cidr(AddressValue v) {
        return v == null || v.state() != AddressValue.State.PARSED ? Optional.empty() : v.asCidr();
    }

    static Optional<Ip> ip(AddressValue v) {
        return v == null || v.state() != AddressValue.State.PARSED ? Optional.empty() : v.asIp();
    }

    static boolean isKnownPresent(AddressValue v) {
        return v != null && v.state() == AddressValue.State.PARSED;
    }

    /** The network has no IP addressing at all (host, null/none drivers). */
    static boolean hasNoAddressing(Network n) {
        Optional<String> d = n.driverName();
        return d.isPresent() && NO_ADDRESSING_DRIVERS.contains(d.get());
    }

    private static final Set<String> NO_ADDRESSING_DRIVERS = Set.of("host", "null", "none");

    /** Docker's built-in IPAM hands out this network's addresses (no third-party IPAM driver). */
    static boolean defaultIpam(Network n) {
        Text d = n.ipamDriver();
        return d == null || d.is("default") || (d.known() && d.value().isBlank());
    }

    /** A driver whose pools live in the daemon's local address space with bridge, macvlan and ipvlan. */
    static boolean localScope(Network n) {
        return n.driverName().isPresent() && !n.isDriver("overlay");
    }

    static boolean isOverlay(Network n) {
        return n.isDriver("overlay");
    }

    /**
     * Whether IPv6 is on: {@code enable_ipv6: true} or the {@value #ENABLE_IPV6_OPTION} driver
     * option. Empty when that cannot be known (an unresolved value).
     */
    static Optional<Boolean> ipv6(Network n) {
        // Shared answers: asked per network by several rules, and C1 does not elide the allocation.
        if (n.isUnknown("enable_ipv6")) {
            return Optional.empty();
        }
        if (Boolean.TRUE.equals(n.enableIpv6())) {
            return IPV6_ON;
        }
        Optional<Text> opt = n.option(ENABLE_IPV6_OPTION);
        if (opt.isPresent()) {
            if (!opt.get().known()) {
                return Optional.empty();
            }
            if (opt.get().value().trim().toLowerCase(Locale.ROOT).matches("true|1|t")) {
                return IPV6_ON;
            }
        }
        return IPV6_OFF;
    }

    /** The parsed, normalised subnets of a network, or empty when one of them is unknown or malformed. */
    static Optional<List<Cidr>> subnetsIfAllKnown(Network n) {
        List<Cidr> out = new ArrayList<>();
        for (IpamPool p : n.pools()) {
            if (p.subnet() == null) {
                continue;
            }
            Optional<Cidr> c = cidr(p.subnet());
            if (c.isEmpty()) {
                return Optional.empty();
            }
            out.add(c.get().normalized());
        }
        return Optional.of(out);
    }

    /** The pool whose (parsed) subnet holds the address, if any. */
    static Optional<IpamPool> poolOf(Network n, Ip ip) {
        for (IpamPool p : n.pools()) {
            Optional<Cidr> s = cidr(p.subnet());
            if (s.isPresent() && s.get().contains(ip)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The gateway the daemon reserves in a pool; see {@link dev.netlint.deploy.ReservedAddresses#gateway}. */
    static Optional<Ip> gateway(IpamPool p) {
        return dev.netlint.deploy.ReservedAddresses.gateway(p);
    }

    /**
     * Who is on which network in one project, built in one pass over its containers so rules stay
     * linear in the size of large inspect dumps.
     */
    static final class Members {
        private final Project project;
        private final Map<String, List<Static>> statics = new HashMap<>();
        private final Map<String, List<Container>> dynamicV4 = new HashMap<>();
        private final Map<String, List<Container>> dynamicV6 = new HashMap<>();
        private final List<Container> unattached = new ArrayList<>();

        private Members(Project project) {
            this.project = project;
            for (Container c : project.containers()) {
                if (c.attachments().isEmpty() && c.networkMode().is(NetworkMode.Kind.DEFAULT)) {
                    unattached.add(c);
                }
                for (Attachment a : c.attachments()) {
                    if (!a.network().known()) {
                        continue;
                    }
                    String net = a.network().value();
                    add(net, c, a, a.ipv4(), IpFamily.IPV4);
                    add(net, c, a, a.ipv6(), IpFamily.IPV6);
                    if (a.ipv4() == null) {
                        dynamicV4.computeIfAbsent(net, k -> new ArrayList<>()).add(c);
                    }
                    if (a.ipv6() == null) {
                        dynamicV6.computeIfAbsent(net, k -> new ArrayList<>()).add(c);
                    }
                }
            }
        }

        private void add(String net, Container c, Attachment a, AddressValue v, IpFamily expected) {
            Optional<Ip> ip = ip(v);
            if (ip.isPresent() && ip.get().family() == expected) {
                statics.computeIfAbsent(net, k -> new ArrayList<>()).add(new Static(c, a, v, ip.get(), expected));
            }
        }

        /**
         * Static addresses of the containers on one network, in file order. Scripts have none here:
         * their addresses are judged in command order by NL417, which knows what was created,
         * removed and disconnected before each run.
         */
        List<Static> statics(Network n) {
            if (project.kind() == Project.Kind.SEQUENTIAL) {
                return List.of();
            }
            return statics.getOrDefault(n.name(), List.of());
        }

        /**
         * Containers that get an address of this family dynamically on the network: attached
         * without a static address of that family, or (compose) on the implicit default network.
         */
        List<Container> dynamic(Network n, IpFamily family) {
            List<Container> out = new ArrayList<>((family == IpFamily.IPV4 ? dynamicV4 : dynamicV6)
                    .getOrDefault(n.name(), List.of()));
            if (n.name().equals("default") && project.kind() == Project.Kind.DECLARATIVE) {
                out.addAll(unattached);
            }
            return out;
        }
    }

    /** The members of each project, computed once per rule run. */
    static Members members(Map<Project, Members> cache, Project p) {
        return cache.computeIfAbsent(p, Members::new);
    }

    /**
     * Whether a script removes containers or networks or disconnects them: then an address may be
     * given to one container after another has released it, and duplicates are not certain.
     */
    static boolean releasesAddresses(Project p) {
        for (Operation op : p.operations()) {
            if (op instanceof Operation.RemoveContainer || op instanceof Operation.RemoveNetwork
                    || op instanceof Operation.Disconnect) {
                return true;
            }
        }
        return false;
    }

    /** How a refused static address shows: compose creates the container and fails to start it. */
    static String refused(Project p) {
        return p.kind() == Project.Kind.DECLARATIVE ? "the container is created but fails to start"
                : "the daemon refuses it";
    }

    /** "service 'web'" for compose, "container 'web'" otherwise. */
    static String who(Project p, Container c) {
        return (p.kind() == Project.Kind.DECLARATIVE ? "service '" + c.serviceName() : "container '" + c.name()) + "'";
    }

    static String line(dev.netlint.model.SourceLocation l) {
        return l != null && l.hasLine() ? " (line " + l.line() + ")" : "";
    }
}
