package dev.netlint.rules.ports;

import dev.netlint.model.PortMapping;
import dev.netlint.rules.Finding;
import dev.netlint.testing.ComposeModelFixtures;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * NL301's sweep against a brute-force oracle: every pair of fixed entries, expanded port by port,
 * compared with the binding rules written out plainly. Seeded, so a failure replays.
 */
class HostPortClashOracleTest {
    private static final String[] IPS = {null, "0.0.0.0", "[::]", "127.0.0.1", "127.0.0.2", "[::1]", "10.60.0.5"};

    @Test
    void sweepAgreesWithPairwiseExpansion() {
        int clashingEntries = 0;
        int quietEntries = 0;
        for (long seed = 1; seed <= 300; seed++) {
            Random r = new Random(seed);
            var f = ComposeModelFixtures.compose("c.yaml");
            List<PortMapping> entries = new ArrayList<>();
            int services = 1 + r.nextInt(6);
            for (int s = 0; s < services; s++) {
                var c = f.service("s" + s);
                int ports = 1 + r.nextInt(4);
                for (int i = 0; i < ports; i++) {
                    entries.add(f.port(c, randomSpec(r)));
                }
            }
            Set<Integer> expected = new TreeSet<>();
            for (int j = 0; j < entries.size(); j++) {
                for (int i = 0; i < j; i++) {
                    if (clash(entries.get(i), entries.get(j))) {
                        expected.add(entries.get(j).location().line());
                    }
                }
            }
            Set<Integer> actual = new TreeSet<>();
            for (Finding x : f.run(new HostPortAlreadyAllocated())) {
                actual.add(x.location().line());
            }
            clashingEntries += expected.size();
            quietEntries += entries.size() - expected.size();
            assertThat(actual).as("seed %d: %s", seed, entries.stream().map(PortMapping::raw).toList())
                    .isEqualTo(expected);
        }
        assertThat(clashingEntries).as("the generator produces clashes").isGreaterThan(100);
        assertThat(quietEntries).as("and entries that do not clash").isGreaterThan(100);
    }

    private static String randomSpec(Random r) {
        String proto = r.nextInt(4) == 0 ? "/udp" : "";
        if (r.nextInt(6) == 0) {
            return (8000 + r.nextInt(3)) + proto; // container-only: never clashes
        }
        String ip = IPS[r.nextInt(IPS.length)];
        int start = 1000 + r.nextInt(8);
        int len = r.nextInt(4) == 0 ? 1 + r.nextInt(3) : 0;
        String host = len == 0 ? Integer.toString(start) : start + "-" + (start + len);
        String container = len == 0 ? "80" : "80-" + (80 + len);
        return (ip == null ? "" : ip + ":") + host + ":" + container + proto;
    }

    /** The binding rules, written out without any cleverness. */
    private static boolean clash(PortMapping a, PortMapping b) {
        if (a.hostPortStart() == null || b.hostPortStart() == null || !a.protocol().equals(b.protocol())) {
            return false;
        }
        boolean overlap = false;
        for (int p = a.hostPortStart(); p <= a.hostPortEnd(); p++) {
            if (p >= b.hostPortStart() && p <= b.hostPortEnd()) {
                overlap = true;
            }
        }
        if (!overlap) {
            return false;
        }
        for (String x : addresses(a)) {
            for (String y : addresses(b)) {
                if (family(x).equals(family(y)) && (x.equals(y) || isWildcard(x) || isWildcard(y))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<String> addresses(PortMapping m) {
        if (m.hostIp() == null) {
            return List.of("0.0.0.0", "::");
        }
        return List.of(m.hostIp().asIp().orElseThrow().toString());
    }

    private static String family(String ip) {
        return ip.contains(":") ? "v6" : "v4";
    }

    private static boolean isWildcard(String ip) {
        return ip.equals("0.0.0.0") || ip.equals("::");
    }
}
