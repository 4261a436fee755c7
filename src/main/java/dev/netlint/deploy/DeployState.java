package dev.netlint.deploy;

import dev.netlint.address.Ip;
import dev.netlint.address.IpFamily;
import dev.netlint.model.AddressValue;
import dev.netlint.model.Container;
import dev.netlint.model.Network;
import dev.netlint.model.NetworkMode;
import dev.netlint.model.Operation;
import dev.netlint.model.PortMapping;
import dev.netlint.model.Text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One daemon's networks, containers, static addresses and host ports, as far as the deployment made
 * them certain. Networks and containers the deployment did not create may exist on the host, and
 * anything touched by a conditional command, an unknown name or an unreadable run is uncertain from
 * then on: queries return nothing for it, so checks stay silent. Refused steps change nothing, as on
 * the daemon; a container refused only at start keeps its name.
 */
public final class DeployState {
    /** A network the deployment created: its declaration and its macvlan parent (or null). */
    public record NetworkState(String name, Network network, String parent) {
    }

    /** A container the deployment created. {@code networks} is null when not known. */
    public static final class ContainerState {
        private final Container container;
        private final NetworkMode mode;
        private Set<String> networks;

        ContainerState(Container container, NetworkMode mode, Set<String> networks) {
            this.container = container;
            this.mode = mode;
            this.networks = networks;
        }

        public Container container() { return container; }
        public NetworkMode mode() { return mode; }
        /** The networks it is attached to; null when not known. */
        public Set<String> networks() { return networks; }
    }

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

    private final List<FlexHold> flexHolds = new ArrayList<>();

    private final Map<String, NetworkState> networks = new HashMap<>();
    private final Set<String> uncertainNetworks = new LinkedHashSet<>();
    private boolean anyNetworkUncertain;
    private final Map<String, ContainerState> containers = new HashMap<>();
    private final Set<String> uncertainContainers = new LinkedHashSet<>();
    private boolean anyContainerUncertain;
    /** Static addresses held, per network: address → holder's name. */
    private final Map<String, Map<Ip, String>> staticIps = new HashMap<>();
    /** Host ports: (protocol, family, port) → address (null: wildcard) → first claim per profile set. */
    private final Map<PortKey, Map<Ip, List<PortSlot>>> ports = new HashMap<>();
    private final Map<PortKey, List<PortSlot>> wildcardPorts = new HashMap<>();
    /** null: not known (a compose project, a swarm join); FALSE: the deployment never initialised one. */
    private Boolean swarm;
    private final Set<String> activeProfiles;

    DeployState(Boolean swarm, Set<String> activeProfiles) {
        this.swarm = swarm;
        this.activeProfiles = activeProfiles;
        for (String builtIn : List.of(Network.DEFAULT_BRIDGE, Network.HOST, Network.NONE)) {
            networks.put(builtIn, new NetworkState(builtIn, null, null));
        }
    }

    // ---- queries --------------------------------------------------------------------------------

    public static boolean builtIn(String name) {
        return name.equals(Network.DEFAULT_BRIDGE) || name.equals(Network.HOST) || name.equals(Network.NONE);
    }

    /** Whether the swarm is initialised: null when not known. */
    public Boolean swarm() { return swarm; }

    public boolean networkCertain(String name) {
        return !uncertainNetworks.contains(name) && !anyNetworkUncertain;
    }

    /** A network that certainly exists now (predefined ones have no declaration). */
    public Optional<NetworkState> network(String name) {
        NetworkState n = networks.get(name);
        return n != null && networkCertain(name) ? Optional.of(n) : Optional.empty();
    }

    /** Networks that certainly exist now, created by the deployment. */
    public List<NetworkState> createdNetworks() {
        List<NetworkState> out = new ArrayList<>();
        for (NetworkState n : networks.values()) {
            if (n.network() != null && networkCertain(n.name())) {
                out.add(n);
            }
        }
        return out;
    }

    public boolean containerCertain(String name) {
        return !uncertainContainers.contains(name) && !anyContainerUncertain;
    }

    /** A container the deployment certainly created and did not remove, by name. */
    public Optional<ContainerState> container(Text name) {
        if (name.unknown() || !containerCertain(name.value())) {
            return Optional.empty();
        }
        return Optional.ofNullable(containers.get(name.value()));
    }

    /** Containers certainly attached to a network now; empty when that is not certain. */
    public Optional<String> attachedTo(String network) {
        if (anyContainerUncertain) {
            return Optional.empty();
        }
        for (Map.Entry<String, ContainerState> e : containers.entrySet()) {
            ContainerState c = e.getValue();
            if (c.networks != null && c.networks.contains(network) && !uncertainContainers.contains(e.getKey())) {
                return Optional.of(e.getKey());
            }
        }
        return Optional.empty();
    }

    /** The container certainly holding a static address on a network, if one does and can run with {@code c}. */
    public Optional<Container> staticHolder(String network, Ip ip, Container c) {
        if (anyContainerUncertain) {
            return Optional.empty();
        }
        String holder = staticIps.getOrDefault(network, Map.of()).get(ip);
        if (holder == null || !containerCertain(holder) || containers.get(holder) == null) {
            return Optional.empty();
        }
        Container other = containers.get(holder).container;
        return c == null ? Optional.of(other) : Profiles.together(other, c, activeProfiles).map(x -> other);
    }

    /** Whether two containers run together, and under which profiles (see {@link Profiles#together}). */
    public Optional<String> together(Container a, Container b) {
        return Profiles.together(a, b, activeProfiles);
    }

    /**
     * The claims of {@code port} that clash with {@code bind} and run with {@code c}, first claim first.
     */
    public List<PortSlot> portClashes(Container c, String protocol, PortBinds.Bind bind, int port) {
        if (anyContainerUncertain) {
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
            if (s.holder != null && containerCertain(s.holder) && together(s.container, c).isPresent()) {
                out.add(s);
            }
        }
    }

    // ---- transitions ----------------------------------------------------------------------------

    /** Applies a step as the daemon does after the checks' verdict. */
    void apply(Step step, StepCheck.Verdict verdict) {
        Operation op = step.operation();
        if (op instanceof Operation.CreateNetwork c) {
            createNetwork(c, verdict == StepCheck.Verdict.REFUSED);
        } else if (op instanceof Operation.RemoveNetwork r) {
            removeNetwork(r, verdict == StepCheck.Verdict.REFUSED);
        } else if (op instanceof Operation.RunContainer r) {
            run(step, r, verdict);
        } else if (op instanceof Operation.Connect c) {
            connect(c, verdict == StepCheck.Verdict.REFUSED);
        } else if (op instanceof Operation.Disconnect d) {
            disconnect(d, verdict == StepCheck.Verdict.REFUSED);
        } else if (op instanceof Operation.RemoveContainer r) {
            removeContainer(r);
        } else if (op instanceof Operation.SwarmInit s) {
            swarm = s.conditional() ? (Boolean.TRUE.equals(swarm) ? Boolean.TRUE : null) : Boolean.TRUE;
        }
    }

    private void createNetwork(Operation.CreateNetwork op, boolean rejected) {
        Text name = op.name();
        if (name.unknown()) {
            return; // a network we cannot name: later checks simply do not know it
        }
        Network n = op.network();
        String parent = null;
        if (n.isDriver("macvlan")) {
            Text p = n.parent().orElse(null);
            parent = p != null && p.known() && !p.value().isEmpty() ? p.value() : null;
        }
        String key = name.value();
        if (op.conditional()) {
            // a guarded create of a network that certainly exists changes nothing: it is refused or skipped
            if (!(networks.containsKey(key) && networkCertain(key))) {
                uncertainNetworks.add(key);
                if (!networks.containsKey(key) && !rejected) {
                    networks.put(key, new NetworkState(key, n, parent));
                }
            }
            return;
        }
        if (!rejected) {
            networks.put(key, new NetworkState(key, n, parent));
            uncertainNetworks.remove(key);
        }
    }

    private void removeNetwork(Operation.RemoveNetwork op, boolean rejected) {
        Text name = op.network();
        if (name.unknown()) {
            anyNetworkUncertain = true;
            return;
        }
        String n = name.value();
        if (rejected) {
            return;
        }
        if (op.conditional()) {
            uncertainNetworks.add(n);
            return;
        }
        if (!builtIn(n)) {
            networks.remove(n);
            uncertainNetworks.remove(n);
            staticIps.remove(n);
        }
    }

    private void run(Step step, Operation.RunContainer op, StepCheck.Verdict verdict) {
        Container c = op.container();
        String name = Step.containerKey(step.project(), c);
        if (name.startsWith("<unnamed") || name.startsWith("$")) {
            return; // a container we cannot name: later checks simply do not know it
        }
        if (verdict == StepCheck.Verdict.REFUSED) {
            return;
        }
        NetworkMode mode = step.mode();
        if (op.conditional() && containers.containsKey(name) && containerCertain(name)) {
            return; // refused (the name is taken) or skipped: nothing changes
        }
        if (op.conditional() || op.opaque() || mode.unknown() || verdict == StepCheck.Verdict.START_REFUSED_UNCERTAIN) {
            uncertainContainers.add(name);
            containers.put(name, new ContainerState(c, mode, null));
            return;
        }
        Set<String> attached = new LinkedHashSet<>();
        switch (mode.kind()) {
            case DEFAULT, BRIDGE -> attached.add(Network.DEFAULT_BRIDGE);
            case HOST -> attached.add(Network.HOST);
            case NONE -> attached.add(Network.NONE);
            case NETWORK -> attached.add(mode.target());
            default -> { }
        }
        containers.put(name, new ContainerState(c, mode, attached));
        uncertainContainers.remove(name);
        if (verdict != StepCheck.Verdict.ACCEPTED) {
            if (Deployment.concurrent(step.project())) {
                holdPorts(step, c, name); // started together: whichever binds first wins, so both claims stand
            }
            return;
        }
        if (!op.start()) {
            return; // docker create: the daemon allocates addresses and binds ports only when it starts
        }
        if (mode.is(NetworkMode.Kind.NETWORK)) {
            hold(mode.target(), op.ipv4(), name);
            hold(mode.target(), op.ipv6(), name);
        }
        holdPorts(step, c, name);
    }

    private void holdPorts(Step step, Container c, String name) {
        Optional<Ip> defaultIp = step.model().daemonOf(step.project().host())
                .map(dev.netlint.model.DaemonSettings::ip).flatMap(AddressValue::asIp);
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
                free &= portClashes(c, proto, b, port).isEmpty() && softHolders(c, proto, b, port, moving).isEmpty();
            }
            if (free) {
                out.add(port);
            }
        }
        return out;
    }

    /** A fixed host port a step claims. */
    public record Claim(String protocol, PortBinds.Bind bind, int port) {
    }

    /**
     * Range holders that these fixed claims (of one container) leave without any port: every port
     * of their range is then taken.
     */
    public List<FlexHold> stranded(Container c, List<Claim> claims) {
        List<FlexHold> out = new ArrayList<>();
        if (anyContainerUncertain || claims.isEmpty()) {
            return out;
        }
        for (FlexHold f : flexHolds) {
            if (!containerCertain(f.holder) || together(f.container, c).isEmpty()
                    || claims.stream().noneMatch(k -> takes(k, f, k.port()))) {
                continue;
            }
            boolean left = false;
            for (int port = f.mapping.hostPortStart(); port <= f.mapping.hostPortEnd() && !left; port++) {
                final int p = port;
                boolean free = claims.stream().noneMatch(k -> takes(k, f, p));
                for (PortBinds.Bind b : f.binds) {
                    free &= portClashes(f.container, f.protocol, b, port).isEmpty()
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

    private static boolean takes(Claim k, FlexHold f, int port) {
        return k.port() == port && k.protocol().equals(f.protocol) && f.binds.stream().anyMatch(k.bind()::clashes)
                && port >= f.mapping.hostPortStart() && port <= f.mapping.hostPortEnd();
    }

    private List<FlexHold> softHolders(Container c, String proto, PortBinds.Bind b, int port, FlexHold except) {
        List<FlexHold> out = new ArrayList<>();
        for (FlexHold f : flexHolds) {
            if (f != except && f.port == port && f.protocol.equals(proto) && containerCertain(f.holder)
                    && f.binds.stream().anyMatch(b::clashes) && together(f.container, c).isPresent()) {
                out.add(f);
            }
        }
        return out;
    }

    /** Records a claim: a new slot for the first claim of its profile set, else one more on the count. */
    void claim(PortKey key, PortBinds.Bind b, Container c, String holder, PortMapping m) {
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
        Optional<Ip> defaultIp = step.model().daemonOf(step.project().host())
                .map(dev.netlint.model.DaemonSettings::ip).flatMap(AddressValue::asIp);
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

    private void hold(String network, AddressValue ip, String container) {
        if (ip != null && ip.asIp().isPresent()) {
            staticIps.computeIfAbsent(network, k -> new HashMap<>()).put(ip.asIp().get(), container);
        }
    }

    private void release(String container, String network) {
        for (Map.Entry<String, Map<Ip, String>> e : staticIps.entrySet()) {
            if (network == null || e.getKey().equals(network)) {
                e.getValue().values().removeIf(container::equals);
            }
        }
        if (network == null) {
            for (Map<Ip, List<PortSlot>> byAddress : ports.values()) {
                byAddress.values().forEach(l -> l.removeIf(s -> container.equals(s.holder)));
            }
            wildcardPorts.values().forEach(l -> l.removeIf(s -> container.equals(s.holder)));
            flexHolds.removeIf(f -> container.equals(f.holder));
        }
    }

    private void connect(Operation.Connect op, boolean rejected) {
        Text net = op.network();
        Text name = op.container();
        if (net.unknown()) {
            if (!name.unknown()) {
                uncertainContainers.add(name.value());
            }
            return;
        }
        if (name.unknown()) {
            return;
        }
        String n = net.value();
        ContainerState c = container(name).orElse(null);
        if (op.conditional()) {
            boolean noEffect = rejected || (c != null && c.networks != null && (c.networks.contains(n)
                    || c.networks.contains(Network.NONE) || c.mode.kind() == NetworkMode.Kind.HOST
                    || c.mode.kind() == NetworkMode.Kind.CONTAINER));
            if (!noEffect) {
                uncertainContainers.add(name.value());
            }
            return;
        }
        if (!rejected && c != null && c.networks != null) {
            c.networks.add(n);
            hold(n, op.ipv4(), name.value());
            hold(n, op.ipv6(), name.value());
        }
    }

    private void disconnect(Operation.Disconnect op, boolean rejected) {
        Text net = op.network();
        Text name = op.container();
        if (net.unknown()) {
            if (!name.unknown()) {
                uncertainContainers.add(name.value());
            }
            return;
        }
        if (rejected || name.unknown()) {
            return;
        }
        String n = net.value();
        ContainerState c = container(name).orElse(null);
        if (op.conditional()) {
            if (!(c != null && c.networks != null && !c.networks.contains(n))) {
                uncertainContainers.add(name.value());
            }
            return;
        }
        if (c != null && c.networks != null) {
            c.networks.remove(n);
        }
        release(name.value(), n);
    }

    private void removeContainer(Operation.RemoveContainer op) {
        Text name = op.container();
        if (name.unknown()) {
            anyContainerUncertain = true;
            return;
        }
        if (op.conditional()) {
            uncertainContainers.add(name.value());
            return;
        }
        containers.remove(name.value());
        uncertainContainers.remove(name.value());
        release(name.value(), null);
    }

    /** Containers by name, for the name check: the certain holder of {@code name}, if any. */
    public Optional<ContainerState> holderOfName(String name) {
        ContainerState c = containers.get(name);
        return c != null && containerCertain(name) ? Optional.of(c) : Optional.empty();
    }
}
