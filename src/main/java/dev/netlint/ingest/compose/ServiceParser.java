package dev.netlint.ingest.compose;

import dev.netlint.model.Attachment;
import dev.netlint.model.Container;
import dev.netlint.model.NetworkMode;
import dev.netlint.model.PortMapping;
import dev.netlint.model.Text;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

import java.util.Map;

import static dev.netlint.ingest.compose.Scalars.describe;
import static dev.netlint.ingest.compose.Scalars.fields;
import static dev.netlint.ingest.compose.Scalars.ifPresent;

/** The services: of a compose file, one entry at a time: name, network mode, attachments, ports, DNS. */
final class ServiceParser {
    private final Scalars scalars;
    private final Locations locations;
    private final PortParser portParser;

    ServiceParser(Scalars scalars) {
        this.scalars = scalars;
        this.locations = scalars.locations;
        this.portParser = new PortParser(scalars);
    }

    /** One entry of services:; null (and a problem) when its name or its settings have the wrong shape. */
    Container parse(NodeTuple t) {
        if (!(t.getKeyNode() instanceof ScalarNode key)) {
            scalars.problem(locations.of(t.getKeyNode()), "a service name must be a string");
            return null;
        }
        String service = key.getValue();
        Node v = t.getValueNode();
        if (!(v instanceof MappingNode m)) {
            scalars.problem(locations.of(v), "service \"" + service + "\" must be a mapping of settings, not "
                    + describe(v));
            return null;
        }
        Map<String, NodeTuple> fields = fields(m);
        String name = service;
        NodeTuple cn = fields.get("container_name");
        Text containerName = null;
        if (cn != null) {
            Text n = scalars.text(cn.getValueNode(), "container_name");
            if (n != null && n.known() && !n.value().isBlank()) {
                name = n.value();
            }
            containerName = n;
        }
        Container c = new Container(name, locations.of(key)).serviceName(service).fixedName(containerName);

        NodeTuple mode = fields.containsKey("network_mode") ? fields.get("network_mode") : fields.get("net");
        if (mode != null) {
            Text m2 = scalars.text(mode.getValueNode(), "network_mode");
            if (m2 != null) {
                c.networkMode(m2.unknown() ? NetworkMode.unknown(m2.value(), m2.location())
                        : NetworkMode.parse(m2.value(), m2.location()));
            }
        }
        NodeTuple networks = fields.get("networks");
        if (networks != null) {
            c.networksKeyLocation(locations.of(networks.getKeyNode()));
            attachments(networks.getValueNode(), c);
        }
        NodeTuple ports = fields.get("ports");
        if (ports != null) {
            c.portsKeyLocation(locations.of(ports.getKeyNode()));
            for (Node item : scalars.list(ports.getValueNode(), "ports", false)) {
                PortMapping p = portParser.parse(item);
                if (p != null) {
                    c.port(p);
                }
            }
        }
        // A profile that stays unknown (a variable) still makes the service optional: keep its raw text.
        ifPresent(fields, "profiles", node -> scalars.list(node, "profiles", false)
                .forEach(i -> scalars.addText(i, "profiles", p -> c.profile(p.value()))));
        ifPresent(fields, "expose", node -> scalars.list(node, "expose", true)
                .forEach(i -> scalars.addText(i, "expose", c::expose)));
        ifPresent(fields, "hostname", node -> c.hostname(scalars.text(node, "hostname")));
        ifPresent(fields, "mac_address", node -> c.macAddress(scalars.text(node, "mac_address")));
        ifPresent(fields, "dns", node -> scalars.list(node, "dns", true)
                .forEach(i -> scalars.addText(i, "dns", c::dns)));
        ifPresent(fields, "links", node -> scalars.list(node, "links", true)
                .forEach(i -> scalars.addText(i, "links", c::link)));
        ifPresent(fields, "extra_hosts", node -> {
            if (node instanceof MappingNode hosts) {
                for (NodeTuple h : hosts.getValue()) {
                    Text ip = scalars.text(h.getValueNode(), "extra_hosts");
                    if (ip != null && h.getKeyNode() instanceof ScalarNode hk) {
                        c.extraHost(new Text(hk.getValue() + ":" + ip.value(), ip.location(), ip.unknown()));
                    }
                }
            } else {
                scalars.list(node, "extra_hosts", true).forEach(i -> scalars.addText(i, "extra_hosts", c::extraHost));
            }
        });
        return c;
    }

    /** A service's networks:, as a list of names or a mapping of names to settings. */
    private void attachments(Node node, Container c) {
        if (Overrides.isNull(node)) {
            return;
        }
        if (node instanceof SequenceNode seq) {
            for (Node item : seq.getValue()) {
                Text net = scalars.text(item, "networks");
                if (net != null) {
                    c.attach(new Attachment(net, net.location()));
                }
            }
            return;
        }
        if (!(node instanceof MappingNode map)) {
            scalars.problem(locations.of(node), "service networks must be a list of names or a mapping, not "
                    + describe(node));
            return;
        }
        for (NodeTuple t : map.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                scalars.problem(locations.of(t.getKeyNode()), "a network name must be a string");
                continue;
            }
            Text net = Text.of(k.getValue(), locations.of(k));
            Attachment a = new Attachment(net, locations.of(k));
            Node v = t.getValueNode();
            if (v instanceof MappingNode settings) {
                Map<String, NodeTuple> f = fields(settings);
                ifPresent(f, "ipv4_address", x -> a.ipv4(scalars.address(x, "ipv4_address")));
                ifPresent(f, "ipv6_address", x -> a.ipv6(scalars.address(x, "ipv6_address")));
                ifPresent(f, "aliases", x -> scalars.list(x, "aliases", true)
                        .forEach(i -> scalars.addText(i, "aliases", a::alias)));
            } else if (!Overrides.isNull(v)) {
                scalars.problem(locations.of(v), "the settings of network \"" + k.getValue() + "\" must be a mapping "
                        + "(aliases, ipv4_address, ipv6_address), not " + describe(v));
                continue;
            }
            c.attach(a);
        }
    }
}
