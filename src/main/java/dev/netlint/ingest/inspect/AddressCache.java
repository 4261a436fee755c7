package dev.netlint.ingest.inspect;

import dev.netlint.address.AddressParser;
import dev.netlint.address.Ip;
import dev.netlint.model.AddressValue;
import dev.netlint.model.SourceLocation;
import dev.netlint.model.Text;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Parses each distinct address text once. A fleet's dumps repeat the same subnets and gateways on
 * every host (they carve the same default pools), and parsing through IPAddress costs far more
 * than a map lookup, so the inspect reader looks texts up here. Bounded: when full it starts over.
 */
final class AddressCache {
    /** Subnets, gateways and aux addresses: a fleet's hosts repeat a few thousand of them. */
    static final AddressCache REPEATED = new AddressCache();
    /**
     * Addresses that differ from host to host by design: a LAN's ip-ranges (one per host, so that
     * they do not overlap) and the addresses containers hold. Kept apart, so that they do not crowd
     * the repeated ones, looked up for every network, out of the processor's caches.
     */
    static final AddressCache PER_HOST = new AddressCache();

    private static final int MAX = 200_000;
    private static final SourceLocation NOWHERE = SourceLocation.logical("address cache");
    private final ConcurrentHashMap<String, AddressValue> cidrs = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, AddressValue> addresses = new ConcurrentHashMap<>();

    private AddressCache() {
    }

    AddressValue cidr(Text t) {
        return lookup(cidrs, t, true);
    }

    AddressValue address(Text t) {
        return lookup(addresses, t, false);
    }

    AddressValue address(String raw, SourceLocation where) {
        return lookup(addresses, Text.of(raw, where), false);
    }

    /**
     * An address as the daemon prints it in inspect output: old engines wrote the gateway, and every
     * engine writes endpoint addresses, with the subnet's prefix length ({@code 172.19.0.1/16}).
     * That is Docker's notation, not a mistake in the file, so the prefix is dropped.
     */
    AddressValue observed(Text t) {
        String v = t.value().trim();
        int slash = v.indexOf('/');
        if (slash > 0) {
            // A valid CIDR block's address (checked in parts: parsing the block too costs as much again)
            AddressValue address = address(v.substring(0, slash), t.location());
            Ip ip = address.asIp().orElse(null);
            if (ip != null && AddressParser.isPrefixLength(v.substring(slash + 1), ip.family())) {
                return address;
            }
        }
        return address(t);
    }

    private static AddressValue lookup(ConcurrentHashMap<String, AddressValue> map, Text t, boolean cidr) {
        if (t.unknown()) {
            return AddressValue.unknown(t.value(), t.location());
        }
        AddressValue template = map.get(t.value());
        if (template == null) {
            if (map.size() >= MAX) {
                map.clear();
            }
            template = cidr ? AddressValue.cidr(t.value(), NOWHERE) : AddressValue.address(t.value(), NOWHERE);
            map.put(t.value(), template);
        }
        return template.at(t.location());
    }
}
