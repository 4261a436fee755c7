package dev.netlint.address;

import inet.ipaddr.IPAddress;

import java.math.BigInteger;

/**
 * A CIDR block as written: the address part may have host bits set ({@code 10.1.2.3/16}), which
 * {@link #hasHostBits()} reports and {@link #normalized()} clears. Containment and overlap always
 * use the normalised block, which is what the daemon allocates from.
 */
public final class Cidr implements Comparable<Cidr> {
    /** The address as written, a single address without prefix. */
    private final IPAddress written;
    private final int prefix;
    // The block's bounds as numbers, for comparisons (rules compare large numbers of blocks); the
    // block itself is derived when asked for, as a fleet holds a hundred thousand of these.
    private final BigInteger writtenValue;
    private final BigInteger firstValue;
    private final BigInteger lastValue;
    private final boolean hostBits;
    /** Rules ask for the normalised block of every subnet, many times over. */
    private Cidr normalized;
    private Ip first;
    private Ip last;

    Cidr(IPAddress address, int prefix) {
        this.written = address.withoutPrefixLength();
        this.prefix = prefix;
        IPAddress block = written.toPrefixBlock(prefix);
        this.writtenValue = written.getValue();
        this.firstValue = block.getLower().getValue();
        this.lastValue = block.getUpper().getValue();
        this.hostBits = !writtenValue.equals(firstValue);
    }

    /** The whole block, with prefix: {@code 10.1.0.0/16} for {@code 10.1.2.3/16}. */
    private IPAddress block() {
        return written.toPrefixBlock(prefix);
    }

    private IPAddress lower() {
        return block().getLower().withoutPrefixLength();
    }

    private IPAddress upper() {
        return block().getUpper().withoutPrefixLength();
    }

    public static Cidr parse(String text) throws AddressSyntaxException {
        return AddressParser.parseCidr(text);
    }

    /** The block of the given length that holds {@code ip}: {@code of(10.1.2.3, 16)} is {@code 10.1.0.0/16}. */
    public static Cidr of(Ip ip, int prefix) {
        if (prefix < 0 || prefix > ip.family().bits()) {
            throw new IllegalArgumentException("prefix /" + prefix + " for " + ip);
        }
        // Built from the block's first address: one construction, where normalising a copy made two.
        return new Cidr(ip.raw().toPrefixBlock(prefix).getLower(), prefix);
    }

    public IpFamily family() {
        return written.isIPv4() ? IpFamily.IPV4 : IpFamily.IPV6;
    }

    public boolean isIPv4() {
        return written.isIPv4();
    }

    public int prefixLength() {
        return prefix;
    }

    /** True when the address part is not the first address of its block ({@code 10.1.2.3/16}). */
    public boolean hasHostBits() {
        return hostBits;
    }

    /** The block with host bits cleared: {@code 10.1.0.0/16} for {@code 10.1.2.3/16}. */
    public Cidr normalized() {
        if (!hostBits) {
            return this;
        }
        if (normalized == null) {
            normalized = new Cidr(lower(), prefix);
        }
        return normalized;
    }

    /**
     * This block moved into {@code subnet}: the subnet's network part with this block's offset
     * inside a block of the subnet's size (what Engine 20.10 silently did with an ip-range outside
     * its subnet). Empty unless this block is smaller than the subnet and of the same family.
     */
    public java.util.Optional<Cidr> shiftedInto(Cidr subnet) {
        if (subnet.family() != family() || prefix <= subnet.prefix) {
            return java.util.Optional.empty();
        }
        IPAddress net = subnet.lower();
        IPAddress offset = lower().mask(net.getNetwork().getHostMask(subnet.prefix));
        return java.util.Optional.of(new Cidr(offset.bitwiseOr(net), prefix).normalized());
    }

    /** The first address of the block (the "network address"). */
    public Ip first() {
        if (first == null) {
            first = new Ip(lower());
        }
        return first;
    }

    /** The last address of the block (the IPv4 broadcast address). */
    public Ip last() {
        if (last == null) {
            last = new Ip(upper());
        }
        return last;
    }

    /** The address as written, without its prefix: for {@code 10.1.2.3/16}, {@code 10.1.2.3}. */
    public Ip writtenAddress() {
        return new Ip(written);
    }

    /** The number of addresses in the block. */
    public BigInteger size() {
        return block().getCount();
    }

    public boolean contains(Ip ip) {
        return ip.family() == family() && firstValue.compareTo(ip.value()) <= 0 && ip.value().compareTo(lastValue) <= 0;
    }

    /** True when every address of {@code other} is in this block (a block contains itself). */
    public boolean contains(Cidr other) {
        return other.family() == family() && firstValue.compareTo(other.firstValue) <= 0
                && other.lastValue.compareTo(lastValue) <= 0;
    }

    /** True when the two blocks share at least one address. */
    public boolean overlaps(Cidr other) {
        return other.family() == family() && firstValue().compareTo(other.lastValue()) <= 0
                && other.firstValue().compareTo(lastValue()) <= 0;
    }

    /** True when this block is the same size or larger than {@code other}. */
    public boolean notSmallerThan(Cidr other) {
        return prefix <= other.prefix;
    }

    public BigInteger firstValue() {
        return firstValue;
    }

    public BigInteger lastValue() {
        return lastValue;
    }

    /** The text as written, canonicalised: {@code 10.1.2.3/16}, {@code 2001:db8::/32}. */
    @Override
    public String toString() {
        return written.toCanonicalString() + "/" + prefix;
    }

    /** Orders by family, then first address, then prefix (larger blocks first). */
    @Override
    public int compareTo(Cidr o) {
        int f = family().compareTo(o.family());
        if (f != 0) {
            return f;
        }
        int c = firstValue().compareTo(o.firstValue());
        if (c != 0) {
            return c;
        }
        c = Integer.compare(prefix, o.prefix);
        return c != 0 ? c : writtenValue.compareTo(o.writtenValue);
    }

    /** Equal when written the same way (same address part and prefix); {@code 10.1.2.3/16} is not {@code 10.1.0.0/16}. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Cidr other && other.family() == family() && other.prefix == prefix
                && other.writtenValue.equals(writtenValue);
    }

    @Override
    public int hashCode() {
        // Blocks of one fleet differ only in their middle bits (10.16.1.0/24, 10.16.2.0/24, ...), which a
        // plain hash leaves in place, piling hash-map buckets into trees; the multiply spreads them.
        return Long.hashCode((writtenValue.hashCode() * 31L + prefix) * 0x9E3779B97F4A7C15L);
    }
}
