package dev.netlint.ingest.inspect;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.netlint.address.AddressParser;
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
        boolean any = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            switch (key) {
                case "Subnet" -> {
                    Text s = cx.nonBlankString(p);
                    if (s != null) {
                        pool.subnet(AddressCache.REPEATED.cidr(s));
                        any = true;
                    }
                }
                case "IPRange" -> {
                    Text s = cx.nonBlankString(p);
                    if (s != null) {
                        pool.ipRange(AddressCache.PER_HOST.cidr(s));
                        any = true;
                    }
                }
                case "Gateway" -> {
                    Text s = cx.nonBlankString(p);
                    if (s != null) {
                        pool.gateway(observedAddress(s, AddressCache.REPEATED));
                        any = true;
                    }
                }
                case "AuxiliaryAddresses", "AuxAddresses" -> {
                    for (Map.Entry<String, Text> aux : cx.stringMap(p).entrySet()) {
                        pool.aux(aux.getKey(), AddressCache.REPEATED.address(aux.getValue()));
                        any = true;
                    }
                }
                default -> p.skipChildren();
            }
        }
        return any ? pool : null;
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
                    case "IPv4Address" -> {
                        Text s = cx.nonBlankString(p);
                        v4 = s == null ? null : observedAddress(s, AddressCache.PER_HOST);
                    }
                    case "IPv6Address" -> {
                        Text s = cx.nonBlankString(p);
                        v6 = s == null ? null : observedAddress(s, AddressCache.PER_HOST);
                    }
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

    /**
     * An address as the daemon prints it in inspect output: old engines wrote the gateway, and every
     * engine writes endpoint addresses, with the subnet's prefix length ({@code 172.19.0.1/16}).
     * That is Docker's notation, not a mistake in the file, so the prefix is dropped.
     */
    static AddressValue observedAddress(Text t, AddressCache cache) {
        String v = t.value().trim();
        int slash = v.indexOf('/');
        if (slash > 0) {
            // A valid CIDR block's address (checked in parts: parsing the block too costs as much again)
            AddressValue address = cache.address(v.substring(0, slash), t.location());
            if (address.asIp().isPresent()
                    && AddressParser.isPrefixLength(v.substring(slash + 1), address.asIp().get().family())) {
                return address;
            }
        }
        return cache.address(t);
    }
}
