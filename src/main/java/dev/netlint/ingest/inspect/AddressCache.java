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
    private static final int MAX = 200_000;
    private static final ConcurrentHashMap<String, AddressValue> CIDRS = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<String, AddressValue> ADDRESSES = new ConcurrentHashMap<>();
    private static final SourceLocation NOWHERE = SourceLocation.logical("address cache");

    private AddressCache() {
    }

    static AddressValue cidr(Text t) {
        return lookup(CIDRS, t, true);
    }

    static AddressValue address(Text t) {
        return lookup(ADDRESSES, t, false);
    }

    static AddressValue address(String raw, SourceLocation where) {
        return lookup(ADDRESSES, Text.of(raw, where), false);
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
