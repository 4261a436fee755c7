package dev.netlint.rules.ipam;

import dev.netlint.rules.Finding;
import dev.netlint.testing.ModelBuilder;
import dev.netlint.testing.RuleRunner;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HostBitsSetTest {
    @Test
    void realWorldExamples() {
        ModelBuilder b = new ModelBuilder();
        b.project("app").network("a").pool().subnet("192.168.0.55/24").and().and()
                .network("b").pool().subnet("192.168.1.0/24").ipRange("192.168.1.5/30").and().and()
                .network("c").ipv6(true).pool().subnet("2001:db8:1::10/64");
        var f = RuleRunner.run(new HostBitsSet(), b.model());
        assertThat(f).extracting(Finding::location)
                .containsExactly(b.at("192.168.0.55/24"), b.at("192.168.1.5/30"), b.at("2001:db8:1::10/64"));
        assertThat(f.get(0).message()).contains("write 192.168.0.0/24")
                .contains("invalid subnet 192.168.0.55/24: it should be 192.168.0.0/24").contains("20.10 stored it");
        assertThat(f.get(1).message()).startsWith("ip_range 192.168.1.5/30").contains("write 192.168.1.4/30")
                .contains("invalid ip-range 192.168.1.5/30: it should be 192.168.1.4/30");
        assertThat(f.get(2).message()).contains("write 2001:db8:1::/64");
    }

    @Test
    void cleanBlocksAndUnknownValuesAreSilent() {
        ModelBuilder b = new ModelBuilder();
        b.project("app").network("a").pool().subnet("10.10.0.0/16").ipRange("10.10.4.0/22").and().and()
                .network("b").pool().subnet("${SUBNET}").ipRange("10.10.4.0/33").and().and()
                .network("c").subnet("10.10.5.5/32");
        assertThat(RuleRunner.run(new HostBitsSet(), b.model())).isEmpty();
    }
}
