package dev.netlint.rules.ipam;

import dev.netlint.address.Cidr;
import dev.netlint.model.AddressValue;
import dev.netlint.model.IpamPool;
import dev.netlint.model.Model;
import dev.netlint.model.Network;
import dev.netlint.model.Project;
import dev.netlint.model.SourceLocation;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The free-subnet suggestions over whole models, checked with IPAddress alone: for 10,000 seeded
 * random projects (subnets that clash with each other, the default bridge, the host's networks and
 * the default pools; some configured candidate spaces), every suggestion has the pool's length,
 * lies inside the candidate space, overlaps no subnet the model knows on that host, and overlaps no
 * other suggestion.
 */
class FreeSubnetsPropertyTest {
    private static final SourceLocation HERE = SourceLocation.of("compose.yaml", 1, 1);

    @Test
    void suggestionsNeverOverlapAndStayInsideTheCandidates() {
        Random random = new Random(15);
        int suggested = 0;
        for (int i = 0; i < 10_000; i++) {
            Model model = new Model();
            List<String> candidates = new ArrayList<>(List.of("10.0.0.0/8", "172.16.0.0/16", "fd00::/8"));
            if (random.nextBoolean()) {
                candidates = List.of(random.nextBoolean() ? "10." + random.nextInt(4) + ".0.0/16" : "172.16.0.0/20",
                        "fd" + Integer.toHexString(16 + random.nextInt(200)) + ":1::/48");
                for (String c : candidates) {
                    model.freeSubnetCandidates().add(AddressValue.cidr(c, HERE));
                }
            }
            if (random.nextBoolean()) {
                model.hostNetworks().add(AddressValue.cidr("10." + random.nextInt(3) + ".0.0/" + (16 + random.nextInt(9)), HERE));
            }
            List<IPAddress> known = new ArrayList<>();
            for (String d : Model.DOCKER_DEFAULT_POOLS) {
                known.add(ip(d));
            }
            model.hostNetworks().forEach(h -> known.add(ip(h.raw())));
            List<IpamPool> pools = new ArrayList<>();
            for (int p = 0, projects = 1 + random.nextInt(3); p < projects; p++) {
                Project project = new Project("p" + p, Project.Kind.DECLARATIVE, HERE, "host");
                for (int n = 0, nets = 1 + random.nextInt(5); n < nets; n++) {
                    String subnet = randomSubnet(random);
                    IpamPool pool = new IpamPool(HERE).subnet(AddressValue.cidr(subnet, HERE));
                    project.add(new Network("n" + n, HERE).pool(pool));
                    pools.add(pool);
                    known.add(ip(subnet));
                }
                model.add(project);
            }
            List<IPAddress> given = new ArrayList<>();
            for (IpamPool pool : pools) {
                Optional<Cidr> s = FreeSubnets.suggestion(model, pool);
                if (s.isEmpty()) {
                    continue;
                }
                suggested++;
                IPAddress block = ip(s.get().toString());
                IPAddress own = ip(pool.subnet().raw());
                assertThat(block.getNetworkPrefixLength()).isEqualTo(own.getNetworkPrefixLength());
                List<String> space = candidates;
                assertThat(space.stream().anyMatch(c -> ip(c).getIPVersion() == block.getIPVersion() && ip(c).contains(block))).as("%s inside %s", block, space).isTrue();
                for (IPAddress k : known) {
                    assertThat(overlaps(k, block)).as("configuration %d: %s overlaps known %s", i, block, k).isFalse();
                }
                for (IPAddress g : given) {
                    assertThat(overlaps(g, block)).as("configuration %d: %s overlaps suggestion %s", i, block, g).isFalse();
                }
                given.add(block);
            }
        }
        assertThat(suggested).isGreaterThan(5_000);
    }

    private static String randomSubnet(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> "172." + (17 + random.nextInt(15)) + "." + random.nextInt(256) + ".0/" + (16 + random.nextInt(9));
            case 1 -> "192.168." + random.nextInt(256) + ".0/" + (20 + random.nextInt(5));
            case 2 -> "10." + random.nextInt(3) + "." + random.nextInt(256) + ".0/" + (16 + random.nextInt(9));
            case 3 -> "fd00:" + Integer.toHexString(random.nextInt(4)) + "::/" + (48 + random.nextInt(17));
            default -> "10.0." + random.nextInt(4) + ".0/24";
        };
    }

    private static boolean overlaps(IPAddress a, IPAddress b) {
        return a.getIPVersion() == b.getIPVersion() && a.intersect(b) != null;
    }

    private static IPAddress ip(String text) {
        return new IPAddressString(text).getAddress().toPrefixBlock();
    }
}
