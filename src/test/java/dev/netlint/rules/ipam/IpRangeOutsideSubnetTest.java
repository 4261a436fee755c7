package dev.netlint.rules.ipam;

import dev.netlint.model.Project;
import dev.netlint.rules.Finding;
import dev.netlint.testing.ModelBuilder;
import dev.netlint.testing.RuleRunner;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class IpRangeOutsideSubnetTest {
    private final IpRangeOutsideSubnet rule = new IpRangeOutsideSubnet();

    private List<Finding> run(ModelBuilder b) {
        return RuleRunner.run(rule, b.model());
    }

    @Test
    void issueExampleRangeInsideIsClean() {
        ModelBuilder b = new ModelBuilder();
        b.project("app").network("front").pool().subnet("172.72.0.0/16").ipRange("172.72.0.0/24").gateway("172.72.0.1");
        assertThat(run(b)).isEmpty();
    }

    @Test
    void issueExampleRangeOutsideIsReportedAtTheRange() {
        ModelBuilder b = new ModelBuilder();
        b.project("app").network("front").pool().subnet("172.72.0.0/16").ipRange("172.73.0.0/24").gateway("172.72.0.1");
        List<Finding> f = run(b);
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.ruleId()).isEqualTo("NL101");
            assertThat(x.location()).isEqualTo(b.at("172.73.0.0/24"));
            assertThat(x.message()).contains("not inside its subnet 172.72.0.0/16")
                    .contains("no matching subnet for range 172.73.0.0/24")
                    .contains("parent subnet 172.72.0.0/16 doesn't contain ip-range")
                    .contains("such as 172.72.0.0/24");
        });
    }

    @Test
    void rangeLargerThanSubnet() {
        ModelBuilder b = new ModelBuilder();
        b.project("app").network("n").pool().subnet("10.10.1.0/24").ipRange("10.10.0.0/16");
        assertThat(run(b)).singleElement().extracting(Finding::message).asString()
                .contains("larger than its subnet").contains("CIDR block is bigger than its parent subnet 10.10.1.0/24");
    }

    @Test
    void rangeEqualToSubnetOrWithHostBitsInsideIsFine() {
        ModelBuilder b = new ModelBuilder();
        b.project("app").network("n").pool().subnet("10.10.1.0/24").ipRange("10.10.1.0/24").and()
                .pool().subnet("10.10.2.0/24").ipRange("10.10.2.5/30")
                .and().and().network("v6").pool().subnet("fd4e:10::/48").ipRange("fd4e:10:0:1::/64");
        assertThat(run(b)).isEmpty();
    }

    @Test
    void otherFamily() {
        ModelBuilder b = new ModelBuilder();
        b.project("app").network("n").pool().subnet("10.10.1.0/24").ipRange("fd4e:10::/64");
        assertThat(run(b)).singleElement().extracting(Finding::message).asString()
                .contains("is IPv6 but its subnet 10.10.1.0/24 is IPv4");
    }

    @Test
    void rangeWithoutSubnetIsAnErrorInComposeButLeftToTheSimulationInScripts() {
        ModelBuilder b = new ModelBuilder();
        b.project("app").network("n").pool().ipRange("10.10.3.0/24");
        assertThat(run(b)).singleElement().extracting(Finding::message).asString()
                .contains("every ip-range or gateway must have a corresponding subnet");
        ModelBuilder s = new ModelBuilder("setup.sh");
        s.project("setup.sh", Project.Kind.SEQUENTIAL).network("n").pool().ipRange("10.10.3.0/24");
        assertThat(run(s)).isEmpty();
    }

    @Test
    void silentOnUnknownMalformedAndExternal() {
        ModelBuilder b = new ModelBuilder();
        b.project("app").network("a").pool().subnet("${SUBNET}").ipRange("10.10.9.0/24").and().and()
                .network("b").pool().subnet("10.10.0.0/33").ipRange("10.11.0.0/24").and().and()
                .network("c").pool().subnet("10.10.0.0/16").ipRange("${RANGE}").and().and()
                .network("d").external().pool().subnet("10.12.0.0/16").ipRange("10.13.0.0/24");
        assertThat(run(b)).isEmpty();
    }
}
