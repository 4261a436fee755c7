package dev.netlint.ingest.live;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.NetworkSettings;
import com.github.dockerjava.api.model.Ports;
import dev.netlint.model.AddressValue;
import dev.netlint.model.Attachment;
import dev.netlint.model.Container;
import dev.netlint.model.IpamPool;
import dev.netlint.model.Model;
import dev.netlint.model.Network;
import dev.netlint.model.NetworkMode;
import dev.netlint.model.PortMapping;
import dev.netlint.model.Project;
import dev.netlint.model.SourceLocation;
import dev.netlint.model.Text;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads one daemon's networks (list, then inspect each) and containers (list in all states, then
 * inspect each) into an OBSERVED, live {@link Project} on a host named after the endpoint.
 * Locations are logical: {@code docker://<host>/network/<name>}, {@code docker://<host>/container/<name>}.
 *
 * <p>What is read: network driver, scope flags, options, IPAM pools, compose ownership label, and
 * the addresses of running endpoints; container state, network mode, per-network static addresses
 * (IPAMConfig) and aliases, and the host ports a running container has bound. What is never read
 * into the model: environment variables, commands, mounts, and label values other than
 * {@code com.docker.compose.project} and {@code com.docker.compose.service}.
 */
public final class LiveDaemonReader {
    public static final String COMPOSE_PROJECT_LABEL = "com.docker.compose.project";
    public static final String COMPOSE_SERVICE_LABEL = "com.docker.compose.service";

    /** Reads the daemon behind {@code connection} into {@code model}; returns the new project. */
    public Project read(DaemonConnection connection, Model model) throws ProbeException {
        DaemonEndpoint ep = connection.endpoint();
        String host = ep.label();
        Project project = new Project(ep.location(), Project.Kind.OBSERVED, SourceLocation.logical(ep.location()), host)
                .live(true);
        DockerClient docker = connection.client();
        try {
            List<com.github.dockerjava.api.model.Network> listed = docker.listNetworksCmd().exec();
            listed.sort(Comparator.comparing(com.github.dockerjava.api.model.Network::getName));
            for (com.github.dockerjava.api.model.Network summary : listed) {
                com.github.dockerjava.api.model.Network n;
                try {
                    n = docker.inspectNetworkCmd().withNetworkId(summary.getId()).exec();
                } catch (NotFoundException gone) {
                    continue; // removed between list and inspect
                }
                project.add(network(host, n));
            }
            List<com.github.dockerjava.api.model.Container> containers =
                    docker.listContainersCmd().withShowAll(true).exec();
            Map<String, InspectContainerResponse> byName = new TreeMap<>();
            for (com.github.dockerjava.api.model.Container c : containers) {
                try {
                    InspectContainerResponse r = docker.inspectContainerCmd(c.getId()).exec();
                    byName.put(trimSlash(r.getName()), r);
                } catch (NotFoundException gone) {
                    // removed between list and inspect
                }
            }
            for (var e : byName.entrySet()) {
                project.add(container(host, e.getKey(), e.getValue()));
            }
        } catch (RuntimeException e) {
            throw Failures.describe(ep, e);
        }
        model.add(project);
        return project;
    }

    static String networkLocation(String host, String name) {
        return "docker://" + host + "/network/" + name;
    }

    static String containerLocation(String host, String name) {
        return "docker://" + host + "/container/" + name;
    }

    private static Network network(String host, com.github.dockerjava.api.model.Network n) {
        SourceLocation at = SourceLocation.logical(networkLocation(host, n.getName()));
        Network net = new Network(n.getName(), at);
        if (n.getDriver() != null && !n.getDriver().isEmpty()) {
            net.driver(Text.of(n.getDriver(), at));
        }
        net.internal(Boolean.TRUE.equals(n.getInternal()));
        net.attachable(Boolean.TRUE.equals(n.isAttachable()));
        net.enableIpv6(Boolean.TRUE.equals(n.getEnableIPv6()), at);
        if (n.getOptions() != null) {
            new TreeMap<>(n.getOptions()).forEach((k, v) -> net.option(k, Text.of(v, at)));
        }
        if (n.getLabels() != null && n.getLabels().get(COMPOSE_PROJECT_LABEL) != null) {
            net.ownerProject(Text.of(n.getLabels().get(COMPOSE_PROJECT_LABEL), at));
        }
        com.github.dockerjava.api.model.Network.Ipam ipam = n.getIpam();
        if (ipam != null) {
            if (ipam.getDriver() != null && !ipam.getDriver().isEmpty()) {
                net.ipamDriver(Text.of(ipam.getDriver(), at));
            }
            if (ipam.getConfig() != null) {
                for (var c : ipam.getConfig()) {
                    IpamPool pool = new IpamPool(at);
                    if (notBlank(c.getSubnet())) {
                        pool.subnet(AddressValue.cidr(c.getSubnet(), at));
                    }
                    if (notBlank(c.getIpRange())) {
                        pool.ipRange(AddressValue.cidr(c.getIpRange(), at));
                    }
                    if (notBlank(c.getGateway())) {
                        pool.gateway(AddressValue.address(stripPrefix(c.getGateway()), at));
                    }
                    net.pool(pool);
                }
            }
        }
        if (n.getContainers() != null) {
            new TreeMap<>(n.getContainers()).values().forEach(cfg -> {
                String name = cfg.getName() == null ? "" : cfg.getName();
                SourceLocation cat = SourceLocation.logical(containerLocation(host, name));
                AddressValue v4 = notBlank(cfg.getIpv4Address())
                        ? AddressValue.address(stripPrefix(cfg.getIpv4Address()), cat) : null;
                AddressValue v6 = notBlank(cfg.getIpv6Address())
                        ? AddressValue.address(stripPrefix(cfg.getIpv6Address()), cat) : null;
                net.endpoint(new Network.Endpoint(name, v4, v6, cat));
            });
        }
        return net;
    }

    private static Container container(String host, String name, InspectContainerResponse r) {
        SourceLocation at = SourceLocation.logical(containerLocation(host, name));
        Container c = new Container(name, at).fixedName(Text.of(name, at));
        boolean running = r.getState() != null && Boolean.TRUE.equals(r.getState().getRunning());
        c.running(running);
        Map<String, String> labels = r.getConfig() == null ? null : r.getConfig().getLabels();
        if (labels != null) {
            if (labels.get(COMPOSE_PROJECT_LABEL) != null) {
                c.ownerProject(Text.of(labels.get(COMPOSE_PROJECT_LABEL), at));
            }
            if (labels.get(COMPOSE_SERVICE_LABEL) != null) {
                c.ownerService(Text.of(labels.get(COMPOSE_SERVICE_LABEL), at));
            }
        }
        String mode = r.getHostConfig() == null ? null : r.getHostConfig().getNetworkMode();
        if (notBlank(mode)) {
            c.networkMode(NetworkMode.parse(mode, at));
        }
        NetworkSettings ns = r.getNetworkSettings();
        String shortId = r.getId() == null ? "" : r.getId().substring(0, Math.min(12, r.getId().length()));
        if (ns != null && ns.getNetworks() != null) {
            for (var e : new TreeMap<>(ns.getNetworks()).entrySet()) {
                ContainerNetwork cn = e.getValue();
                Attachment a = new Attachment(Text.of(e.getKey(), at), at);
                ContainerNetwork.Ipam ipam = cn.getIpamConfig();
                if (ipam != null) {
                    if (notBlank(ipam.getIpv4Address())) {
                        a.ipv4(AddressValue.address(ipam.getIpv4Address(), at));
                    }
                    if (notBlank(ipam.getIpv6Address())) {
                        a.ipv6(AddressValue.address(ipam.getIpv6Address(), at));
                    }
                }
                if (cn.getAliases() != null) {
                    // the daemon adds the short container id as an alias: not something anyone wrote
                    cn.getAliases().stream().filter(al -> !al.equals(shortId))
                            .forEach(al -> a.alias(Text.of(al, at)));
                }
                c.attach(a);
            }
        }
        if (running && ns != null && ns.getPorts() != null) {
            List<Map.Entry<ExposedPort, Ports.Binding[]>> entries = new java.util.ArrayList<>(
                    ns.getPorts().getBindings().entrySet());
            entries.sort(Comparator.comparing((Map.Entry<ExposedPort, Ports.Binding[]> e) -> e.getKey().getPort())
                    .thenComparing(e -> e.getKey().getProtocol().toString()));
            for (Map.Entry<ExposedPort, Ports.Binding[]> e : entries) {
                if (e.getValue() == null) {
                    continue;
                }
                ExposedPort exposed = e.getKey();
                String proto = exposed.getProtocol().toString();
                // host port -> host IPs bound for it
                Map<Integer, java.util.Set<String>> byPort = new TreeMap<>();
                for (Ports.Binding b : e.getValue()) {
                    Integer hostPort = parsePort(b.getHostPortSpec());
                    if (hostPort != null) {
                        byPort.computeIfAbsent(hostPort, k -> new java.util.LinkedHashSet<>())
                                .add(notBlank(b.getHostIp()) ? b.getHostIp() : "0.0.0.0");
                    }
                }
                for (var bound : byPort.entrySet()) {
                    int hostPort = bound.getKey();
                    java.util.Set<String> ips = bound.getValue();
                    if (ips.contains("0.0.0.0") && ips.contains("::")) {
                        // one publish on all interfaces: the daemon lists it once per family
                        c.port(new PortMapping(null, hostPort, hostPort, exposed.getPort(), exposed.getPort(), proto,
                                hostPort + "->" + exposed.getPort() + "/" + proto, at, false, false));
                        ips.remove("0.0.0.0");
                        ips.remove("::");
                    }
                    for (String ip : ips) {
                        String raw = (ip.contains(":") ? "[" + ip + "]" : ip) + ":" + hostPort + "->"
                                + exposed.getPort() + "/" + proto;
                        c.port(new PortMapping(AddressValue.address(ip, at), hostPort, hostPort, exposed.getPort(),
                                exposed.getPort(), proto, raw, at, false, false));
                    }
                }
            }
        }
        return c;
    }

    private static Integer parsePort(String spec) {
        if (spec == null || spec.isBlank()) {
            return null;
        }
        try {
            return Integer.parseInt(spec.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String trimSlash(String name) {
        return name != null && name.startsWith("/") ? name.substring(1) : name == null ? "" : name;
    }

    private static String stripPrefix(String addr) {
        int slash = addr.indexOf('/');
        return slash < 0 ? addr : addr.substring(0, slash);
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
