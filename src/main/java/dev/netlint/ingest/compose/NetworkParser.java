package dev.netlint.ingest.compose;

import dev.netlint.model.AddressValue;
import dev.netlint.model.IpamPool;
import dev.netlint.model.Network;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

import java.util.Map;

import static dev.netlint.ingest.compose.Scalars.describe;
import static dev.netlint.ingest.compose.Scalars.fields;
import static dev.netlint.ingest.compose.Scalars.ifPresent;

/** The top-level networks: of a compose file, one entry at a time, with its IPAM settings. */
final class NetworkParser {
    private final Scalars scalars;
    private final Locations locations;

    NetworkParser(Scalars scalars) {
        this.scalars = scalars;
        this.locations = scalars.locations;
    }

    /** One entry of networks:; null (and a problem) when its name or its settings have the wrong shape. */
    Network parse(NodeTuple t) {
        if (!(t.getKeyNode() instanceof ScalarNode key)) {
            scalars.problem(locations.of(t.getKeyNode()), "a network name must be a string");
            return null;
        }
        Network n = new Network(key.getValue(), locations.of(key));
        Node v = t.getValueNode();
        if (Overrides.isNull(v)) {
            return n;
        }
        if (!(v instanceof MappingNode m)) {
            scalars.problem(locations.of(v), "network \"" + key.getValue() + "\" must be a mapping of settings, not "
                    + describe(v));
            return null;
        }
        for (NodeTuple f : m.getValue()) {
            if (f.getKeyNode() instanceof ScalarNode k) {
                n.declaredKey(k.getValue(), locations.of(k));
            }
        }
        Map<String, NodeTuple> fields = fields(m);
        ifPresent(fields, "driver", node -> n.driver(scalars.text(node, "driver")));
        ifPresent(fields, "driver_opts", node -> scalars.options(node, "driver_opts", n::option));
        ifPresent(fields, "internal", node -> n.internal(scalars.bool(node, "internal", n)));
        ifPresent(fields, "attachable", node -> n.attachable(scalars.bool(node, "attachable", n)));
        ifPresent(fields, "enable_ipv6", node -> n.enableIpv6(scalars.bool(node, "enable_ipv6", n),
                locations.of(node)));
        ifPresent(fields, "name", node -> n.externalName(scalars.text(node, "name")));
        ifPresent(fields, "external", node -> {
            if (node instanceof MappingNode ext) {
                // Legacy form: external: {name: real-name}
                n.external(true);
                NodeTuple name = fields(ext).get("name");
                if (name != null) {
                    n.externalName(scalars.text(name.getValueNode(), "external.name"));
                }
            } else {
                Boolean b = scalars.bool(node, "external", n);
                n.external(Boolean.TRUE.equals(b));
            }
        });
        ifPresent(fields, "ipam", node -> ipam(node, n));
        return n;
    }

    private void ipam(Node node, Network n) {
        if (Overrides.isNull(node)) {
            return;
        }
        if (!(node instanceof MappingNode m)) {
            scalars.problem(locations.of(node), "ipam must be a mapping (driver, config, options), not "
                    + describe(node));
            return;
        }
        for (NodeTuple f : m.getValue()) {
            if (f.getKeyNode() instanceof ScalarNode k) {
                n.declaredKey("ipam." + k.getValue(), locations.of(k));
            }
        }
        Map<String, NodeTuple> fields = fields(m);
        ifPresent(fields, "driver", d -> n.ipamDriver(scalars.text(d, "ipam.driver")));
        ifPresent(fields, "config", cfg -> {
            if (Overrides.isNull(cfg)) {
                return;
            }
            if (!(cfg instanceof SequenceNode seq)) {
                scalars.problem(locations.of(cfg), "ipam.config must be a list of subnets, not " + describe(cfg));
                return;
            }
            for (Node item : seq.getValue()) {
                if (!(item instanceof MappingNode pm)) {
                    scalars.problem(locations.of(item), "an ipam.config entry must be a mapping (subnet, ip_range, "
                            + "gateway, aux_addresses), not " + describe(item));
                    continue;
                }
                IpamPool pool = new IpamPool(locations.of(item));
                Map<String, NodeTuple> pf = fields(pm);
                ifPresent(pf, "subnet", s -> pool.subnet(scalars.cidr(s, "subnet")));
                ifPresent(pf, "ip_range", s -> pool.ipRange(scalars.cidr(s, "ip_range")));
                ifPresent(pf, "gateway", s -> pool.gateway(scalars.address(s, "gateway")));
                ifPresent(pf, "aux_addresses", aux -> {
                    if (aux instanceof MappingNode am) {
                        for (NodeTuple at : am.getValue()) {
                            if (at.getKeyNode() instanceof ScalarNode ak) {
                                AddressValue a = scalars.address(at.getValueNode(), "aux_addresses." + ak.getValue());
                                if (a != null) {
                                    pool.aux(ak.getValue(), a);
                                }
                            }
                        }
                    } else if (!Overrides.isNull(aux)) {
                        scalars.problem(locations.of(aux), "aux_addresses must be a mapping of names to addresses, not "
                                + describe(aux));
                    }
                });
                n.pool(pool);
            }
        });
    }
}
