package dev.netlint.rules.ipam;

import dev.netlint.rules.Finding;
import dev.netlint.testing.ModelBuilder;
import dev.netlint.testing.RuleRunner;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuxAddressOutsideSubnetTest {
    @Test
    void outsideAndMissingSubnetAreReportedInsideIsNot() {
        ModelBuilder b = new ModelBuilder();
        b.project("app").network("n").pool().subnet("10.10.0.0/24").aux("router", "10.10.0.2").aux("nas", "10.11.0.2")
                .aux("v6", "fd4e:10::2").and().pool().aux("lost", "10.12.0.2").and().pool().subnet("${X}").aux("u", "10.13.0.1");
        var f = RuleRunner.run(new AuxAddressOutsideSubnet(), b.model());
        assertThat(f).extracting(Finding::location).containsExactly(b.at("10.11.0.2"), b.at("fd4e:10::2"), b.at("10.12.0.2"));
        assertThat(f.get(0).message()).contains("aux address nas=10.11.0.2 is outside its subnet 10.10.0.0/24")
                .contains("no matching subnet for aux-address 10.11.0.2")
                .contains("invalid auxiliary address nas: parent subnet 10.10.0.0/24 doesn't contain this address");
        assertThat(f.get(2).message()).contains("has no subnet");
    }
}
