package dev.netlint.rules.script;

import dev.netlint.address.Cidr;
import dev.netlint.address.Ip;
import dev.netlint.model.AddressValue;
import dev.netlint.model.Container;
import dev.netlint.model.IpamPool;
import dev.netlint.model.Network;
import dev.netlint.model.NetworkMode;
import dev.netlint.model.Operation;
import dev.netlint.model.PortMapping;
import dev.netlint.model.Project;
import dev.netlint.model.SourceLocation;
import dev.netlint.model.Text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Replays a sequential project's operations against a model of one daemon's networks and
 * containers, and collects what that daemon would refuse. Only what the script itself made
 * certain is judged: networks and containers the script did not create may exist on the host, and
 * anything touched by a conditional command, an unknown name or an unreadable run is uncertain
 * from then on, so checks that need it stay silent. Rejected commands change nothing, as on the
 * daemon; a run refused only at start still creates its container.
 */
public final class ScriptSimulator {
    /** What is wrong; each simulation rule reports one kind. */
    public enum Kind {
        BUILTIN_CONNECT, CONNECT_SHARED_STACK, DUPLICATE_CONNECT, DISCONNECT_NOT_CONNECTED,
        STATIC_IP_BUILTIN, ALIAS_OR_LINK_BUILTIN, MODE_CONFLICT, MULTIPLE_NETWORKS,
        DUPLICATE_NETWORK, DUPLICATE_CONTAINER, OVERLAY_WITHOUT_SWARM, PARENT_IN_USE,
        HOST_MODE_PORTS, IPAM_NO_MATCHING_SUBNET, NETWORK_IN_USE, IGNORED_ON_DEFAULT_BRIDGE, STATIC_IP_REFUSED
    }

    public record Problem(Kind kind, SourceLocation location, String message) {
    }

    private static final class NetState {
        final Network network; // null for built-ins
        final String parent; // macvlan parent, or null

        NetState(Network network, String parent) {
            this.network = network;
            this.parent = parent;
        }
    }

    private static final class ContainerState {
        final NetworkMode mode;
        /** Networks it is attached to; null when not known. */
        Set<String> networks;

        ContainerState(NetworkMode mode, Set<String> networks) {
            this.mode = mode;
            this.networks = networks;
        }
    }

    /** Names the script made certain: present (value) or certainly absent (not in the map but in {@code removed}). */
    private final Map<String, NetState> networks = new HashMap<>();
    private final Set<String> uncertainNetworks = new LinkedHashSet<>();
    private boolean anyNetworkUncertain;
    private final Map<String, ContainerState> containers = new HashMap<>();
    private final Set<String> uncertainContainers = new LinkedHashSet<>();
    private boolean anyContainerUncertain;
    /** Static addresses held, per network: address → container. */
    private final Map<String, Map<Ip, String>> staticIps = new HashMap<>();
    /** null: not known (swarm join); the script never initialised one: FALSE. */
    private Boolean swarm = Boolean.FALSE;
    private final List<Problem> problems = new ArrayList<>();

    private ScriptSimulator() {
        networks.put(Network.DEFAULT_BRIDGE, new NetState(null, null));
        networks.put(Network.HOST, new NetState(null, null));
        networks.put(Network.NONE, new NetState(null, null));
    }

    /** Replays one project; empty for projects that are not sequential. */
    public static List<Problem> run(Project project) {
        if (project.kind() != Project.Kind.SEQUENTIAL) {
            return List.of();
        }
        ScriptSimulator s = new ScriptSimulator();
        for (Operation op : project.operations()) {
            s.apply(op);
        }
        return s.problems;
    }

    private void report(Kind kind, SourceLocation where, String message) {
        problems.add(new Problem(kind, where, message));
    }

    private void apply(Operation op) {
        if (op instanceof Operation.CreateNetwork c) {
            createNetwork(c);
        } else if (op instanceof Operation.RemoveNetwork r) {
            removeNetwork(r);
        } else if (op instanceof Operation.RunContainer r) {
            run(r);
        } else if (op instanceof Operation.Connect c) {
            connect(c);
        } else if (op instanceof Operation.Disconnect d) {
            disconnect(d);
        } else if (op instanceof Operation.RemoveContainer r) {
            removeContainer(r);
        } else if (op instanceof Operation.SwarmInit s) {
            swarm = s.conditional() ? (Boolean.TRUE.equals(swarm) ? Boolean.TRUE : null) : Boolean.TRUE;
        }
    }

    // ---- networks -------------------------------------------------------------------------------

    private boolean networkCertain(String name) {
        return !uncertainNetworks.contains(name) && !anyNetworkUncertain;
    }

    private static boolean builtIn(String name) {
        return name.equals(Network.DEFAULT_BRIDGE) || name.equals(Network.HOST) || name.equals(Network.NONE);
    }

    private void createNetwork(Operation.CreateNetwork op) {
        Network n = op.network();
        Text name = op.name();
        boolean rejected = false;
        if (!name.unknown()) {
            if (builtIn(name.value())) {
                report(Kind.DUPLICATE_NETWORK, name.location(), "'" + name.value() + "' is a predefined network; "
                        + "the daemon refuses: \"operation is not permitted on predefined " + name.value()
                        + " network\". Choose another name.");
                rejected = true;
            } else if (!op.conditional() && networks.containsKey(name.value()) && networkCertain(name.value())) {
                report(Kind.DUPLICATE_NETWORK, name.location(), "network '" + name.value()
                        + "' was already created at line " + networks.get(name.value()).network.location().line()
                        + "; the daemon refuses: \"network with name " + name.value()
                        + " already exists\". Remove it first (docker network rm) or use another name.");
                rejected = true;
            }
        }
        // IPAM flags the CLI cannot pair with a subnet
        for (IpamPool pool : n.pools()) {
            if (pool.subnet() != null) {
                continue;
            }
            boolean hasSubnets = n.pools().stream().anyMatch(p -> p.subnet() != null);
            rejected |= noSubnet(pool.ipRange(), "range", hasSubnets);
            rejected |= noSubnet(pool.gateway(), "gateway", hasSubnets);
            for (AddressValue aux : pool.auxAddresses().values()) {
                rejected |= noSubnet(aux, "aux-address", hasSubnets);
            }
        }
        String driver = n.driverName().orElse(null);
        if ("overlay".equals(driver) && Boolean.FALSE.equals(swarm) && n.driver() != null) {
            report(Kind.OVERLAY_WITHOUT_SWARM, n.driver().location(), "overlay networks need swarm mode, and this "
                    + "script never runs 'docker swarm init'; the daemon refuses: \"This node is not a swarm manager. "
                    + "Use \\\"docker swarm init\\\" or \\\"docker swarm join\\\" to connect this node to swarm and "
                    + "try again.\" Initialise swarm first, or use a bridge network on a single host.");
            rejected = true;
        }
        String parent = null;
        if ("macvlan".equals(driver)) {
            Text p = n.parent().orElse(null);
            if (p != null && p.known() && !p.value().isEmpty()) {
                parent = p.value();
                if (!op.conditional()) {
                    for (Map.Entry<String, NetState> e : networks.entrySet()) {
                        NetState other = e.getValue();
                        if (parent.equals(other.parent) && networkCertain(e.getKey()) && !overlaps(n, other.network)) {
                            report(Kind.PARENT_IN_USE, p.location(), "macvlan network '" + e.getKey()
                                    + "' (line " + other.network.location().line() + ") already uses parent interface "
                                    + parent + "; the daemon refuses: \"network dm-<ID> is already using parent "
                                    + "interface " + parent + "\". Put both subnets on one macvlan network, or give "
                                    + "this one its own 802.1q sub-interface (parent=" + parent + ".<vlan>).");
                            rejected = true;
                            break;
                        }
                    }
                }
            }
        }
        if (name.unknown()) {
            return; // a network we cannot name: later checks simply do not know it
        }
        if (op.conditional()) {
            // a guarded create of a network that certainly exists changes nothing: it is refused or skipped
            if (!(networks.containsKey(name.value()) && networkCertain(name.value()))) {
                uncertainNetworks.add(name.value());
                if (!networks.containsKey(name.value()) && !rejected) {
                    networks.put(name.value(), new NetState(n, parent));
                }
            }
            return;
        }
        if (!rejected) {
            networks.put(name.value(), new NetState(n, parent));
            uncertainNetworks.remove(name.value());
        }
    }

    /** Whether two networks have overlapping subnets: then the daemon's overlap error comes first (an IPAM rule reports it). */
    private static boolean overlaps(Network a, Network b) {
        if (b == null) {
            return false;
        }
        for (IpamPool pa : a.pools()) {
            for (IpamPool pb : b.pools()) {
                if (pa.subnet() != null && pb.subnet() != null && pa.subnet().asCidr().isPresent()
                        && pb.subnet().asCidr().isPresent()
                        && pa.subnet().asCidr().get().overlaps(pb.subnet().asCidr().get())) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean noSubnet(AddressValue v, String what, boolean hasSubnets) {
        if (v == null || v.isUnknown()) {
            return false;
        }
        String message;
        if (!hasSubnets && !what.equals("aux-address")) {
            message = "--" + (what.equals("range") ? "ip-range" : what) + " " + v.raw() + " without any --subnet; "
                    + "the docker CLI refuses: \"every ip-range or gateway must have a corresponding subnet\". "
                    + "Add the --subnet that contains it.";
        } else {
            message = "no --subnet of this network contains " + v.raw() + "; the docker CLI refuses: \"no matching "
                    + "subnet for " + what + " " + v.raw() + "\". Add the --subnet that contains it, or correct the "
                    + "address.";
        }
        report(Kind.IPAM_NO_MATCHING_SUBNET, v.location(), message);
        return true;
    }

    private void removeNetwork(Operation.RemoveNetwork op) {
        Text name = op.network();
        if (name.unknown()) {
            anyNetworkUncertain = true;
            return;
        }
        String n = name.value();
        if (!op.conditional() && networkCertain(n) && networks.containsKey(n) && !builtIn(n)
                && !anyContainerUncertain) {
            for (Map.Entry<String, ContainerState> e : containers.entrySet()) {
                ContainerState c = e.getValue();
                if (c.networks != null && c.networks.contains(n) && !uncertainContainers.contains(e.getKey())) {
                    report(Kind.NETWORK_IN_USE, name.location(), "container '" + e.getKey() + "' is still attached "
                            + "to network '" + n + "'; the daemon refuses: \"error while removing network: network "
                            + n + " id <ID> has active endpoints\". Remove the container or disconnect it first.");
                    return;
                }
            }
        }
        if (op.conditional()) {
            uncertainNetworks.add(n);
            return;
        }
        if (!builtIn(n)) {
            networks.remove(n);
            uncertainNetworks.remove(n);
            staticIps.remove(n);
            // containers attached to it (if the removal had gone through) are not our concern here
        }
    }

    // ---- containers -----------------------------------------------------------------------------

    private boolean containerCertain(String name) {
        return !uncertainContainers.contains(name) && !anyContainerUncertain;
    }

    private static String modeName(NetworkMode m) {
        return m.spelled();
    }

    private void run(Operation.RunContainer op) {
        Container c = op.container();
        NetworkMode mode = c.networkMode();
        boolean rejected = false;
        boolean startRejected = false;
        List<Text> nets = op.networks();

        // several --network flags
        if (nets.size() > 1 && nets.stream().noneMatch(Text::unknown)) {
            Text second = nets.get(1);
            Set<String> seen = new LinkedHashSet<>();
            String dup = null;
            for (Text t : nets) {
                if (!seen.add(t.value())) {
                    dup = t.value();
                }
            }
            long user = nets.stream().filter(t -> NetworkMode.parse(t.value(), t.location()).is(NetworkMode.Kind.NETWORK)).count();
            String all = String.join(", ", seen);
            String message;
            if (dup != null) {
                message = "network '" + dup + "' is given twice; the docker CLI refuses: \"network \\\"" + dup
                        + "\\\" is specified multiple times\".";
            } else if (user > 0 && user < nets.size()) {
                message = "a user-defined network mixed with " + nets.stream().map(Text::value)
                        .filter(v -> !NetworkMode.parse(v, null).is(NetworkMode.Kind.NETWORK)).findFirst().orElse("")
                        + " in one run; the docker CLI refuses: \"conflicting options: cannot attach both "
                        + "user-defined and non-user-defined network-modes\".";
            } else {
                message = "docker run accepts one network here; the 20.10 daemon refuses: \"Container cannot be "
                        + "connected to network endpoints: " + all + "\".";
            }
            report(Kind.MULTIPLE_NETWORKS, second.location(), message + " Run with one --network, then add the "
                    + "others with 'docker network connect'.");
            rejected = true;
        }
        boolean explicitBuiltin = !mode.unknown() && mode.location() != null
                && (mode.kind() == NetworkMode.Kind.HOST || mode.kind() == NetworkMode.Kind.NONE
                || mode.kind() == NetworkMode.Kind.CONTAINER
                || (mode.kind() == NetworkMode.Kind.BRIDGE && !"default".equals(mode.target())));
        if (!rejected && explicitBuiltin) {
            String m = modeName(mode);
            for (Text alias : c.networkAliases()) {
                report(Kind.ALIAS_OR_LINK_BUILTIN, alias.location(), "--network-alias with --network " + m
                        + "; the docker CLI refuses: \"network-scoped aliases are only supported for user-defined "
                        + "networks\". Create a network (docker network create) and run the container on it.");
                rejected = true;
            }
            for (Text link : c.links()) {
                report(Kind.ALIAS_OR_LINK_BUILTIN, link.location(), "--link with --network " + m
                        + "; the docker CLI refuses: \"links are only supported for user-defined networks\". "
                        + "On a user-defined network containers reach each other by name without --link.");
                rejected = true;
            }
        }
        if (!rejected && !mode.unknown() && mode.kind() == NetworkMode.Kind.CONTAINER) {
            rejected |= containerModeConflicts(c, mode);
        }
        if (!rejected && mode.is(NetworkMode.Kind.HOST) && c.macAddress() != null) {
            report(Kind.MODE_CONFLICT, c.macAddress().location(), "--mac-address with --network host; the daemon "
                    + "refuses: \"conflicting options: mac-address and the network mode\". A host-mode container "
                    + "uses the host's interfaces; drop --mac-address.");
            rejected = true;
        }
        if (!rejected && explicitBuiltin && mode.kind() != NetworkMode.Kind.CONTAINER) {
            for (AddressValue ip : new AddressValue[] {op.ipv4(), op.ipv6()}) {
                if (ip != null) {
                    report(Kind.STATIC_IP_BUILTIN, ip.location(), (ip == op.ipv4() ? "--ip" : "--ip6")
                            + " with --network " + modeName(mode) + "; the daemon creates the container but refuses "
                            + "to start it: \"user specified IP address is supported on user defined networks "
                            + "only\". Create a network with --subnet and run the container on it.");
                    startRejected = true;
                }
            }
        }
        if (!rejected && mode.is(NetworkMode.Kind.HOST)) {
            for (PortMapping p : c.ports()) {
                report(Kind.HOST_MODE_PORTS, p.location(), "-p " + p.raw() + " with --network host: the container "
                        + "uses the host's ports directly and the daemon warns \"Published ports are discarded "
                        + "when using host network mode\". Drop -p, or use a bridge network.");
            }
            if (c.publishAll()) {
                report(Kind.HOST_MODE_PORTS, c.publishAllLocation(), "-P with --network host: the daemon discards "
                        + "published ports in host network mode. Drop -P, or use a bridge network.");
            }
        }
        if (!rejected && !op.opaque() && nets.isEmpty() && mode.kind() == NetworkMode.Kind.DEFAULT && !mode.unknown()) {
            for (AddressValue ip : new AddressValue[] {op.ipv4(), op.ipv6()}) {
                if (ip != null) {
                    report(Kind.IGNORED_ON_DEFAULT_BRIDGE, ip.location(), (ip == op.ipv4() ? "--ip " : "--ip6 ")
                            + ip.raw() + " without --network: the container joins the default bridge and the daemon "
                            + "silently ignores the address (it hands out the next free one). Create a network with "
                            + "--subnet and run the container on it with --network.");
                }
            }
        }
        // (an alias without --network is NL211's)
        boolean addressRejected = false;
        if (!rejected && mode.is(NetworkMode.Kind.NETWORK) && nets.size() == 1) {
            for (AddressValue ip : new AddressValue[] {op.ipv4(), op.ipv6()}) {
                String problem = staticAddressProblem(mode.target(), ip, !op.conditional());
                if (problem != null) {
                    report(Kind.STATIC_IP_REFUSED, ip.location(), problem.replace("%VERB%",
                            "docker run creates the container but the daemon refuses to start it"));
                    addressRejected = true;
                    startRejected = true;
                }
            }
        }
        // the name
        String name = c.name();
        boolean named = !name.startsWith("<unnamed") && !name.startsWith("$");
        if (!named) {
            return; // a container we cannot name: later checks simply do not know it
        }
        if (!op.conditional() && containers.containsKey(name) && containerCertain(name)) {
            report(Kind.DUPLICATE_CONTAINER, c.location(), "a container named '" + name + "' already exists (created "
                    + "earlier in this script); the daemon refuses: \"Conflict. The container name \\\"/" + name
                    + "\\\" is already in use by container <ID>\". Remove it first (docker rm -f " + name
                    + ") or choose another name.");
            return;
        }
        if (rejected && !startRejected) {
            return;
        }
        if (op.conditional() && containers.containsKey(name) && containerCertain(name)) {
            return; // refused (the name is taken) or skipped: nothing changes
        }
        if (op.conditional() || op.opaque() || mode.unknown() || addressRejected) {
            uncertainContainers.add(name);
            containers.put(name, new ContainerState(mode, null));
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
        containers.put(name, new ContainerState(mode, attached));
        uncertainContainers.remove(name);
        if (mode.is(NetworkMode.Kind.NETWORK)) {
            hold(mode.target(), op.ipv4(), name);
            hold(mode.target(), op.ipv6(), name);
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
    }

    /**
     * Why the daemon refuses a static address on a network this script created (and whose IPAM
     * it knows), or null: no user subnet of the address's family, outside every subnet, the
     * gateway (given, or the first address the default IPAM takes for it), the network or
     * broadcast address, an aux address, or an address an earlier container of the script holds.
     * The message has a %VERB% placeholder for how the command fails.
     */
    private String staticAddressProblem(String network, AddressValue ip, boolean judgeHolders) {
        if (ip == null || ip.asIp().isEmpty() || builtIn(network) || !networkCertain(network)) {
            return null;
        }
        NetState st = networks.get(network);
        if (st == null || st.network == null) {
            return null;
        }
        Network n = st.network;
        if (n.ipamDriver() != null && !n.ipamDriver().is("default")) {
            return null;
        }
        Ip addr = ip.asIp().get();
        List<IpamPool> family = new ArrayList<>();
        for (IpamPool pool : n.pools()) {
            if (pool.subnet() == null) {
                continue;
            }
            if (pool.subnet().asCidr().isEmpty()) {
                return null; // unknown or malformed subnet: cannot judge
            }
            if (pool.subnet().asCidr().get().family() == addr.family()) {
                family.add(pool);
            }
        }
        String line = " (created at line " + n.location().line() + ")";
        if (family.isEmpty()) {
            return "network '" + network + "'" + line + " has no " + (addr.family() == dev.netlint.address.IpFamily.IPV4
                    ? "IPv4" : "IPv6") + " --subnet, so " + addr + " cannot be assigned; %VERB%: \"user specified IP "
                    + "address is supported only when connecting to networks with user configured subnets\". Add a "
                    + "--subnet to that docker network create, or drop the static address.";
        }
        IpamPool home = null;
        for (IpamPool pool : family) {
            if (pool.subnet().asCidr().get().contains(addr)) {
                home = pool;
            }
        }
        if (home == null) {
            String subnets = String.join(", ", family.stream().map(p -> p.subnet().raw()).toList());
            return addr + " is outside every subnet of network '" + network + "' (" + subnets + ")" + line + "; %VERB%: "
                    + "\"Invalid address " + addr + ": It does not belong to any of this network's subnets\". Use an "
                    + "address inside " + subnets + ".";
        }
        Cidr subnet = home.subnet().asCidr().get().normalized();
        String taken = null;
        if (home.gateway() != null) {
            if (home.gateway().asIp().map(addr::equals).orElse(false)) {
                taken = "the gateway";
            }
        } else if (addr.family() == dev.netlint.address.IpFamily.IPV4 && subnet.prefixLength() <= 30
                && addr.value().equals(subnet.first().value().add(java.math.BigInteger.ONE))) {
            taken = "the gateway the daemon assigns by default (the first address)";
        }
        if (taken == null && addr.family() == dev.netlint.address.IpFamily.IPV4 && subnet.prefixLength() <= 30) {
            if (addr.equals(subnet.first())) {
                taken = "the network address";
            } else if (addr.equals(subnet.last())) {
                taken = "the broadcast address";
            }
        }
        if (taken == null) {
            for (Map.Entry<String, AddressValue> aux : home.auxAddresses().entrySet()) {
                if (aux.getValue().asIp().map(addr::equals).orElse(false)) {
                    taken = "reserved as aux address " + aux.getKey();
                }
            }
        }
        if (taken == null && judgeHolders && !anyContainerUncertain) {
            String holder = staticIps.getOrDefault(network, Map.of()).get(addr);
            if (holder != null && containerCertain(holder)) {
                taken = "already held by container '" + holder + "'";
            }
        }
        if (taken != null) {
            return addr + " is " + taken + " on network '" + network + "'" + line + "; %VERB%: \"Address already in "
                    + "use\". Choose a free address in " + home.subnet().raw() + ".";
        }
        return null;
    }

    private boolean containerModeConflicts(Container c, NetworkMode mode) {
        String m = "--network " + modeName(mode);
        boolean any = false;
        for (PortMapping p : c.ports()) {
            conflict(p.location(), "-p " + p.raw() + " with " + m, "port publishing and the container type network mode",
                    "Publish the port on the container whose network stack this one shares");
            any = true;
        }
        if (c.publishAll()) {
            conflict(c.publishAllLocation(), "-P with " + m, "port publishing and the container type network mode",
                    "Publish the ports on the container whose network stack this one shares");
            any = true;
        }
        for (Text e : c.expose()) {
            conflict(e.location(), "--expose with " + m, "port exposing and the container type network mode",
                    "Expose the port on the container whose network stack this one shares");
            any = true;
        }
        if (c.hostname() != null) {
            conflict(c.hostname().location(), "--hostname with " + m, "hostname and the network mode",
                    "Drop --hostname: the container shares the other container's hostname");
            any = true;
        }
        for (Text d : c.dns()) {
            conflict(d.location(), "--dns with " + m, "dns and the network mode",
                    "Set --dns on the container whose network stack this one shares");
            any = true;
        }
        if (c.macAddress() != null) {
            conflict(c.macAddress().location(), "--mac-address with " + m, "mac-address and the network mode",
                    "Drop --mac-address: the interface belongs to the shared container");
            any = true;
        }
        for (Text h : c.extraHosts()) {
            conflict(h.location(), "--add-host with " + m, "custom host-to-IP mapping and the network mode",
                    "Set --add-host on the container whose network stack this one shares");
            any = true;
        }
        return any;
    }

    private void conflict(SourceLocation where, String what, String daemonWords, String advice) {
        report(Kind.MODE_CONFLICT, where, what + "; the daemon refuses: \"conflicting options: " + daemonWords
                + "\". " + advice + ".");
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

    /** The container a connect/disconnect names, when the script made its state certain. */
    private ContainerState known(Text container) {
        if (container.unknown() || !containerCertain(container.value())) {
            return null;
        }
        return containers.get(container.value());
    }

    private void connect(Operation.Connect op) {
        Text net = op.network();
        Text name = op.container();
        if (net.unknown()) {
            if (!name.unknown()) {
                uncertainContainers.add(name.value());
            }
            return;
        }
        String n = net.value();
        ContainerState c = known(name);
        boolean rejected = false;
        if (n.equals(Network.HOST)) {
            report(Kind.BUILTIN_CONNECT, net.location(), "'docker network connect host' is always refused: \"container "
                    + "cannot be disconnected from host network or connected to host network\". Run the container "
                    + "with --network host instead.");
            rejected = true;
        } else if (n.equals(Network.NONE) && !(c != null && c.networks != null && c.networks.isEmpty()
                && c.mode.kind() != NetworkMode.Kind.CONTAINER && c.mode.kind() != NetworkMode.Kind.HOST)) {
            report(Kind.BUILTIN_CONNECT, net.location(), "'docker network connect none' is refused for a container "
                    + "with a network: \"container cannot be connected to multiple networks with one of the networks "
                    + "in private (none) mode\". Run the container with --network none instead.");
            rejected = true;
        }
        // the daemon checks the endpoint settings before the container's state
        if (!rejected && n.equals(Network.DEFAULT_BRIDGE)) {
            for (AddressValue ip : new AddressValue[] {op.ipv4(), op.ipv6()}) {
                if (ip != null) {
                    report(Kind.STATIC_IP_BUILTIN, ip.location(), "a static address on the default bridge; the "
                            + "daemon refuses: \"user specified IP address is supported on user defined networks "
                            + "only\". Connect to a network created with --subnet instead.");
                    rejected = true;
                }
            }
            for (Text alias : op.aliases()) {
                report(Kind.ALIAS_OR_LINK_BUILTIN, alias.location(), "--alias on the default bridge; the daemon "
                        + "refuses: \"network-scoped alias is supported only for containers in user defined "
                        + "networks\". Connect to a user-defined network instead.");
                rejected = true;
            }
        }
        if (!rejected) {
            for (AddressValue ip : new AddressValue[] {op.ipv4(), op.ipv6()}) {
                String problem = staticAddressProblem(n, ip, !op.conditional());
                if (problem != null) {
                    report(Kind.STATIC_IP_REFUSED, ip.location(), problem.replace("%VERB%", "the daemon refuses the "
                            + "connect"));
                    rejected = true;
                }
            }
        }
        if (!rejected && c != null && !op.conditional()) {
            NetworkMode.Kind k = c.mode.kind();
            if (k == NetworkMode.Kind.HOST || k == NetworkMode.Kind.CONTAINER) {
                report(Kind.CONNECT_SHARED_STACK, name.location(), "container '" + name.value() + "' runs with --network "
                        + modeName(c.mode) + "; the daemon refuses: \"container sharing network namespace with another "
                        + "container or host cannot be connected to any other network\". Run it on a bridge or "
                        + "user-defined network if it must join " + n + ".");
                rejected = true;
            } else if (c.networks != null && c.networks.contains(Network.NONE)) {
                report(Kind.CONNECT_SHARED_STACK, name.location(), "container '" + name.value() + "' runs with "
                        + "--network none; the daemon refuses: \"container cannot be connected to multiple networks "
                        + "with one of the networks in private (none) mode\". Disconnect it from none first, or run "
                        + "it without --network none.");
                rejected = true;
            } else if (c.networks != null && c.networks.contains(n)) {
                report(Kind.DUPLICATE_CONNECT, net.location(), "container '" + name.value() + "' is already "
                        + "connected to '" + n + "'; the daemon refuses: \"endpoint with name " + name.value()
                        + " already exists in network " + n + "\". Drop this connect, or disconnect first.");
                rejected = true;
            }
        }
        if (name.unknown()) {
            return;
        }
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

    private void disconnect(Operation.Disconnect op) {
        Text net = op.network();
        Text name = op.container();
        if (net.unknown()) {
            if (!name.unknown()) {
                uncertainContainers.add(name.value());
            }
            return;
        }
        String n = net.value();
        ContainerState c = known(name);
        if (n.equals(Network.HOST)) {
            report(Kind.BUILTIN_CONNECT, net.location(), "'docker network disconnect host' is always refused: "
                    + (c != null && c.mode.is(NetworkMode.Kind.HOST)
                    ? "\"container cannot be disconnected from host network or connected to host network\""
                    : "\"container <ID> is not connected to network host\"")
                    + ". Recreate the container with the network mode it needs instead.");
            return;
        }
        if (c != null && !op.conditional() && c.networks != null && !c.networks.contains(n)) {
            report(Kind.DISCONNECT_NOT_CONNECTED, net.location(), "container '" + name.value() + "' is not connected "
                    + "to '" + n + "' at this point; the daemon refuses: \"container <ID> is not connected to network "
                    + n + "\". Drop the disconnect, or connect it first.");
            return;
        }
        if (name.unknown()) {
            return;
        }
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
}
