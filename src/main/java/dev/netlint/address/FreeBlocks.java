package dev.netlint.address;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Finds free CIDR blocks: the lowest block of a given length inside a candidate space that shares
 * no address with anything taken. Taken space is kept as disjoint spans, so one search costs a few
 * look-ups per span it has to step over, whatever the number of networks known.
 */
public final class FreeBlocks {
    /**
     * The default candidate space: RFC 1918 outside Docker's default address pools (172.17.0.0/16 to
     * 172.31.255.255 and 192.168.0.0/16 are the daemon's own), and the IPv6 unique local block.
     */
    public static final List<String> DEFAULT_CANDIDATES = List.of("10.0.0.0/8", "172.16.0.0/16", "fd00::/8");

    private record Span(Ip first, Ip last) {
    }

    private final List<Cidr> candidates;
    private final Map<IpFamily, TreeMap<BigInteger, Span>> taken = new EnumMap<>(IpFamily.class);

    public FreeBlocks(Collection<Cidr> candidates, Collection<Cidr> taken) {
        List<Cidr> sorted = new ArrayList<>();
        for (Cidr c : candidates) {
            sorted.add(c.normalized());
        }
        sorted.sort(Comparator.naturalOrder());
        this.candidates = List.copyOf(sorted);
        for (Cidr c : taken) {
            reserve(c);
        }
    }

    /** The lowest free block of {@code prefix} bits in the candidate space, without reserving it. */
    public Optional<Cidr> first(IpFamily family, int prefix) {
        if (prefix < 0 || prefix > family.bits()) {
            return Optional.empty();
        }
        for (Cidr space : candidates) {
            if (space.family() != family || space.prefixLength() > prefix) {
                continue;
            }
            Optional<Cidr> found = firstIn(space, prefix);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** Finds the lowest free block and reserves it, so the next search never returns it again. */
    public Optional<Cidr> take(IpFamily family, int prefix) {
        Optional<Cidr> found = first(family, prefix);
        found.ifPresent(this::reserve);
        return found;
    }

    /** Marks a block as taken. */
    public void reserve(Cidr block) {
        Cidr c = block.normalized();
        reserve(c.first(), c.last());
    }

    /** Marks the addresses from {@code from} to {@code to} (inclusive, one family) as taken. */
    public void reserve(Ip from, Ip to) {
        if (from.family() != to.family() || from.compareTo(to) > 0) {
            throw new IllegalArgumentException("not a range: " + from + " to " + to);
        }
        TreeMap<BigInteger, Span> spans = taken.computeIfAbsent(from.family(), f -> new TreeMap<>());
        Ip first = from;
        Ip last = to;
        BigInteger end = to.value();
        // absorb every span that shares an address with the new one
        Map.Entry<BigInteger, Span> e = spans.floorEntry(end);
        while (e != null && e.getValue().last().value().compareTo(first.value()) >= 0) {
            Span s = e.getValue();
            if (s.first().compareTo(first) < 0) {
                first = s.first();
            }
            if (s.last().compareTo(last) > 0) {
                last = s.last();
            }
            spans.remove(e.getKey());
            e = spans.floorEntry(end);
        }
        spans.put(first.value(), new Span(first, last));
    }

    /** Whether any taken block shares an address with {@code block}. */
    public boolean overlaps(Cidr block) {
        return overlapping(block.normalized()).isPresent();
    }

    private Optional<Cidr> firstIn(Cidr space, int prefix) {
        Ip cursor = space.first();
        while (true) {
            Cidr block = Cidr.of(cursor, prefix);
            if (!space.contains(block)) {
                return Optional.empty();
            }
            Optional<Span> clash = overlapping(block);
            if (clash.isEmpty()) {
                return Optional.of(block);
            }
            Optional<Ip> next = Cidr.of(clash.get().last(), prefix).last().next();
            if (next.isEmpty()) {
                return Optional.empty();
            }
            cursor = next.get();
        }
    }

    /** The taken span sharing an address with {@code block}: spans are disjoint, so only the floor one can. */
    private Optional<Span> overlapping(Cidr block) {
        TreeMap<BigInteger, Span> spans = taken.get(block.family());
        if (spans == null) {
            return Optional.empty();
        }
        Map.Entry<BigInteger, Span> e = spans.floorEntry(block.lastValue());
        if (e == null || e.getValue().last().value().compareTo(block.firstValue()) < 0) {
            return Optional.empty();
        }
        return Optional.of(e.getValue());
    }
}
