package dev.netlint.address;

import inet.ipaddr.IPAddress;

import java.math.BigInteger;
import java.util.Objects;

/** A single IPv4 or IPv6 address, as the daemon would parse it. */
public final class Ip implements Comparable<Ip> {
    private final IPAddress address;
    private final BigInteger value;

    Ip(IPAddress address) {
        this.address = address.withoutPrefixLength();
        this.value = this.address.getValue();
    }

    public static Ip parse(String text) throws AddressSyntaxException {
        return AddressParser.parseAddress(text);
    }

    public IpFamily family() {
        return address.isIPv4() ? IpFamily.IPV4 : IpFamily.IPV6;
    }

    public BigInteger value() {
        return value;
    }

    public boolean isUnspecified() {
        return address.isZero();
    }

    public boolean isLoopback() {
        return address.isLoopback();
    }

    /** The next address, or empty after the last address of the family. */
    public java.util.Optional<Ip> next() {
        if (address.isMax()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Ip(address.increment(1)));
    }

    IPAddress raw() {
        return address;
    }

    /** Canonical text: dotted quad, or RFC 5952 compressed IPv6. */
    @Override
    public String toString() {
        return address.toCanonicalString();
    }

    @Override
    public int compareTo(Ip o) {
        int f = family().compareTo(o.family());
        return f != 0 ? f : value().compareTo(o.value());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ip other && family() == other.family() && value().equals(other.value());
    }

    @Override
    public int hashCode() {
        return Objects.hash(family(), value());
    }
}
