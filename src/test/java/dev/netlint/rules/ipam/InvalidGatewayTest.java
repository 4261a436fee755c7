package dev.netlint.rules.ipam;

import dev.netlint.rules.Finding;
import dev.netlint.testing.ModelBuilder;
import dev.netlint.testing.RuleRunner;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class InvalidGatewayTest {
    private List<Finding> run(String subnet, String gateway) {
        ModelBuilder b = new ModelBuilder();
        var pool = b.project("app").network("n").pool();
        if (subnet != null) {
            pool.subnet(subnet);
        }
        pool.gateway(gateway);
        List<Finding> f = RuleRunner.run(new InvalidGateway(), b.model());
        f.forEach(x -> assertThat(x.location()).isEqualTo(b.at(gateway)));
        return f;
    }

    @ParameterizedTest(name = "{0} gw {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            10.10.0.0/24     | 10.11.0.1          | Requested address is out of range
            10.10.0.0/24     | 10.10.0.0          | network address of 10.10.0.0/24
            10.10.0.0/24     | 10.10.0.255        | broadcast address of 10.10.0.0/24
            10.10.0.7/24     | 10.10.0.255        | broadcast address of 10.10.0.0/24
            fd4e:10::/64     | fd4e:10::          | network address of fd4e:10::/64
            fd4e:10::/64     | fd4e:11::1         | Requested address is out of range
            10.10.0.0/24     | fd4e:10::1         | not in the address family
            """)
    void reported(String subnet, String gateway, String expected) {
        assertThat(run(subnet, gateway)).singleElement().extracting(Finding::message).asString().contains(expected);
    }

    @ParameterizedTest(name = "{0} gw {1}")
    @CsvSource(delimiter = '|', textBlock = """
            10.10.0.0/24     | 10.10.0.1
            10.10.0.0/24     | 10.10.0.254
            172.72.0.0/16    | 172.72.0.1
            fd4e:10::/120    | fd4e:10::ff
            fd4e:10::/64     | fd4e:10::1
            10.10.0.5/32     | 10.10.0.5
            10.10.0.0/24     | ${GATEWAY}
            ${SUBNET}        | 10.10.0.0
            10.10.0.0/33     | 10.10.0.0
            10.10.0.0/24     | 10.10.0.1/24
            """)
    void clean(String subnet, String gateway) {
        assertThat(run(subnet, gateway)).isEmpty();
    }

    @Test
    void gatewayWithoutSubnet() {
        assertThat(run(null, "10.10.0.1")).singleElement().extracting(Finding::message).asString()
                .contains("has no subnet").contains("every ip-range or gateway must have a corresponding subnet");
    }
}
