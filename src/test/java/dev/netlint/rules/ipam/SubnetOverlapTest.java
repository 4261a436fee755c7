package dev.netlint.rules.ipam;

import dev.netlint.model.Project;
import dev.netlint.rules.Finding;
import dev.netlint.testing.ModelBuilder;
import dev.netlint.testing.RuleRunner;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class SubnetOverlapTest {
    private final SubnetOverlap rule = new SubnetOverlap();

    @Test
    void betweenNetworksReportedOnTheLaterOne() {
        ModelBuilder b = new ModelBuilder();
        b.project("app").network("a").subnet("10.201.0.0/16").and().network("b").subnet("10.201.1.0/24").and()
                .network("c").subnet("10.202.0.0/24");
        List<Finding> f = RuleRunner.run(rule, b.model());
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.location()).isEqualTo(b.at("10.201.1.0/24"));
            assertThat(x.message()).contains("network 'b'").contains("network 'a'")
                    .contains("Pool overlaps with other one on this address space");
        });
    }

    @Test
    void insideOneNetwork() {
        ModelBuilder b = new ModelBuilder();
        b.project("app").network("a").subnet("10.201.0.0/16").subnet("10.201.1.0/24");
        assertThat(RuleRunner.run(rule, b.model())).singleElement().extracting(Finding::message).asString()
                .contains("multiple overlapping subnet configuration is not supported");
    }

    @Test
    void aNetworkThatReachesFurtherDoesNotHideAnotherNetwork() {
        // a: 10.0.0.0/8 and 10.0.0.0/16 would shadow b's overlap with c if only one witness were kept
        ModelBuilder b = new ModelBuilder();
        b.project("app").network("c").subnet("10.10.0.0/24").and()
                .network("wide").subnet("10.0.0.0/8").and()
                .network("d").subnet("10.10.0.128/25");
        assertThat(RuleRunner.run(rule, b.model())).extracting(Finding::location)
                .containsExactlyInAnyOrder(b.at("10.0.0.0/8"), b.at("10.10.0.128/25"));
    }

    @Test
    void familiesScopesProjectsAndScriptsAreSeparate() {
        ModelBuilder b = new ModelBuilder();
        b.project("one").network("a").subnet("10.10.0.0/16").subnet("fd4e:10::/48").and()
                .network("ov").driver("overlay").subnet("10.10.0.0/24");
        b.project("two").network("b").subnet("10.10.0.0/16");
        b.project("s.sh", Project.Kind.SEQUENTIAL).network("x").subnet("10.11.0.0/16").and()
                .network("y").subnet("10.11.0.0/16");
        assertThat(RuleRunner.run(rule, b.model())).isEmpty();
    }

    @Test
    void scriptsFollowCreatesAndRemovesInOrder() {
        ModelBuilder b = new ModelBuilder("setup.sh");
        var p = b.project("setup.sh", Project.Kind.SEQUENTIAL);
        var x = p.network("x").subnet("10.11.0.0/16").network();
        var y = p.network("y").subnet("10.11.1.0/24").network();
        var z = p.network("z").subnet("10.11.2.0/24").network();
        var project = p.project();
        project.add(create(b, x, false));
        project.add(create(b, y, false));
        project.add(new dev.netlint.model.Operation.RemoveNetwork(dev.netlint.model.Text.of("x", b.next()), b.next(), false));
        project.add(create(b, z, false));
        assertThat(RuleRunner.run(rule, b.model())).singleElement().satisfies(f -> {
            assertThat(f.location()).isEqualTo(b.at("10.11.1.0/24"));
            assertThat(f.message()).contains("network 'y'").contains("network 'x'");
        });

        ModelBuilder c = new ModelBuilder("maybe.sh");
        var q = c.project("maybe.sh", Project.Kind.SEQUENTIAL);
        var a = q.network("a").subnet("10.12.0.0/16").network();
        var d = q.network("d").subnet("10.12.1.0/24").network();
        q.project().add(create(c, a, true));
        q.project().add(create(c, d, false));
        q.project().add(create(c, a, false));
        // a conditional create is not assumed to have run; the later unconditional one finds d
        assertThat(RuleRunner.run(rule, c.model())).extracting(Finding::location).containsExactly(c.at("10.12.0.0/16"));
    }

    private static dev.netlint.model.Operation create(ModelBuilder b, dev.netlint.model.Network n, boolean conditional) {
        return new dev.netlint.model.Operation.CreateNetwork(n, dev.netlint.model.Text.of(n.name(), n.location()), b.next(),
                conditional);
    }

    @Test
    void sweepAgreesWithAllPairs() {
        Random r = new Random(42);
        for (int round = 0; round < 200; round++) {
            ModelBuilder b = new ModelBuilder();
            ModelBuilder.ProjectBuilder p = b.project("app");
            int n = 2 + r.nextInt(8);
            List<String> subnets = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                int prefix = 14 + r.nextInt(6);
                String s = "10." + (10 + r.nextInt(4)) + "." + (r.nextInt(4) * 64) + ".0/" + prefix;
                subnets.add(s);
                p.network("n" + i).subnet(s);
            }
            long expected = overlappingAnEarlierOne(subnets);
            // each subnet that overlaps an earlier-written one is reported exactly once
            long reported = RuleRunner.run(rule, b.model()).size();
            assertThat(reported).as("round %d: %s", round, subnets).isEqualTo(expected);
        }
    }

    /** Sparse blocks of both families: most projects overlap nowhere (the rule's shortcut), some do. */
    @Test
    void sparseProjectsOfBothFamiliesAgreeWithAllPairs() throws Exception {
        Random r = new Random(7);
        int clean = 0;
        int overlapping = 0;
        for (int round = 0; round < 500; round++) {
            ModelBuilder b = new ModelBuilder();
            ModelBuilder.ProjectBuilder p = b.project("app");
            int n = 2 + r.nextInt(30);
            List<String> subnets = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                String s = r.nextInt(3) == 0
                        ? "fd4e:" + Integer.toHexString(r.nextInt(64)) + ":" + Integer.toHexString(r.nextInt(4) * 0x4000)
                                + "::/" + (32 + r.nextInt(20))
                        : "10." + r.nextInt(64) + "." + r.nextInt(256) + ".0/" + (16 + r.nextInt(9));
                s = dev.netlint.address.Cidr.parse(s).normalized().toString();
                subnets.add(s);
                p.network("n" + i).subnet(s);
            }
            long expected = overlappingAnEarlierOne(subnets);
            if (expected == 0) {
                clean++;
            } else {
                overlapping++;
            }
            assertThat((long) RuleRunner.run(rule, b.model()).size()).as("round %d: %s", round, subnets)
                    .isEqualTo(expected);
        }
        assertThat(clean).as("projects without an overlap").isGreaterThan(50);
        assertThat(overlapping).as("projects with one").isGreaterThan(50);
    }

    /** All pairs: how many subnets overlap one written before them (each is reported once). */
    private static long overlappingAnEarlierOne(List<String> subnets) {
        long count = 0;
        for (int i = 0; i < subnets.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (overlap(subnets.get(i), subnets.get(j))) {
                    count++;
                    break;
                }
            }
        }
        return count;
    }

    private static boolean overlap(String a, String b) {
        try {
            return dev.netlint.address.Cidr.parse(a).overlaps(dev.netlint.address.Cidr.parse(b));
        } catch (dev.netlint.address.AddressSyntaxException e) {
            throw new AssertionError(e);
        }
    }
}
