package dev.netlint.ingest.inspect;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.netlint.model.AddressValue;
import dev.netlint.model.IpamPool;
import dev.netlint.model.Network;
import dev.netlint.model.SourceLocation;
import dev.netlint.model.Text;

import java.io.IOException;
import java.util.Map;

/**
 * {@code docker network inspect}: the IPAM, Containers (endpoints) and ConfigFrom fields of an
 * element, read into its {@link Element}, and the network built from them. Options and the flat
 * fields are read by {@link InspectReader}, as Podman's elements have them too.
 */
final class DockerNetworkParser {
    private DockerNetworkParser() {
    }

    /** The network; its ConfigFrom is resolved once the whole file is read (InspectReader). */
    static Network network(Element e) {
        Text nameText = e.name != null ? e.name : Text.of("", e.start);
        Network n = new Network(nameText.value(), nameText.location());
        if (e.driver != null) {
            n.driver(e.driver);
        }
        common(n, e);
        return n;
    }

    /** The fields both dialects share, in Docker's terms (a Podman element's names are mapped onto them first). */
    static void common(Network n, Element e) {
        n.observedId(e.id);
        if (e.ipv6 != null) {
            n.enableIpv6(e.ipv6, e.ipv6Location);
        }
        n.internal(e.internal).attachable(e.attachable);
        if (e.configOnlyLocation != null) {
            n.declaredKey(Network.CONFIG_ONLY, e.configOnlyLocation);
        }
        if (e.ipamDriver != null && !e.ipamDriver.is("default")) {
            n.ipamDriver(e.ipamDriver); // "default" is what no IPAM driver means; not worth a slot per network
        }
        // loops, not forEach(n::pool): a method reference bound to n is an object per network
        if (e.options != null) {
            for (Map.Entry<String, Text> o : e.options.entrySet()) {
                n.option(o.getKey(), o.getValue());
            }
        }
        for (IpamPool pool : e.pools) {
            n.pool(pool);
        }
        for (Network.Endpoint endpoint : e.endpoints) {
            n.endpoint(endpoint);
        }
    }

    static void ipam(JsonParser p, ParseContext cx, Element e) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken v = p.nextToken();
            if (key.equals("Driver")) {
                e.ipamDriver = Json.word(p, cx.name, cx.words);
            } else if (key.equals("Config") && v == JsonToken.START_ARRAY) {
                while (ParseContext.nextObjectInArray(p)) {
                    IpamPool pool = ipamConfig(p, cx);
                    if (pool != null) {
                        e.pools.add(pool);
                    }
                }
            } else {
                p.skipChildren();
            }
        }
    }

    /** One IPAM.Config entry; null when it is empty ({@code {}}, as plugins and old engines print). */
    private static IpamPool ipamConfig(JsonParser p, ParseContext cx) throws IOException {
        IpamPool pool = new IpamPool(Json.here(p, cx.name));
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            switch (key) {
                case "Subnet" -> {
                    AddressValue v = cx.cidr(p, AddressCache.REPEATED);
                    if (v != null) {
                        pool.subnet(v);
                    }
                }
                case "IPRange" -> {
                    AddressValue v = cx.cidr(p, AddressCache.PER_HOST);
                    if (v != null) {
                        pool.ipRange(v);
                    }
                }
                case "Gateway" -> {
                    AddressValue v = cx.observedAddress(p, AddressCache.REPEATED);
                    if (v != null) {
                        pool.gateway(v);
                    }
                }
                case "AuxiliaryAddresses", "AuxAddresses" -> {
                    for (Map.Entry<String, Text> aux : cx.stringMap(p).entrySet()) {
                        pool.aux(aux.getKey(), AddressCache.REPEATED.address(aux.getValue()));
                    }
                }
                default -> p.skipChildren();
            }
        }
        return pool.isEmpty() ? null : pool;
    }

    static void endpoints(JsonParser p, ParseContext cx, Element e) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String id = p.currentName();
            SourceLocation idAt = Json.here(p, cx.name);
            if (p.nextToken() != JsonToken.START_OBJECT) {
                p.skipChildren();
                continue;
            }
            String cname = null;
            AddressValue v4 = null;
            AddressValue v6 = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                p.nextToken();
                switch (key) {
                    case "Name" -> cname = Json.unlocatedString(p);
                    case "IPv4Address" -> v4 = cx.observedAddress(p, AddressCache.PER_HOST);
                    case "IPv6Address" -> v6 = cx.observedAddress(p, AddressCache.PER_HOST);
                    default -> p.skipChildren();
                }
            }
            String who = cname != null && !cname.isEmpty() ? cname
                    : id.substring(0, Math.min(12, id.length()));
            e.endpoints.add(new Network.Endpoint(who, v4, v6, v4 != null ? v4.location() : idAt));
        }
    }

    static String configFrom(JsonParser p) throws IOException {
        String from = null;
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return null;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            if (key.equals("Network")) {
                String t = Json.unlocatedString(p);
                from = t == null || t.isBlank() ? null : t;
            } else {
                p.skipChildren();
            }
        }
        return from;
    }
}
