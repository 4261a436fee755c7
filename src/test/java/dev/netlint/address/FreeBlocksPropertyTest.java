package dev.netlint.address;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The free-block finder against an oracle written with IPAddress alone: for 10,000 seeded random
 * configurations (IPv4 and IPv6), the block found overlaps nothing taken, lies inside the candidate
 * space, has the asked length, and is the lowest such block (found by walking every block of that
 * length in address order); and blocks taken one after another never overlap each other.
 */
class FreeBlocksPropertyTest {
    private static final int CONFIGURATIONS = 10_000;

    @Test
    void agreesWithABruteForceOracle() throws Exception {
        Random random = new Random(20261204L);
        int found = 0;
        for (int i = 0; i < CONFIGURATIONS; i++) {
            boolean v6 = random.nextInt(4) == 0;
            List<IPAddress> candidates = new ArrayList<>();
            int candidatePrefix = v6 ? 40 + random.nextInt(16) : 12 + random.nextInt(14);
            int prefix = candidatePrefix + random.nextInt(7);
            for (int c = 0, n = 1 + random.nextInt(2); c < n; c++) {
                candidates.add(randomBlock(random, v6, candidatePrefix));
            }
            List<IPAddress> taken = new ArrayList<>();
            for (int t = 0, n = random.nextInt(12); t < n; t++) {
                IPAddress near = candidates.get(random.nextInt(candidates.size()));
                int len = Math.max(candidatePrefix - 2, Math.min(v6 ? 128 : 32, candidatePrefix + random.nextInt(12)));
                taken.add(randomBlockIn(random, near, len));
            }

            FreeBlocks finder = new FreeBlocks(candidates.stream().map(FreeBlocksPropertyTest::cidr).toList(),
                    taken.stream().map(FreeBlocksPropertyTest::cidr).toList());
            Optional<Cidr> got = finder.first(v6 ? IpFamily.IPV6 : IpFamily.IPV4, prefix);
            Optional<IPAddress> want = oracle(candidates, taken, prefix);
            assertThat(got.map(Cidr::toString)).as("configuration %d: candidates %s taken %s /%d", i, candidates, taken, prefix)
                    .isEqualTo(want.map(a -> a.toCanonicalString()));
            if (got.isPresent()) {
                found++;
                IPAddress block = new IPAddressString(got.get().toString()).getAddress();
                assertThat(block.getNetworkPrefixLength()).isEqualTo(prefix);
                assertThat(candidates.stream().anyMatch(c -> c.contains(block))).isTrue();
                assertThat(taken.stream().noneMatch(t -> t.intersect(block) != null)).isTrue();
            }
            // successive takes never collide
            List<IPAddress> takenNow = new ArrayList<>();
            for (int k = 0; k < 3; k++) {
                Optional<Cidr> next = finder.take(v6 ? IpFamily.IPV6 : IpFamily.IPV4, prefix);
                if (next.isEmpty()) {
                    break;
                }
                IPAddress b = new IPAddressString(next.get().toString()).getAddress();
                assertThat(takenNow.stream().noneMatch(t -> t.intersect(b) != null)).isTrue();
                assertThat(taken.stream().noneMatch(t -> t.intersect(b) != null)).isTrue();
                takenNow.add(b);
            }
        }
        assertThat(found).as("most configurations have room").isGreaterThan(CONFIGURATIONS / 2);
    }

    /** Every block of the length, candidate by candidate in address order; the first that touches nothing taken. */
    private static Optional<IPAddress> oracle(List<IPAddress> candidates, List<IPAddress> taken, int prefix) {
        List<IPAddress> sorted = new ArrayList<>(candidates);
        sorted.sort((a, b) -> a.getValue().compareTo(b.getValue()));
        for (IPAddress c : sorted) {
            if (c.getNetworkPrefixLength() > prefix) {
                continue;
            }
            Iterator<? extends IPAddress> blocks = c.setPrefixLength(prefix, false).prefixBlockIterator();
            while (blocks.hasNext()) {
                IPAddress b = blocks.next();
                if (taken.stream().noneMatch(t -> t.intersect(b) != null)) {
                    return Optional.of(b);
                }
            }
        }
        return Optional.empty();
    }

    private static IPAddress randomBlock(Random random, boolean v6, int prefix) {
        String base = v6 ? "fd00::/8" : List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16").get(random.nextInt(3));
        IPAddress space = new IPAddressString(base).getAddress();
        if (space.getNetworkPrefixLength() > prefix) {
            return space.toPrefixBlock();
        }
        return randomBlockIn(random, space, prefix);
    }

    /** A random block of {@code prefix} bits sharing the enclosing block of {@code near} (or enclosing it). */
    private static IPAddress randomBlockIn(Random random, IPAddress near, int prefix) {
        IPAddress lower = near.getLower().withoutPrefixLength();
        IPAddress upper = near.getUpper().withoutPrefixLength();
        java.math.BigInteger span = upper.getValue().subtract(lower.getValue());
        java.math.BigInteger offset = new java.math.BigInteger(span.bitLength() + 1, random).mod(span.add(java.math.BigInteger.ONE));
        IPAddress at = lower.isIPv4()
                ? new inet.ipaddr.ipv4.IPv4Address(lower.getValue().add(offset).intValue())
                : new inet.ipaddr.ipv6.IPv6Address(lower.getValue().add(offset));
        return at.toPrefixBlock(prefix);
    }

    private static Cidr cidr(IPAddress a) {
        try {
            return Cidr.parse(a.toCanonicalString());
        } catch (AddressSyntaxException e) {
            throw new AssertionError(e);
        }
    }
}
