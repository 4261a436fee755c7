package dev.netlint.ingest.inspect;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.netlint.model.AddressValue;
import dev.netlint.model.IpamPool;
import dev.netlint.model.Network;
import dev.netlint.model.Text;

import java.io.IOException;

/**
 * {@code podman network inspect}: an element's subnets, read into its {@link Element}, and the
 * network built from them in Docker's terms (the model's option names are Docker's).
 */
final class PodmanNetworkParser {
    private PodmanNetworkParser() {
    }

    static Network network(Element e) {
        Text nameText = e.podName != null ? e.podName : Text.of("", e.start);
        Network n = new Network(nameText.value(), nameText.location());
        if (e.podDriver != null) {
            n.driver(e.podDriver);
        }
        if (e.options != null) {
            // podman calls the macvlan/ipvlan mode "mode"; the model uses docker's option names
            Text mode = e.options.remove("mode");
            if (mode != null) {
                e.options.put(n.isDriver("ipvlan") ? "ipvlan_mode" : n.isDriver("macvlan") ? "macvlan_mode" : "mode", mode);
            }
        }
        DockerNetworkParser.common(n, e);
        if (e.networkInterface != null && n.isLanDriver() && !e.networkInterface.value().isEmpty()) {
            n.option("parent", e.networkInterface);
        }
        return n;
    }

    static void subnets(JsonParser p, ParseContext cx, Element e) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return;
        }
        while (ParseContext.nextObjectInArray(p)) {
            IpamPool pool = new IpamPool(Json.here(p, cx.name));
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                p.nextToken();
                switch (key) {
                    case "subnet" -> {
                        AddressValue v = cx.cidr(p, AddressCache.REPEATED);
                        if (v != null) {
                            pool.subnet(v);
                        }
                    }
                    case "gateway" -> {
                        AddressValue v = cx.address(p, AddressCache.REPEATED);
                        if (v != null) {
                            pool.gateway(v);
                        }
                    }
                    case "lease_range" -> {
                        Text[] range = leaseRange(p, cx);
                        if (range[0] != null && range[1] != null) {
                            pool.leaseRange(AddressCache.PER_HOST.address(range[0]), AddressCache.PER_HOST.address(range[1]));
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            if (!pool.isEmpty()) {
                e.pools.add(pool);
            }
        }
    }

    private static Text[] leaseRange(JsonParser p, ParseContext cx) throws IOException {
        Text[] out = new Text[2];
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return out;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            if (key.equals("start_ip")) {
                out[0] = cx.nonBlankString(p);
            } else if (key.equals("end_ip")) {
                out[1] = cx.nonBlankString(p);
            } else {
                p.skipChildren();
            }
        }
        return out;
    }
}
