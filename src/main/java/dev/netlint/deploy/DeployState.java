package dev.netlint.deploy;

import dev.netlint.address.Ip;
import dev.netlint.model.AddressValue;
import dev.netlint.model.Container;
import dev.netlint.model.Network;
import dev.netlint.model.NetworkMode;
import dev.netlint.model.Operation;
import dev.netlint.model.Text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One daemon's networks, containers, static addresses and host ports ({@link HostPorts}), as far as
 * the deployment made them certain. Networks and containers the deployment did not create may exist
 * on the host, and anything touched by a conditional command, an unknown name or an unreadable run is
 * uncertain from then on: queries return nothing for it, so checks stay silent. Refused steps change
 * nothing, as on the daemon; a container refused only at start keeps its name.
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

    private final Map<String, NetworkState> networks = new HashMap<>();
    private final Set<String> uncertainNetworks = new LinkedHashSet<>();
    private boolean anyNetworkUncertain;
    private final Map<String, ContainerState> containers = new HashMap<>();
    private final Set<String> uncertainContainers = new LinkedHashSet<>();
    private boolean anyContainerUncertain;
    /** Static addresses held, per network: address → holder's name. */
    private final Map<String, Map<Ip, String>> staticIps = new HashMap<>();
    private final HostPorts ports = new HostPorts(this);
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

    /** Whether a container of unknown name was removed: then no container is certain. */
    boolean anyContainerUncertain() {
        return anyContainerUncertain;
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

    /** The host ports held now. */
    public HostPorts hostPorts() {
        return ports;
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
                ports.holdPorts(step, c, name); // started together: whichever binds first wins, so both claims stand
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
        ports.holdPorts(step, c, name);
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
            ports.release(container);
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
