package dev.netlint.ingest.compose;

import dev.netlint.ingest.ports.PortSpec;
import dev.netlint.model.AddressValue;
import dev.netlint.model.PortMapping;
import dev.netlint.model.SourceLocation;
import dev.netlint.model.Text;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static dev.netlint.ingest.compose.Scalars.describe;
import static dev.netlint.ingest.compose.Scalars.fields;

/**
 * One entry of a service's ports: in Compose's short syntax ("[ip:][host:]container[/protocol]", as
 * {@link PortSpec} reads it) or its long one (target, published, host_ip, protocol).
 */
final class PortParser {
    private static final Set<String> PROTOCOLS = Set.of("tcp", "udp", "sctp");
    private final Scalars scalars;
    private final Locations locations;
    private final Interpolator interpolator;

    PortParser(Scalars scalars) {
        this.scalars = scalars;
        this.locations = scalars.locations;
        this.interpolator = scalars.interpolator;
    }

    /** The mapping, or null (and a problem) when the entry is malformed. */
    PortMapping parse(Node item) {
        if (item instanceof ScalarNode s) {
            Text t = scalars.text(s, "ports");
            if (t == null) {
                return null;
            }
            boolean sexagesimal = s.isPlain() && PortSpec.yaml11Sexagesimal(s.getValue());
            try {
                // Known as a whole: parsed after substitution, as compose does; else field by field.
                PortSpec p = t.unknown()
                        ? PortSpec.parse(s.getValue().strip(), field -> {
                            Interpolator.Result r = locations.interpolatorOf(s, interpolator).apply(field);
                            return r.unknown() || r.error() != null ? null : r.value();
                        })
                        : PortSpec.parse(t.value().strip());
                AddressValue ip = null;
                if (p.hostIp() != null) {
                    ip = AddressValue.address(p.hostIp(), t.location());
                    if (ip.isMalformed()) {
                        scalars.problem(t.location(), "invalid host IP address \"" + p.hostIp() + "\" in port \""
                                + t.value() + "\": " + ip.error());
                        return null;
                    }
                }
                return p.toMapping(ip, t.value(), t.location(), sexagesimal);
            } catch (PortSpec.Invalid e) {
                scalars.problem(t.location(), e.getMessage());
                return null;
            }
        }
        if (!(item instanceof MappingNode m)) {
            scalars.problem(locations.of(item), "a port must be a string such as \"8080:80\" or a mapping with "
                    + "target:, not " + describe(item));
            return null;
        }
        SourceLocation where = locations.of(m);
        Map<String, NodeTuple> f = fields(m);
        NodeTuple targetField = f.get("target");
        if (targetField == null) {
            scalars.problem(where, "a port in the long syntax needs \"target\" (the container port)");
            return null;
        }
        boolean unknown = false;
        boolean hostUnknown = false;
        boolean ipUnknown = false;
        Text target = scalars.text(targetField.getValueNode(), "target");
        if (target == null) {
            return null;
        }
        int[] container = {0, 0};
        Integer hostStart = null;
        Integer hostEnd = null;
        AddressValue ip = null;
        String protocol = "tcp";
        StringBuilder raw = new StringBuilder();
        try {
            if (target.unknown()) {
                unknown = true;
            } else {
                container = PortSpec.range(target.value().strip(), "target port", target.value());
                if (container[0] != container[1]) {
                    scalars.problem(target.location(), "target must be a single port, not the range " + target.value());
                    return null;
                }
            }
            NodeTuple publishedField = f.get("published");
            if (publishedField != null && !Overrides.isNull(publishedField.getValueNode())) {
                Text published = scalars.text(publishedField.getValueNode(), "published");
                if (published == null) {
                    return null;
                }
                if (published.unknown()) {
                    unknown = true;
                    hostUnknown = true;
                } else if (!published.value().isBlank()) {
                    int[] h = PortSpec.range(published.value().strip(), "published port", published.value());
                    hostStart = h[0];
                    hostEnd = h[1];
                }
                raw.append(published.value()).append(':');
            }
            NodeTuple ipField = f.get("host_ip");
            if (ipField != null && !Overrides.isNull(ipField.getValueNode())) {
                Text ipText = scalars.text(ipField.getValueNode(), "host_ip");
                if (ipText == null) {
                    return null;
                }
                ip = AddressValue.address(ipText);
                ipUnknown = ipText.unknown();
                unknown |= ipUnknown;
                if (ip.isMalformed()) {
                    scalars.problem(ipText.location(), "invalid host_ip \"" + ipText.value() + "\": " + ip.error());
                    return null;
                }
                raw.insert(0, ipText.value() + ":");
            }
            NodeTuple protoField = f.get("protocol");
            if (protoField != null && !Overrides.isNull(protoField.getValueNode())) {
                Text proto = scalars.text(protoField.getValueNode(), "protocol");
                if (proto == null) {
                    return null;
                }
                if (proto.unknown()) {
                    unknown = true;
                } else {
                    protocol = proto.value().strip().toLowerCase(Locale.ROOT);
                    if (!PROTOCOLS.contains(protocol)) {
                        scalars.problem(proto.location(), "invalid protocol \"" + proto.value()
                                + "\" (tcp, udp or sctp)");
                        return null;
                    }
                }
            }
        } catch (PortSpec.Invalid e) {
            scalars.problem(where, e.getMessage());
            return null;
        }
        raw.append(target.value()).append('/').append(protocol);
        return new PortMapping(ip, hostStart, hostEnd, container[0], container[1], protocol, raw.toString(), where,
                unknown, false, ipUnknown, hostUnknown, target.unknown());
    }
}
