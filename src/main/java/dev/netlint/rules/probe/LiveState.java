package dev.netlint.rules.probe;

import dev.netlint.address.Cidr;
import dev.netlint.address.Ip;
import dev.netlint.model.AddressValue;
import dev.netlint.model.Container;
import dev.netlint.model.IpamPool;
import dev.netlint.model.Model;
import dev.netlint.model.Network;
import dev.netlint.model.Operation;
import dev.netlint.model.Project;
import dev.netlint.model.SourceLocation;
import dev.netlint.model.Text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Shared reading of the model for the probe predictions: what a live daemon holds on a host, and
 * what a declared project (compose file or script) will ask that daemon for, under the names the
 * daemon will see. Predictions only compare declared projects with live state of the same host.
 */
final class LiveState {
    private LiveState() {
    }

    /** A live daemon's state on one host: networks and containers by their daemon names. */
    record Daemon(String host, String location, Map<String, Network> networks, Map<String, Container> containers) {
        Optional<Network> network(String name) {
            return Optional.ofNullable(networks.get(name));
        }

        Optional<Container> container(String name) {
            return Optional.ofNullable(containers.get(name));
        }
    }

    /** Live daemons, by host. */
    static Map<String, Daemon> daemons(Model model) {
        Map<String, Daemon> out = new LinkedHashMap<>();
        for (Project p : model.projects()) {
            if (p.kind() != Project.Kind.OBSERVED || !p.live()) {
                continue;
            }
            Daemon d = out.computeIfAbsent(p.host(), h -> new Daemon(h, p.location().file(),
                    new LinkedHashMap<>(), new LinkedHashMap<>()));
            d.networks().putAll(p.networks());
            for (Container c : p.containers()) {
                d.containers().put(c.name(), c);
            }
        }
        return out;
    }

    /** Projects that declare what a deploy will create: compose files and scripts. */
    static List<Project> declared(Model model) {
        return model.projects().stream()
                .filter(p -> p.kind() == Project.Kind.DECLARATIVE || p.kind() == Project.Kind.SEQUENTIAL)
                .toList();
    }

    /** One container a deploy creates on a probed daemon, with the containers removed before it. */
    interface DeployedContainer {
        void visit(Project project, Container container, Removed removedContainers, Daemon daemon);
    }

    /**
     * Every container a declared project creates on a probed host: each compose service, and each
     * unconditional {@code docker run}/{@code create} of a script that {@code which} accepts.
     */
    static void forEachDeployedContainer(Model model, java.util.function.Predicate<Operation.RunContainer> which,
                                         DeployedContainer visitor) {
        Map<String, Daemon> daemons = daemons(model);
        for (Project p : declared(model)) {
            Daemon daemon = daemons.get(p.host());
            if (daemon == null) {
                continue;
            }
            if (p.kind() == Project.Kind.DECLARATIVE) {
                for (Container c : p.containers()) {
                    visitor.visit(p, c, NOTHING_REMOVED, daemon);
                }
                continue;
            }
            for (Operation op : p.operations()) {
                if (op instanceof Operation.RunContainer run && !run.conditional() && which.test(run)) {
                    visitor.visit(p, run.container(), removedBefore(p, op, false), daemon);
                }
            }
        }
    }

    // ---- compose naming ------------------------------------------------------------------

    /**
     * The compose project names this project may run under: {@link Project#deployName()} when a
     * reader set it, else the project's name (the compose reader names projects as compose does:
     * top-level {@code name:} or the directory, normalised). Compose v1 dropped '-' and '_' from
     * directory names, so that spelling counts too.
     */
    static Set<String> deployNames(Project p) {
        Set<String> out = new LinkedHashSet<>();
        String name = p.deployName() != null && !p.deployName().isBlank() ? p.deployName() : p.name();
        if (name == null || name.isBlank()) {
            return out;
        }
        out.add(name);
        String v1 = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        if (!v1.isEmpty()) {
            out.add(v1);
        }
        return out;
    }

    /** The first (preferred) deploy name, for messages and derived names. */
    static Optional<String> deployName(Project p) {
        return deployNames(p).stream().findFirst();
    }

    /**
     * The name a compose network gets on the daemon: the name the file gives ({@code name:} or
     * {@code external.name}, both in {@link Network#externalName()}); else an external network's
     * key; else {@code <project>_<key>}. Empty when a part is unknown.
     */
    static Optional<String> daemonName(Project p, Network n) {
        if (p.kind() == Project.Kind.SEQUENTIAL) {
            return Optional.of(n.name());
        }
        if (n.externalName() != null) {
            return n.externalName().known() ? Optional.of(n.externalName().value()) : Optional.empty();
        }
        if (n.external()) {
            return Optional.of(n.name());
        }
        return deployName(p).map(d -> d + "_" + n.name());
    }

    /** Whether a live network belongs to the declared project (compose would reuse it, not create it). */
    static boolean owns(Project p, Network live, Set<String> declaredNames) {
        if (p.kind() == Project.Kind.SEQUENTIAL) {
            return false; // a script's create of an existing name fails (NL708): the network stays as it is
        }
        if (declaredNames.contains(live.name())) {
            return true;
        }
        for (String d : deployNames(p)) {
            if (live.ownerProject() != null && live.ownerProject().is(d)) {
                return true;
            }
            if (live.name().startsWith(d + "_")) {
                return true;
            }
        }
        return false;
    }

    /** Whether a live container was made by this compose project (it is replaced on deploy). */
    static boolean owns(Project p, Container live) {
        if (p.kind() != Project.Kind.DECLARATIVE || live.ownerProject() == null) {
            return false;
        }
        return deployNames(p).stream().anyMatch(d -> live.ownerProject().is(d));
    }

    // ---- declared side ---------------------------------------------------------------------

    /** A network the project will create or use, under its daemon name. */
    record DeclaredNetwork(Project project, Network network, String daemonName) {
        boolean external() {
            return network.external();
        }
    }

    /**
     * The networks a project declares. For scripts these are the unconditional
     * {@code docker network create} operations whose name is known.
     */
    static List<DeclaredNetwork> networks(Project p) {
        List<DeclaredNetwork> out = new ArrayList<>();
        if (p.kind() == Project.Kind.SEQUENTIAL) {
            for (Operation op : p.operations()) {
                if (op instanceof Operation.CreateNetwork cn && !cn.conditional() && cn.name() != null
                        && cn.name().known()) {
                    out.add(new DeclaredNetwork(p, cn.network(), cn.name().value()));
                }
            }
            return out;
        }
        for (Network n : p.networks().values()) {
            daemonName(p, n).ifPresent(name -> out.add(new DeclaredNetwork(p, n, name)));
        }
        return out;
    }

    /**
     * Daemon names of the networks the project itself manages (not external ones: compose never
     * removes or recreates those, so they keep their address space whatever the project does).
     */
    static Set<String> declaredNames(Project p) {
        Set<String> out = new LinkedHashSet<>();
        networks(p).stream().filter(d -> !d.external()).forEach(d -> out.add(d.daemonName()));
        return out;
    }

    /**
     * For scripts: what {@code docker network rm} / {@code docker rm} removed before an operation.
     * Conditional removals count as done (the benefit of the doubt goes to the script); a removal
     * whose name is unknown may have removed anything, so {@code anything} is set.
     */
    record Removed(Set<String> names, boolean anything) {
        boolean mayHaveRemoved(String name) {
            return anything || names.contains(name);
        }
    }

    static final Removed NOTHING_REMOVED = new Removed(Set.of(), false);

    static Removed removedBefore(Project p, Operation until, boolean networks) {
        Set<String> out = new LinkedHashSet<>();
        boolean anything = false;
        for (Operation op : p.operations()) {
            if (op == until) {
                break;
            }
            Text name = null;
            if (networks && op instanceof Operation.RemoveNetwork rn) {
                name = rn.network();
            } else if (!networks && op instanceof Operation.RemoveContainer rc) {
                name = rc.container();
            }
            if (name != null) {
                if (name.known()) {
                    out.add(name.value());
                } else {
                    anything = true;
                }
            }
        }
        return new Removed(out, anything);
    }

    /** Normalised subnets of a network's pools, skipping IPv6 pools the daemon ignores. */
    static List<PoolSubnet> subnets(Network n, boolean declared) {
        List<PoolSubnet> out = new ArrayList<>();
        for (IpamPool pool : n.pools()) {
            AddressValue s = pool.subnet();
            if (s == null) {
                continue;
            }
            s.asCidr().map(Cidr::normalized).ifPresent(c -> {
                if (declared && c.family() == dev.netlint.address.IpFamily.IPV6 && !n.ipv6Enabled()) {
                    return;
                }
                out.add(new PoolSubnet(c, s.location(), pool));
            });
        }
        return out;
    }

    record PoolSubnet(Cidr cidr, SourceLocation location, IpamPool pool) {
    }

    /** Overlay (swarm-scope) networks allocate from the global address space, the others from the local one. */
    static boolean sameAddressSpace(Network a, Network b) {
        if (!isDefaultIpam(a) || !isDefaultIpam(b)) {
            return false;
        }
        return a.isDriver("overlay") == b.isDriver("overlay");
    }

    private static boolean isDefaultIpam(Network n) {
        Text d = n.ipamDriver();
        return d == null || d.is("default") || d.is("");
    }

    static String describe(Cidr c) {
        return c.toString();
    }

    static String subnetsOf(Network live) {
        List<String> s = new ArrayList<>();
        for (IpamPool p : live.pools()) {
            if (p.subnet() != null) {
                s.add(p.subnet().raw());
            }
        }
        return s.isEmpty() ? "no subnet" : String.join(", ", s);
    }

    /** True when two host IPs clash for binding: equal, or one is the wildcard of the other's family (null = all). */
    static boolean bindClash(AddressValue declared, AddressValue live) {
        Optional<Ip> l = live == null ? Optional.empty() : live.asIp();
        if (live != null && l.isEmpty()) {
            return false;
        }
        if (declared == null) {
            return true;
        }
        Optional<Ip> d = declared.asIp();
        if (d.isEmpty()) {
            return false;
        }
        if (l.isEmpty()) {
            return true;
        }
        if (d.get().family() != l.get().family()) {
            return false;
        }
        return d.get().isUnspecified() || l.get().isUnspecified() || d.get().equals(l.get());
    }
}
