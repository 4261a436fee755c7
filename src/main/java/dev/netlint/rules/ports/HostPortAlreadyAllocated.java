package dev.netlint.rules.ports;

import dev.netlint.address.Ip;
import dev.netlint.address.IpFamily;
import dev.netlint.model.AddressValue;
import dev.netlint.model.Container;
import dev.netlint.model.DaemonSettings;
import dev.netlint.model.Model;
import dev.netlint.model.PortMapping;
import dev.netlint.model.Project;
import dev.netlint.model.Severity;
import dev.netlint.rules.FindingSink;
import dev.netlint.rules.Rule;
import dev.netlint.rules.RuleInfo;
import dev.netlint.rules.modes.ServiceNetworks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Two published ports of one compose project that cannot both be bound on the host.
 *
 * <p>What binds what, as the daemon does it: an entry without a host IP binds the port on both
 * 0.0.0.0 and :: (the daemon's inspect output shows both); 0.0.0.0 and :: bind one family each.
 * A wildcard of a family takes the port from every address of that family, so it clashes with any
 * specific address of that family; two different specific addresses do not clash; tcp, udp and sctp
 * are separate. A container-only entry ({@code - 2379}) gets a free ephemeral port and never clashes.
 * A host range mapped to an equal container range binds every port of it; a host range mapped to ONE
 * container port binds a single free port chosen from the range at start, so it fails only when the
 * rest of the project leaves no port of the range free.
 *
 * <p>Only DECLARATIVE projects are checked: everything in a compose project is up at once. In a
 * script, containers come and go in order, which the script simulation rules model.
 */
@RuleInfo(id = "NL301", name = "host-port-already-allocated", severity = Severity.ERROR,
        summary = "Two published ports of one project claim the same host address, port and protocol.")
public final class HostPortAlreadyAllocated implements Rule {

    /** Where one mapping binds: a family wildcard or a specific address. */
    record Bind(IpFamily family, Ip address) {
        boolean wildcard() {
            return address == null;
        }

        boolean clashes(Bind o) {
            return family == o.family && (wildcard() || o.wildcard() || address.equals(o.address));
        }

        String text() {
            if (address != null) {
                return family == IpFamily.IPV6 ? "[" + address + "]" : address.toString();
            }
            return family == IpFamily.IPV4 ? "0.0.0.0" : "[::]";
        }
    }

    /** One published entry of one container, with the addresses it binds. */
    record Claim(int order, Container container, PortMapping mapping, String protocol, List<Bind> binds,
                 int start, int end, boolean flexible) {
    }

    @Override
    public void check(Model model, FindingSink out) {
        for (Project p : model.projects()) {
            if (p.kind() != Project.Kind.DECLARATIVE) {
                continue;
            }
            Optional<Ip> defaultIp = model.daemonOf(p.host()).map(DaemonSettings::ip).flatMap(AddressValue::asIp);
            List<Claim> claims = claims(p, defaultIp);
            reportReplicatedFixedPorts(p, claims, out);
            List<Claim> fixed = claims.stream().filter(c -> !c.flexible()).toList();
            List<Claim> flexible = claims.stream().filter(Claim::flexible).toList();
            reportFixedClashes(p, fixed, out);
            reportExhaustedRanges(p, fixed, flexible, out);
        }
    }

    private static List<Claim> claims(Project p, Optional<Ip> defaultIp) {
        List<Claim> out = new ArrayList<>();
        int order = 0;
        for (Container c : p.containers()) {
            if (!ServiceNetworks.publishes(p, c)) {
                continue;
            }
            for (PortMapping m : c.ports()) {
                if (m.unknown() || !m.publishesHostPort() || m.hostPortStart() <= 0 || m.hostPortEnd() < m.hostPortStart()) {
                    continue;
                }
                List<Bind> binds = binds(m.hostIp(), defaultIp);
                if (binds.isEmpty()) {
                    continue;
                }
                String proto = m.protocol() == null ? "tcp" : m.protocol().toLowerCase(Locale.ROOT);
                boolean flexible = m.hostPortCount() > 1 && m.containerPortStart() == m.containerPortEnd();
                // Every replica of a service asks for the same binding; a fixed one is reported once
                // (reportReplicatedFixedPorts), a range-to-one-port one needs a free port per replica.
                int copies = flexible ? replicas(c) : 1;
                for (int i = 0; i < copies; i++) {
                    out.add(new Claim(order++, c, m, proto, binds, m.hostPortStart(), m.hostPortEnd(), flexible));
                }
            }
        }
        return out;
    }

    /** How many copies of the service run: its scale or deploy.replicas, at least one. */
    static int replicas(Container c) {
        return c.replicas() == null ? 1 : Math.max(1, c.replicas());
    }

    /** A fixed host port on a service that runs several replicas: only the first can bind it. */
    private void reportReplicatedFixedPorts(Project p, List<Claim> claims, FindingSink out) {
        for (Claim c : claims) {
            int n = replicas(c.container());
            if (c.flexible() || n < 2) {
                continue;
            }
            String ports = c.start() == c.end() ? "host port " + c.start() : "host ports " + c.start() + "-" + c.end();
            var at = c.container().replicasLocation();
            out.report(this, ServiceNetworks.where(c.container(), c.mapping().location()),
                    ServiceNetworks.describe(p, c.container()) + " runs " + n + " replicas"
                            + (at != null && at.hasLine() ? " (line " + at.line() + ")" : "") + ", and each asks for "
                            + ports + "/" + c.protocol() + " of \"" + c.mapping().raw() + "\": only the first can bind it;"
                            + " the others fail with 'Bind for " + c.binds().get(0).text() + ":" + c.start()
                            + " failed: port is already allocated'. Give a host range with a port per replica ("
                            + "\"" + c.start() + "-" + (c.start() + n - 1) + ":" + c.mapping().containerPortStart()
                            + "\"), or drop the host port so each replica gets a free one.");
        }
    }

    /** The addresses an entry binds; empty when its host IP is unknown or malformed. */
    static List<Bind> binds(AddressValue hostIp, Optional<Ip> defaultIp) {
        if (hostIp == null) {
            if (defaultIp.isPresent() && !defaultIp.get().isUnspecified()) {
                return List.of(new Bind(defaultIp.get().family(), defaultIp.get()));
            }
            if (defaultIp.isPresent()) {
                return List.of(new Bind(defaultIp.get().family(), null));
            }
            return List.of(new Bind(IpFamily.IPV4, null), new Bind(IpFamily.IPV6, null));
        }
        Optional<Ip> ip = hostIp.asIp();
        if (ip.isEmpty()) {
            return List.of();
        }
        return List.of(new Bind(ip.get().family(), ip.get().isUnspecified() ? null : ip.get()));
    }

    /**
     * Sweep over claims sorted by first port: each claim is compared only with the claims whose
     * range is still open at its start, so the work is O(n log n) plus the clashes found.
     */
    private void reportFixedClashes(Project p, List<Claim> fixed, FindingSink out) {
        Map<String, List<Claim>> byProtocol = new LinkedHashMap<>();
        for (Claim c : fixed) {
            byProtocol.computeIfAbsent(c.protocol(), k -> new ArrayList<>()).add(c);
        }
        // (later claim, earlier claim) -> overlapping ports, in the later claim's order
        Map<List<Integer>, int[]> pairs = new LinkedHashMap<>();
        Map<List<Integer>, Claim[]> pairClaims = new LinkedHashMap<>();
        Map<List<Integer>, Bind[]> pairBinds = new LinkedHashMap<>();
        for (List<Claim> list : byProtocol.values()) {
            List<Claim> sorted = new ArrayList<>(list);
            sorted.sort(Comparator.comparingInt(Claim::start).thenComparingInt(Claim::order));
            List<Claim> open = new ArrayList<>();
            for (Claim c : sorted) {
                open.removeIf(o -> o.end() < c.start());
                for (Claim o : open) {
                    Bind[] clash = clash(c, o);
                    if (clash == null || !canRunTogether(c.container(), o.container())) {
                        continue;
                    }
                    Claim later = c.order() > o.order() ? c : o;
                    Claim earlier = later == c ? o : c;
                    List<Integer> key = List.of(later.order(), earlier.order());
                    pairs.put(key, new int[]{Math.max(c.start(), o.start()), Math.min(c.end(), o.end())});
                    pairClaims.put(key, new Claim[]{later, earlier});
                    pairBinds.put(key, later == c ? clash : new Bind[]{clash[1], clash[0]});
                }
                open.add(c);
            }
        }
        // One finding per later claim: against the first earlier claim it clashes with.
        Map<Integer, List<Integer>> firstPerLater = new LinkedHashMap<>();
        Map<Integer, Integer> othersPerLater = new LinkedHashMap<>();
        for (List<Integer> key : pairs.keySet()) {
            List<Integer> current = firstPerLater.get(key.get(0));
            if (current == null || key.get(1) < current.get(1)) {
                firstPerLater.put(key.get(0), key);
            }
            othersPerLater.merge(key.get(0), 1, Integer::sum);
        }
        List<List<Integer>> keys = new ArrayList<>(firstPerLater.values());
        keys.sort(Comparator.<List<Integer>>comparingInt(k -> k.get(0)));
        for (List<Integer> key : keys) {
            int others = othersPerLater.get(key.get(0)) - 1;
            Claim later = pairClaims.get(key)[0];
            Claim earlier = pairClaims.get(key)[1];
            int[] ports = pairs.get(key);
            Bind laterBind = pairBinds.get(key)[0];
            Bind earlierBind = pairBinds.get(key)[1];
            String portText = ports[0] == ports[1] ? "host port " + ports[0] : "host ports " + ports[0] + "-" + ports[1];
            String daemon;
            if (!laterBind.wildcard() && !earlierBind.wildcard() || laterBind.wildcard() && earlierBind.wildcard()) {
                daemon = "'Bind for " + laterBind.text() + ":" + ports[0] + " failed: port is already allocated'";
            } else {
                daemon = "'listen " + later.protocol() + (laterBind.family() == IpFamily.IPV4 ? "4 " : "6 ")
                        + laterBind.text() + ":" + ports[0] + ": bind: address already in use'";
            }
            out.report(this, ServiceNetworks.where(later.container(), later.mapping().location()),
                    portText + "/" + later.protocol() + " is published twice: \"" + later.mapping().raw() + "\" of "
                            + ServiceNetworks.describe(p, later.container()) + " and \"" + earlier.mapping().raw()
                            + "\" of " + ServiceNetworks.describe(p, earlier.container()) + at(earlier)
                            + (others == 0 ? "" : " (and " + others + " more " + (others == 1 ? "entry" : "entries") + ")")
                            + " both bind " + bindText(laterBind, earlierBind) + ". The container started second fails:"
                            + " " + daemon + ". Publish a different host port, bind each to a different host IP"
                            + " (\"127.0.0.1:PORT:...\" vs \"127.0.0.2:PORT:...\"), or drop the host port to get"
                            + " a free one.");
        }
    }

    private static String at(Claim c) {
        var l = c.mapping().location();
        return l != null && l.hasLine() ? " (line " + l.line() + ")" : "";
    }

    private static String bindText(Bind a, Bind b) {
        if (a.wildcard() && b.wildcard()) {
            return a.text();
        }
        if (!a.wildcard() && !b.wildcard()) {
            return a.text();
        }
        Bind specific = a.wildcard() ? b : a;
        Bind wild = a.wildcard() ? a : b;
        return specific.text() + ", which " + wild.text() + " (all " + (wild.family() == IpFamily.IPV4 ? "IPv4" : "IPv6")
                + " interfaces) includes";
    }

    /** The first pair of binds on which two claims clash, or null. */
    private static Bind[] clash(Claim a, Claim b) {
        for (Bind x : a.binds()) {
            for (Bind y : b.binds()) {
                if (x.clashes(y)) {
                    return new Bind[]{x, y};
                }
            }
        }
        return null;
    }

    /** Two services that both belong only to disjoint compose profiles are alternatives, not neighbours. */
    static boolean canRunTogether(Container a, Container b) {
        if (a.profiles().isEmpty() || b.profiles().isEmpty()) {
            return true;
        }
        return a.profiles().stream().anyMatch(b.profiles()::contains);
    }

    /**
     * Host ranges mapped to one container port: each takes one free port of its range. Free means
     * not bound by a fixed claim on a clashing address; then ranges are served by earliest end first,
     * which finds a port for every range whenever any assignment can.
     */
    private void reportExhaustedRanges(Project p, List<Claim> fixed, List<Claim> flexible, FindingSink out) {
        if (flexible.isEmpty()) {
            return;
        }
        List<Claim> sorted = new ArrayList<>(flexible);
        sorted.sort(Comparator.comparingInt(Claim::end).thenComparingInt(Claim::order));
        List<Claim> takenBy = new ArrayList<>();
        List<Integer> takenPort = new ArrayList<>();
        java.util.Set<PortMapping> reported = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Claim f : sorted) {
            Integer chosen = null;
            boolean blockedByFixed = true;
            for (int port = f.start(); port <= f.end() && chosen == null; port++) {
                if (heldByFixed(f, port, fixed)) {
                    continue;
                }
                blockedByFixed = false;
                if (!heldByRange(f, port, takenBy, takenPort)) {
                    chosen = port;
                }
            }
            if (chosen != null) {
                takenBy.add(f);
                takenPort.add(chosen);
                continue;
            }
            if (!reported.add(f.mapping())) {
                continue;
            }
            out.report(this, ServiceNetworks.where(f.container(), f.mapping().location()),
                    "\"" + f.mapping().raw() + "\" of " + ServiceNetworks.describe(p, f.container()) + " needs one free"
                            + " host port in " + f.start() + "-" + f.end() + "/" + f.protocol() + ", but "
                            + (blockedByFixed ? "every port of that range is published by other entries of this project"
                            : "the other entries of this project that also draw from it leave none free")
                            + (replicas(f.container()) > 1 ? " (the service runs " + replicas(f.container())
                            + " replicas, each needing its own port)" : "")
                            + ". The container fails to start: 'Bind for " + f.binds().get(0).text() + ":" + f.start()
                            + " failed: port is already allocated' (or 'all ports are allocated'). Widen the range or"
                            + " move the other mappings out of it.");
        }
    }

    private static boolean heldByFixed(Claim f, int port, List<Claim> fixed) {
        for (Claim c : fixed) {
            if (c.protocol().equals(f.protocol()) && c.start() <= port && port <= c.end() && clash(f, c) != null
                    && canRunTogether(f.container(), c.container())) {
                return true;
            }
        }
        return false;
    }

    private static boolean heldByRange(Claim f, int port, List<Claim> takenBy, List<Integer> takenPort) {
        for (int i = 0; i < takenBy.size(); i++) {
            Claim c = takenBy.get(i);
            if (takenPort.get(i) == port && c.protocol().equals(f.protocol()) && clash(f, c) != null
                    && canRunTogether(f.container(), c.container())) {
                return true;
            }
        }
        return false;
    }
}
