package dev.netlint.deploy;

import dev.netlint.address.Cidr;
import dev.netlint.address.Ip;
import dev.netlint.model.AddressValue;
import dev.netlint.model.IpamPool;

import java.util.Map;
import java.util.Optional;

/**
 * The one place that knows which addresses of a pool a container may not ask for, as the default
 * IPAM driver decides it (moby libnetwork ipam). Engine 20.10 ({@code insertBitMask}) reserves
 * ordinal 0 of every subnet, IPv4 and IPv6, and the last IPv4 address, whatever the prefix; Engine 26+
 * ({@code newPoolData}) does the same except on an IPv4 /31 or /32 (RFC 3021). The gateway takes the
 * address written, else the first free address of the ip-range (or of the subnet when there is none);
 * aux addresses are reserved as written. A static address is requested against the whole subnet, so
 * the ip-range does not limit it; it only moves the implied gateway.
 */
public final class ReservedAddresses {
    private ReservedAddresses() {
    }

    /** Why the daemon already holds {@code ip} in {@code pool} before any container asks, or empty. */
    public static Optional<String> why(IpamPool pool, Ip ip) {
        Optional<Cidr> subnet = parsed(pool.subnet()).flatMap(AddressValue::asCidr).map(Cidr::normalized);
        if (subnet.isEmpty() || !subnet.get().contains(ip)) {
            return Optional.empty();
        }
        Cidr s = subnet.get();
        boolean pointToPoint = s.isIPv4() && s.prefixLength() >= 31;
        String newer = pointToPoint ? " (Engine 20.10 reserves it even on a /" + s.prefixLength()
                + "; Engine 26+ does not)" : "";
        if (ip.equals(s.first())) {
            return Optional.of((s.isIPv4() ? "the network address" : "the subnet-router anycast address")
                    + " of " + s + ", which the daemon reserves" + newer);
        }
        if (s.isIPv4() && ip.equals(s.last())) {
            return Optional.of("the broadcast address of " + s + ", which the daemon reserves" + newer);
        }
        Optional<Ip> gw = gateway(pool);
        if (gw.isPresent() && gw.get().equals(ip)) {
            if (pool.gateway() != null) {
                return Optional.of("the network's gateway" + line(pool.gateway()));
            }
            return Optional.of("the address the daemon gives the gateway (no gateway is set, so it takes the first "
                    + "free address of the " + (pool.ipRange() != null ? "ip-range" : "subnet") + ")");
        }
        for (Map.Entry<String, AddressValue> aux : pool.auxAddresses().entrySet()) {
            if (parsed(aux.getValue()).flatMap(AddressValue::asIp).filter(ip::equals).isPresent()) {
                return Optional.of("reserved as aux address " + aux.getKey() + line(aux.getValue()));
            }
        }
        return Optional.empty();
    }

    /**
     * The gateway the daemon reserves in a pool: the one written, or, when none is, the first free
     * address of the ip-range (or of the subnet), skipping the reserved network address. Measured on
     * 20.10: subnet 10.31.0.0/16 with ip-range 10.31.128.0/24 gets gateway 10.31.128.0; with ip-range
     * 10.32.0.0/24 in 10.32.0.0/16 it is 10.32.0.1. Empty when it cannot be known.
     */
    public static Optional<Ip> gateway(IpamPool p) {
        Optional<Cidr> subnet = parsed(p.subnet()).flatMap(AddressValue::asCidr).map(Cidr::normalized);
        if (subnet.isEmpty()) {
            return Optional.empty();
        }
        if (p.gateway() != null) {
            return parsed(p.gateway()).flatMap(AddressValue::asIp).filter(g -> subnet.get().contains(g));
        }
        Cidr base = subnet.get();
        if (p.ipRange() != null) {
            Optional<Cidr> range = parsed(p.ipRange()).flatMap(AddressValue::asCidr).map(Cidr::normalized);
            if (range.isEmpty() || !subnet.get().contains(range.get())) {
                return Optional.empty();
            }
            base = range.get();
        }
        Ip first = base.first();
        if (first.equals(subnet.get().first())) {
            Optional<Ip> next = first.next().filter(base::contains);
            if (next.isEmpty() || (subnet.get().isIPv4() && next.get().equals(subnet.get().last()))) {
                return Optional.empty();
            }
            return next;
        }
        return Optional.of(first);
    }

    private static Optional<AddressValue> parsed(AddressValue v) {
        return v == null || v.state() != AddressValue.State.PARSED ? Optional.empty() : Optional.of(v);
    }

    private static String line(AddressValue v) {
        return v.location() != null && v.location().hasLine() ? " (line " + v.location().line() + ")" : "";
    }
}
