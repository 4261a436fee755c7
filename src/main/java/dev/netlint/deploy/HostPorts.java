package dev.netlint.deploy;

import dev.netlint.address.Ip;
import dev.netlint.address.IpFamily;
import dev.netlint.model.Container;
import dev.netlint.model.PortMapping;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The host ports one daemon's containers hold (part of {@link DeployState}). Only claims of containers
 * the state holds certain, and that run together with the one asking, clash; while any container is
 * uncertain nothing does.
 */
public final class HostPorts {
    /** The first claim of a host port by one profile set, and how many claims asked for it. */
    public static final class PortSlot {
        private final Container container;
        private final String holder;
        private final PortMapping mapping;
        private final PortBinds.Bind bind;
        private int count = 1;

        PortSlot(Container container, String holder, PortMapping mapping, PortBinds.Bind bind) {
            this.container = container;
            this.holder = holder;
            this.mapping = mapping;
            this.bind = bind;
        }

        public Container container() { return container; }
        public PortMapping mapping() { return mapping; }
        public PortBinds.Bind bind() { return bind; }
        public int count() { return count; }
    }

    private record PortKey(String protocol, IpFamily family, int port) {
        // Written out: a record's generated equals and hashCode are bootstrapped through
        // ObjectMethods on first use, several milliseconds of a one-file lint.
        @Override
        public boolean equals(Object o) {
            return o instanceof PortKey k && port == k.port && family == k.family && protocol.equals(k.protocol);
        }

        @Override
        public int hashCode() {
            return (protocol.hashCode() * 31 + family.ordinal()) * 31 + port;
        }
    }

    /**
     * A host range mapped to one container port holds ONE port of it, whichever is free when the
     * container starts; while others may still take fixed ports of the range it can move, so it
     * blocks nothing fixed and fails only when no port of its range is left.
     */
    public static final class FlexHold {
        private final Container container;
        private final String holder;
        private final PortMapping mapping;
        private final String protocol;
        private final List<PortBinds.Bind> binds;
        private int port;

        FlexHold(Container container, String holder, PortMapping mapping, String protocol, List<PortBinds.Bind> binds,
                 int port) {
            this.container = container;
            this.holder = holder;
            this.mapping = mapping;
            this.protocol = protocol;
            this.binds = binds;
            this.port = port;
        }

        public Container container() { return container; }
        public PortMapping mapping() { return mapping; }
    }

    /** A fixed host port a step claims. */
    public record Claim(String protocol, PortBinds.Bind bind, int port) {
    }

    /** Which containers are certain and which run together: asked with plain calls (per port, hot). */
    private final DeployState state;
    private final List<FlexHold> flexHolds = new ArrayList<>();
    /** Host ports: (protocol, family, port) → address (null: wildcard) → first claim per profile set. */
    private final Map<PortKey, Map<Ip, List<PortSlot>>> ports = new HashMap<>();
    private final Map<PortKey, List<PortSlot>> wildcardPorts = new HashMap<>();

    HostPorts(DeployState state) {
        this.state = state;
    }

    /**
     * The claims of {@code port} that clash with {@code bind} and run with {@code c}, first claim first.
     */
    public List<PortSlot> portClashes(Container c, String protocol, PortBinds.Bind bind, int port) {
        if (state.anyContainerUncertain()) {
            return List.of();
        }
        PortKey key = new PortKey(protocol, bind.family(), port);
        List<PortSlot> out = new ArrayList<>();
        if (bind.wildcard()) {
            for (List<PortSlot> slots : ports.getOrDefault(key, Map.of()).values()) {
                addTogether(out, slots, c);
            }
        } else {
            addTogether(out, ports.getOrDefault(key, Map.of()).getOrDefault(bind.address(), List.of()), c);
        }
        addTogether(out, wildcardPorts.getOrDefault(key, List.of()), c);
        return out;
    }

    private void addTogether(List<PortSlot> out, List<PortSlot> slots, Container c) {
        for (PortSlot s : slots) {
            if (s.holder != null && state.containerCertain(s.holder) && state.together(s.container, c).isPresent()) {
                out.add(s);
            }
        }
    }

    /** Holds the published ports of a container that started (or may have: see the caller). */
    void holdPorts(Step step, Container c, String name) {
        Optional<Ip> defaultIp = step.model().defaultBindIp(step.project().host());
        for (PortMapping m : c.ports()) {
            if (!PortBinds.binds(m)) {
                continue;
            }
            String proto = PortBinds.protocol(m);
            List<PortBinds.Bind> binds = PortBinds.of(m.hostIp(), defaultIp);
            if (PortBinds.flexible(m)) {
                // one free port of the range per copy
                for (int port : freePorts(c, proto, binds, m.hostPortStart(), m.hostPortEnd(), PortBinds.replicas(c))) {
                    flexHolds.add(new FlexHold(c, name, m, proto, binds, port));
                }
                continue;
            }
            for (PortBinds.Bind b : binds) {
                for (int port = m.hostPortStart(); port <= m.hostPortEnd(); port++) {
                    claim(new PortKey(proto, b.family(), port), b, c, name, m);
                    for (FlexHold f : softHolders(c, proto, b, port, null)) {
                        // the range holder takes another free port of its range, if one is left
                        List<Integer> other = freePorts(f.container, f.protocol, f.binds, f.mapping.hostPortStart(),
                                f.mapping.hostPortEnd(), 1, f, port);
                        if (!other.isEmpty()) {
                            f.port = other.get(0);
                        }
                    }
                }
            }
        }
    }

    /** Up to {@code wanted} ports of a range that no claim running with {@code c} holds on these binds. */
    public List<Integer> freePorts(Container c, String proto, List<PortBinds.Bind> binds, int from, int to, int wanted) {
        return freePorts(c, proto, binds, from, to, wanted, null, -1);
    }

    private List<Integer> freePorts(Container c, String proto, List<PortBinds.Bind> binds, int from, int to, int wanted,
                                    FlexHold moving, int avoid) {
        List<Integer> out = new ArrayList<>();
        for (int port = from; port <= to && out.size() < wanted; port++) {
            boolean free = port != avoid;
            for (PortBinds.Bind b : binds) {
                if (!free) {
                    break;
                }
                free = portClashes(c, proto, b, port).isEmpty() && softHolders(c, proto, b, port, moving).isEmpty();
            }
            if (free) {
                out.add(port);
            }
        }
        return out;
    }

    /**
     * Range holders that these fixed claims (of one container) leave without any port: every port
     * of their range is then taken.
     */
    public List<FlexHold> stranded(Container c, List<Claim> claims) {
        List<FlexHold> out = new ArrayList<>();
        if (state.anyContainerUncertain() || claims.isEmpty()) {
            return out;
        }
        for (FlexHold f : flexHolds) {
            if (!state.containerCertain(f.holder) || state.together(f.container, c).isEmpty() || !takesAny(claims, f)) {
                continue;
            }
            boolean left = false;
            for (int port = f.mapping.hostPortStart(); port <= f.mapping.hostPortEnd() && !left; port++) {
                boolean free = !taken(claims, f, port);
                for (PortBinds.Bind b : f.binds) {
                    if (!free) {
                        break;
                    }
                    free = portClashes(f.container, f.protocol, b, port).isEmpty()
                            && softHolders(f.container, f.protocol, b, port, f).isEmpty();
                }
                left = free;
            }
            if (!left) {
                out.add(f);
            }
        }
        return out;
    }

    /** Whether any claim takes a port of the holder's range, at the claim's own port. */
    private static boolean takesAny(List<Claim> claims, FlexHold f) {
        for (Claim k : claims) {
            if (takes(k, f, k.port())) {
                return true;
            }
        }
        return false;
    }

    private static boolean taken(List<Claim> claims, FlexHold f, int port) {
        for (Claim k : claims) {
            if (takes(k, f, port)) {
                return true;
            }
        }
        return false;
    }

    private static boolean takes(Claim k, FlexHold f, int port) {
        return k.port() == port && k.protocol().equals(f.protocol) && anyClash(f.binds, k.bind())
                && port >= f.mapping.hostPortStart() && port <= f.mapping.hostPortEnd();
    }

    private static boolean anyClash(List<PortBinds.Bind> binds, PortBinds.Bind b) {
        for (PortBinds.Bind x : binds) {
            if (b.clashes(x)) {
                return true;
            }
        }
        return false;
    }

    private List<FlexHold> softHolders(Container c, String proto, PortBinds.Bind b, int port, FlexHold except) {
        List<FlexHold> out = new ArrayList<>();
        for (FlexHold f : flexHolds) {
            if (f != except && f.port == port && f.protocol.equals(proto) && state.containerCertain(f.holder)
                    && anyClash(f.binds, b) && state.together(f.container, c).isPresent()) {
                out.add(f);
            }
        }
        return out;
    }

    /** Records a claim: a new slot for the first claim of its profile set, else one more on the count. */
    private void claim(PortKey key, PortBinds.Bind b, Container c, String holder, PortMapping m) {
        List<PortSlot> slots = b.wildcard() ? wildcardPorts.computeIfAbsent(key, k -> new ArrayList<>())
                : ports.computeIfAbsent(key, k -> new HashMap<>()).computeIfAbsent(b.address(), k -> new ArrayList<>());
        for (PortSlot s : slots) {
            if (s.container.profiles().equals(c.profiles())) {
                s.count++;
                return;
            }
        }
        slots.add(new PortSlot(c, holder, m, b));
    }

    /** Counts a claim that clashed (its container failed to start), for "and N more" wording. */
    void countRefusedClaims(Step step, Container c) {
        Optional<Ip> defaultIp = step.model().defaultBindIp(step.project().host());
        for (PortMapping m : c.ports()) {
            if (!PortBinds.binds(m) || PortBinds.flexible(m)) {
                continue;
            }
            for (PortBinds.Bind b : PortBinds.of(m.hostIp(), defaultIp)) {
                for (int port = m.hostPortStart(); port <= m.hostPortEnd(); port++) {
                    for (PortSlot s : portClashes(c, PortBinds.protocol(m), b, port)) {
                        s.count++;
                    }
                }
            }
        }
    }

    /** Drops every port a removed container held. */
    void release(String container) {
        for (Map<Ip, List<PortSlot>> byAddress : ports.values()) {
            byAddress.values().forEach(l -> l.removeIf(s -> container.equals(s.holder)));
        }
        wildcardPorts.values().forEach(l -> l.removeIf(s -> container.equals(s.holder)));
        flexHolds.removeIf(f -> container.equals(f.holder));
    }
}
