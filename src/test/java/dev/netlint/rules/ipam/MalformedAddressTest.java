package dev.netlint.rules.ipam;

import dev.netlint.rules.Finding;
import dev.netlint.testing.ModelBuilder;
import dev.netlint.testing.RuleRunner;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MalformedAddressTest {
    @Test
    void everyKindOfValueIsCheckedOnce() {
        ModelBuilder b = new ModelBuilder();
        b.project("app").network("n").pool().subnet("10.201.0.0/33").ipRange("192.168.xxx.yyy/24")
                .gateway("300.1.1.1").aux("r", "10.1").and().and()
                .network("ok").pool().subnet("10.10.0.0/24").gateway("${GW}").and().and()
                .container("web").on("ok", "010.10.0.5", "fd4e::1::2").and()
                .container("db").on("ok", "fd4e:10::5");
        List<Finding> f = RuleRunner.run(new MalformedAddress(), b.model());
        assertThat(f).extracting(Finding::location).containsExactly(b.at("10.201.0.0/33"),
                b.at("192.168.xxx.yyy/24"), b.at("300.1.1.1"), b.at("10.1"), b.at("010.10.0.5"), b.at("fd4e::1::2"),
                b.at("fd4e:10::5"));
        assertThat(f.get(0).message()).contains("prefix /33")
                .contains("Invalid subnet 10.201.0.0/33 : invalid CIDR address: 10.201.0.0/33");
        assertThat(f.get(1).message()).contains("placeholder");
        assertThat(f.get(2).message()).contains("octet 300").contains("invalid gateway 300.1.1.1: invalid address");
        assertThat(f.get(3).message()).startsWith("aux address r '10.1'");
        assertThat(f.get(4).message()).contains("leading zero");
        assertThat(f.get(6).message()).contains("ipv4_address fd4e:10::5 is an IPv6 address");
    }

    @Test
    void externalNetworksAreNotChecked() {
        ModelBuilder b = new ModelBuilder();
        b.project("app").network("n").external().subnet("nonsense");
        assertThat(RuleRunner.run(new MalformedAddress(), b.model())).isEmpty();
    }
}
