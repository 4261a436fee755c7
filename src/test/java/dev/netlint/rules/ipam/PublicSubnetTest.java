package dev.netlint.rules.ipam;

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
            2001:3200:3200::/64  | global unicast
            """)
    void warns(String subnet, String reason) {
        assertThat(run(subnet, null)).singleElement().satisfies(f -> {
            assertThat(f.message()).contains(reason);
            assertThat(f.severity()).isEqualTo(dev.netlint.model.Severity.WARNING);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"172.72.0.0/16", "10.10.0.0/16", "172.16.238.0/24", "192.168.1.0/24", "100.98.26.0/24",
            "100.64.0.0/10", "192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24", "198.18.0.0/15", "172.64.0.0/13",
            "fd4e:10::/48", "fd00::/80", "2001:db8::/32", "2001:db8:1::/64", "10:20::/64", "fe80::/64", "1.2.3.0/24"})
    void silent(String subnet) {
        assertThat(run(subnet, null)).isEmpty();
    }

    @Test
    void lanDriversDescribeAnExistingLanAndAreLeftAlone() {
        assertThat(run("192.167.0.0/16", "macvlan")).isEmpty();
        assertThat(run("2001:3984:3989::/64", "ipvlan")).isEmpty();
        assertThat(run("192.167.0.0/16", "overlay")).hasSize(1);
    }
}
