package dev.netlint.address;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Overlap and duplicate detection over address intervals by sort and sweep: O(n log n) for n
 * intervals, never all pairs. Each interval that overlaps (or duplicates) an earlier one is reported
 * once, against one witness, so the output is at most n reports however many intervals pile up.
 *
 * <p>"Earlier" means smaller first address; among equal first addresses, the input order (the sort
 * is stable), so callers control which side of a clash is reported by ordering their input, e.g. by
 * file and line. Intervals of different families never meet.
 */
public final class IntervalSweep {
    private IntervalSweep() {
    }

    /** A closed interval [first, last] of addresses; {@code group} says whose it is (a host, a network). */
    public record Interval<T>(IpFamily family, BigInteger first, BigInteger last, Object group, T item) {
        public Interval {
            Objects.requireNonNull(family, "family");
            Objects.requireNonNull(first, "first");
            Objects.requireNonNull(last, "last");
            if (first.compareTo(last) > 0) {
                throw new IllegalArgumentException("first > last");
            }
        }

        public static <T> Interval<T> of(Cidr block, Object group, T item) {
            return new Interval<>(block.family(), block.firstValue(), block.lastValue(), group, item);
        }

        public static <T> Interval<T> of(Ip address, Object group, T item) {
            return new Interval<>(address.family(), address.value(), address.value(), group, item);
        }

        /** Null when {@code from} is after {@code to} or their families differ. */
        public static <T> Interval<T> of(Ip from, Ip to, Object group, T item) {
            if (from.family() != to.family() || from.value().compareTo(to.value()) > 0) {
                return null;
            }
            return new Interval<>(from.family(), from.value(), to.value(), group, item);
        }

        public boolean overlaps(Interval<?> o) {
            return family == o.family && first.compareTo(o.last) <= 0 && o.first.compareTo(last) <= 0;
        }

        public boolean contains(BigInteger value) {
            return first.compareTo(value) <= 0 && value.compareTo(last) <= 0;
        }
    }

    /** Receives one report: {@code later} overlaps {@code witness}, which starts no later. */
    @FunctionalInterface
    public interface Sink<T> {
        void found(Interval<T> later, Interval<T> witness);
    }

    private static final Comparator<Interval<?>> BY_START = Comparator
            .comparing((Interval<?> i) -> i.family())
            .thenComparing(Interval::first);

    /**
     * Reports every interval that overlaps an earlier interval of a different group, against the
     * earlier one that reaches furthest. Overlaps within one group are not reported.
     */
    public static <T> void overlapsAcrossGroups(List<Interval<T>> intervals, Sink<T> out) {
        List<Interval<T>> sorted = new ArrayList<>(intervals);
        sorted.sort(BY_START);
        Interval<T> best = null;   // the interval reaching furthest so far (in this family)
        Interval<T> second = null; // the one reaching furthest among groups other than best's
        for (Interval<T> cur : sorted) {
            if (best != null && best.family() != cur.family()) {
                best = null;
                second = null;
            }
            Interval<T> witness = best != null && !Objects.equals(best.group(), cur.group()) ? best : second;
            if (witness != null && witness.last().compareTo(cur.first()) >= 0) {
                out.found(cur, witness);
            }
            if (best == null) {
                best = cur;
            } else if (cur.last().compareTo(best.last()) > 0) {
                if (!Objects.equals(cur.group(), best.group())) {
                    second = best;
                }
                best = cur;
            } else if (!Objects.equals(cur.group(), best.group())
                    && (second == null || cur.last().compareTo(second.last()) > 0)) {
                second = cur;
            }
        }
    }

    /**
     * Whether any two of the blocks share an address. The same sweep with no groups and no witness:
     * sorted by family and first address, a block overlaps an earlier one exactly when it starts
     * before the furthest end seen so far. One sort of the blocks themselves, no interval per block
     * (NL110 asks this of every project of a fleet before it looks for witnesses).
     */
    public static boolean anyOverlap(List<Cidr> blocks) {
        if (blocks.size() < 2) {
            return false;
        }
        Cidr[] sorted = blocks.toArray(new Cidr[0]);
        java.util.Arrays.sort(sorted); // by family, then first address
        BigInteger furthest = null;
        for (int i = 0; i < sorted.length; i++) {
            Cidr c = sorted[i];
            if (i > 0 && c.family() != sorted[i - 1].family()) {
                furthest = null;
            }
            if (furthest != null && c.firstValue().compareTo(furthest) <= 0) {
                return true;
            }
            if (furthest == null || c.lastValue().compareTo(furthest) > 0) {
                furthest = c.lastValue();
            }
        }
        return false;
    }

    /** Reports every interval that overlaps any earlier one (each interval is its own group). */
    public static <T> void overlaps(List<Interval<T>> intervals, Sink<T> out) {
        List<Interval<Interval<T>>> own = new ArrayList<>(intervals.size());
        for (int i = 0; i < intervals.size(); i++) {
            Interval<T> x = intervals.get(i);
            own.add(new Interval<>(x.family(), x.first(), x.last(), i, x));
        }
        overlapsAcrossGroups(own, (later, witness) -> out.found(later.item(), witness.item()));
    }

    /**
     * Single addresses (first == last) held by more than one group: reports each holder after the
     * first, against the earliest holder of another group.
     */
    public static <T> void duplicatesAcrossGroups(List<Interval<T>> points, Sink<T> out) {
        List<Interval<T>> sorted = new ArrayList<>(points);
        sorted.sort(BY_START);
        Interval<T> head = null;       // first holder of the current address
        Interval<T> otherThanHead = null; // first holder in another group than head's
        for (Interval<T> cur : sorted) {
            if (head == null || head.family() != cur.family() || !head.first().equals(cur.first())) {
                head = cur;
                otherThanHead = null;
                continue;
            }
            if (!Objects.equals(head.group(), cur.group())) {
                out.found(cur, head);
                if (otherThanHead == null) {
                    otherThanHead = cur;
                }
            } else if (otherThanHead != null) {
                out.found(cur, otherThanHead);
            }
        }
    }
}
