package dev.netlint.rules.ipam;

import dev.netlint.rules.Finding;
import dev.netlint.testing.ModelBuilder;
import dev.netlint.testing.RuleRunner;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class Ipv6SubnetWithoutIpv6Test {
    @Test
    void absentOrFalseIsReportedOncePerNetwork() {
        ModelBuilder b = new ModelBuilder();
        b.project("app").network("absent").subnet("10.10.0.0/24").subnet("fd4e:10::/64").subnet("fd4e:11::/64").and()
                .network("off").ipv6(false).subnet("fd4e:12::/64").and()
                .network("on").ipv6(true).subnet("fd4e:13::/64").and()
                .network("opt").option("com.docker.network.enable_ipv6", "true").subnet("fd4e:14::/64").and()
                .network("v4").subnet("10.10.1.0/24");
        var f = RuleRunner.run(new Ipv6SubnetWithoutIpv6(), b.model());
        assertThat(f).extracting(Finding::location).containsExactly(b.at("fd4e:10::/64"), b.at("fd4e:12::/64"));
        assertThat(f.get(0).message()).contains("enable_ipv6 is not set").contains("enable_ipv6: true");
        assertThat(f.get(1).message()).contains("enable_ipv6 is false");
    }

    @Test
    void unknownSwitchIsSilent() {
        ModelBuilder b = new ModelBuilder();
        var n = b.project("app").network("u").subnet("fd4e:15::/64").network();
        n.unknownKey("enable_ipv6");
        b.project("app2").network("w").option("com.docker.network.enable_ipv6", "${V6}").subnet("fd4e:16::/64");
        assertThat(RuleRunner.run(new Ipv6SubnetWithoutIpv6(), b.model())).isEmpty();
    }
}
