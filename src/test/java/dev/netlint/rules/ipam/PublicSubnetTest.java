package dev.netlint.rules.ipam;

import dev.netlint.model.AddressValue;
import dev.netlint.model.SourceLocation;
import dev.netlint.rules.Finding;
import dev.netlint.testing.ModelBuilder;
import dev.netlint.testing.RuleRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PublicSubnetTest {
    private List<Finding> run(String subnet, String driver) {
        ModelBuilder b = new ModelBuilder();
        var n = b.project("app").network("n");
        if (driver != null) {
            n.driver(driver);
        }
        n.ipv6(true).subnet(subnet);
        return RuleRunner.run(new PublicSubnet(), b.model());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            172.100.0.0/16       | resembles
            172.100.239.0/24     | resembles
            192.167.0.0/16       | 192.168.0.0/16
            192.167.10.0/16      | 192.168.0.0/16
            192.169.0.0/24       | 192.168.0.0/16
            172.32.0.0/16        | 172.16.0.0/12
            172.15.0.0/16        | 172.16.0.0/12
            172.200.0.0/16       | 172.16.0.0/12
            172.16.0.0/11        | spills out of the private block 172.16.0.0/12
            192.168.0.0/15       | spills out
            8.8.8.0/24           | Google Public DNS
            1.0.0.0/8            | Cloudflare DNS
            2001:3984:3989::/64  | global unicast
            2001:3200:3200::/64  | make sure you own it
            172.72.0.0/16        | outside the private (RFC 1918, RFC 6598) and special-use blocks
            20.0.0.0/24          | keeps traffic from the containers to real hosts in 20.0.0.0/24 on the bridge
            1.2.0.0/16           | list it under ownedPublicBlocks
            1.2.3.0/24           | is public address space
            172.64.0.0/13        | is public address space
            240.0.0.0/24         | reserved IPv4 space (240.0.0.0/4
            0.0.0.0/16           | reserved IPv4 space (0.0.0.0/8
            172:28:0::/64        | written like an IPv4 block with colons
            10:20::/64           | reserved IPv6 space outside global unicast
            ::ffff:0:0/96        | reserved IPv6 space
            """)
    void warns(String subnet, String reason) {
        assertThat(run(subnet, null)).singleElement().satisfies(f -> {
            assertThat(f.message()).contains(reason);
            assertThat(f.severity()).isEqualTo(dev.netlint.model.Severity.WARNING);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.10.0.0/16", "172.16.238.0/24", "192.168.1.0/24", "100.98.26.0/24",
            "100.64.0.0/10", "192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24", "198.18.0.0/15", "198.19.4.0/24",
            "127.10.0.0/16", "169.254.10.0/24", "224.1.0.0/16", "239.255.0.0/16",
            "fd4e:10::/48", "fd00::/80", "2001:db8::/32", "2001:db8:1::/64", "fe80::/64"})
    void silent(String subnet) {
        assertThat(run(subnet, null)).isEmpty();
    }

    @Test
    void ownedPublicBlocksAreDeliberate() {
        ModelBuilder b = new ModelBuilder();
        b.project("app").network("n").ipv6(true).subnet("20.0.0.0/24").subnet("2a01:4f8:1::/64").subnet("20.1.0.0/24");
        b.model().ownedPublicBlocks().add(AddressValue.cidr("20.0.0.0/16", SourceLocation.logical("config")));
        b.model().ownedPublicBlocks().add(AddressValue.cidr("2a01:4f8::/32", SourceLocation.logical("config")));
        assertThat(RuleRunner.run(new PublicSubnet(), b.model())).singleElement()
                .satisfies(f -> assertThat(f.message()).startsWith("subnet 20.1.0.0/24 is public"));
    }

    @Test
    void aBlockLargerThanTheOwnedOneIsStillReported() {
        ModelBuilder b = new ModelBuilder();
        b.project("app").network("n").subnet("20.0.0.0/15");
        b.model().ownedPublicBlocks().add(AddressValue.cidr("20.0.0.0/16", SourceLocation.logical("config")));
        assertThat(RuleRunner.run(new PublicSubnet(), b.model())).hasSize(1);
    }

    @Test
    void lanDriversDescribeAnExistingLanAndAreLeftAlone() {
        assertThat(run("192.167.0.0/16", "macvlan")).isEmpty();
        assertThat(run("2001:3984:3989::/64", "ipvlan")).isEmpty();
        assertThat(run("192.167.0.0/16", "overlay")).hasSize(1);
    }
}
