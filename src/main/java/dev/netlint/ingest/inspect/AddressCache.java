package dev.netlint.ingest.inspect;

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
