package dev.netlint.address;

import inet.ipaddr.IPAddress;

import java.math.BigInteger;
import java.util.Objects;

/**
 * A CIDR block as written: the address part may have host bits set ({@code 10.1.2.3/16}), which
 * {@link #hasHostBits()} reports and {@link #normalized()} clears. Containment and overlap always
 * use the normalised block, which is what the daemon allocates from.
 */
public final class Cidr implements Comparable<Cidr> {
    private final IPAddress written;
    private final IPAddress block;
    private final int prefix;

    Cidr(IPAddress written, int prefix) {
        this.written = written;
        this.prefix = prefix;
        this.block = written.toPrefixBlock();
    }

    public static Cidr parse(String text) throws AddressSyntaxException {
        return AddressParser.parseCidr(text);
    }

    public IpFamily family() {
        return written.isIPv4() ? IpFamily.IPV4 : IpFamily.IPV6;
    }

    public int prefixLength() {
        return prefix;
    }

    public boolean hasHostBits() {
        return !written.withoutPrefixLength().equals(block.getLower().withoutPrefixLength());
    }

    public Cidr normalized() {
        return hasHostBits() ? new Cidr(block.getLower().setPrefixLength(prefix, false), prefix) : this;
    }

    /** The first address of the block (the "network address"). */
    public Ip first() {
        return new Ip(block.getLower());
    }

    /** The last address of the block (the IPv4 broadcast address). */
    public Ip last() {
        return new Ip(block.getUpper());
    }

    /** The address as written, without its prefix: for {@code 10.1.2.3/16}, {@code 10.1.2.3}. */
    public Ip writtenAddress() {
        return new Ip(written);
    }

    public BigInteger size() {
        return block.getCount();
    }

    public boolean contains(Ip ip) {
        return ip.family() == family() && block.contains(ip.raw());
    }

    public boolean contains(Cidr other) {
        return other.family() == family() && block.contains(other.block);
    }

    public boolean overlaps(Cidr other) {
        return other.family() == family() && firstValue().compareTo(other.lastValue()) <= 0
                && other.firstValue().compareTo(lastValue()) <= 0;
    }

    /** True when this block is the same size or larger than {@code other}. */
    public boolean notSmallerThan(Cidr other) {
        return prefix <= other.prefix;
    }

    public BigInteger firstValue() {
        return block.getLower().getValue();
    }

    public BigInteger lastValue() {
        return block.getUpper().getValue();
    }

    /** The text as written, canonicalised: {@code 10.1.2.3/16}. */
    @Override
    public String toString() {
        return written.withoutPrefixLength().toCanonicalString() + "/" + prefix;
    }

    @Override
    public int compareTo(Cidr o) {
        int f = family().compareTo(o.family());
        if (f != 0) {
            return f;
        }
        int c = firstValue().compareTo(o.firstValue());
        return c != 0 ? c : Integer.compare(prefix, o.prefix);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cidr other && other.toString().equals(toString());
    }

    @Override
    public int hashCode() {
        return Objects.hash(toString());
    }
}
