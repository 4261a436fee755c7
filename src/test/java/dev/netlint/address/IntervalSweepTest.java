package dev.netlint.address;

import dev.netlint.address.IntervalSweep.Interval;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The sweep against all-pairs on random inputs: same set of intervals reported, valid witnesses. */
class IntervalSweepTest {
    private static List<Interval<Integer>> random(Random rnd, int n, int groups, int span) {
        List<Interval<Integer>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long a = rnd.nextInt(1000);
            long b = a + rnd.nextInt(span);
            IpFamily f = rnd.nextInt(10) == 0 ? IpFamily.IPV6 : IpFamily.IPV4;
            out.add(new Interval<>(f, BigInteger.valueOf(a), BigInteger.valueOf(b), rnd.nextInt(groups), i));
        }
        return out;
    }

    @Test
    void overlapsAcrossGroupsMatchesAllPairs() {
        Random rnd = new Random(42);
        for (int round = 0; round < 300; round++) {
            List<Interval<Integer>> in = random(rnd, 1 + rnd.nextInt(40), 1 + rnd.nextInt(4), 1 + rnd.nextInt(80));
            Set<Integer> reported = new HashSet<>();
            IntervalSweep.overlapsAcrossGroups(in, (later, witness) -> {
                assertThat(later.overlaps(witness)).isTrue();
                assertThat(later.group()).isNotEqualTo(witness.group());
                assertThat(reported.add(later.item())).as("reported once").isTrue();
            });
            // brute force: an interval is reported iff some interval earlier in sweep order overlaps it from another group
            List<Interval<Integer>> sorted = new ArrayList<>(in);
            sorted.sort(java.util.Comparator.comparing((Interval<Integer> i) -> i.family()).thenComparing(Interval::first));
            Set<Integer> expected = new HashSet<>();
            for (int i = 0; i < sorted.size(); i++) {
                for (int j = 0; j < i; j++) {
                    if (sorted.get(i).overlaps(sorted.get(j)) && !sorted.get(i).group().equals(sorted.get(j).group())) {
                        expected.add(sorted.get(i).item());
                    }
                }
            }
            assertThat(reported).isEqualTo(expected);
        }
    }

    @Test
    void everyOverlappingPairHasAtLeastOneSideReported() {
        Random rnd = new Random(7);
        List<Interval<Integer>> in = random(rnd, 200, 1000, 30);
        Set<Integer> reported = new HashSet<>();
        IntervalSweep.overlaps(in, (later, witness) -> reported.add(later.item()));
        for (Interval<Integer> a : in) {
            for (Interval<Integer> b : in) {
                if (a != b && a.overlaps(b)) {
                    assertThat(reported.contains(a.item()) || reported.contains(b.item())).isTrue();
                }
            }
        }
    }

    @Test
    void duplicatesAcrossGroups() {
        List<Interval<String>> points = List.of(
                point(5, "h1", "a"), point(5, "h1", "b"), point(5, "h2", "c"), point(5, "h2", "d"),
                point(6, "h1", "e"), point(7, "h3", "f"), point(7, "h3", "g"));
        List<String> found = new ArrayList<>();
        IntervalSweep.duplicatesAcrossGroups(points, (later, witness) -> found.add(later.item() + "<" + witness.item()));
        assertThat(found).containsExactly("c<a", "d<a");
    }

    @Test
    void familiesNeverMeet() {
        List<Interval<String>> in = List.of(
                new Interval<>(IpFamily.IPV4, BigInteger.ONE, BigInteger.TEN, "h1", "v4"),
                new Interval<>(IpFamily.IPV6, BigInteger.ONE, BigInteger.TEN, "h2", "v6"));
        List<String> found = new ArrayList<>();
        IntervalSweep.overlapsAcrossGroups(in, (l, w) -> found.add(l.item()));
        assertThat(found).isEmpty();
    }

    private static Interval<String> point(long v, String group, String item) {
        return new Interval<>(IpFamily.IPV4, BigInteger.valueOf(v), BigInteger.valueOf(v), group, item);
    }

    /** anyOverlap against all pairs, on random blocks of both families (some overlapping, some not). */
    @Test
    void anyOverlapMatchesAllPairs() throws Exception {
        Random rnd = new Random(11);
        int yes = 0;
        int no = 0;
        for (int round = 0; round < 2000; round++) {
            List<Cidr> blocks = new ArrayList<>();
            int n = rnd.nextInt(12);
            for (int i = 0; i < n; i++) {
                blocks.add(rnd.nextInt(4) == 0
                        ? Cidr.parse("fd00:" + Integer.toHexString(rnd.nextInt(16)) + "::/" + (24 + rnd.nextInt(12)))
                        : Cidr.parse("10." + rnd.nextInt(32) + "." + rnd.nextInt(256) + ".7/" + (12 + rnd.nextInt(17))));
            }
            boolean expected = false;
            for (int i = 0; i < n && !expected; i++) {
                for (int j = 0; j < i && !expected; j++) {
                    expected = blocks.get(i).overlaps(blocks.get(j));
                }
            }
            assertThat(IntervalSweep.anyOverlap(blocks)).as("%s", blocks).isEqualTo(expected);
            if (expected) {
                yes++;
            } else {
                no++;
            }
        }
        assertThat(yes).isGreaterThan(200);
        assertThat(no).isGreaterThan(200);
    }
}
