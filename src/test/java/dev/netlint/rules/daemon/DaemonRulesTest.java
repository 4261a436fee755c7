package dev.netlint.rules.daemon;

import dev.netlint.ingest.InputException;
import dev.netlint.ingest.daemonjson.DaemonJsonReaderTest;
import dev.netlint.model.AddressValue;
import dev.netlint.model.Model;
import dev.netlint.model.SourceLocation;
import dev.netlint.rules.Finding;
import dev.netlint.rules.Rule;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DaemonRulesTest {
    static List<Finding> run(Model model, Rule rule) {
        List<Finding> out = new ArrayList<>();
        rule.check(model, (r, loc, msg) -> out.add(new Finding(r.info().id(), r.info().name(), r.info().severity(), msg, loc)));
        return out;
    }

    @Test
    void poolsAndBipOverlappingHostNetworks() throws InputException {
        Model model = DaemonJsonReaderTest.read("""
                {
                  "bip": "10.160.5.1/24",
                  "default-address-pools": [
                    {"base": "10.161.0.0/16", "size": 24},
                    {"base": "10.0.0.0/8", "size": 24}
                  ]
                }
                """);
        assertThat(run(model, new DaemonBlockOverlapsHostNetwork())).as("no hostNetworks configured").isEmpty();
        model.hostNetworks().add(AddressValue.cidr("10.20.0.0/16", SourceLocation.of(".netlint.yaml", 3, 5)));
        assertThat(run(model, new DaemonBlockOverlapsHostNetwork())).singleElement().satisfies(f -> {
            assertThat(f.location().line()).isEqualTo(5);
            assertThat(f.message()).contains("10.0.0.0/8").contains("10.20.0.0/16").contains(".netlint.yaml:3:5");
        });
        model.hostNetworks().add(AddressValue.cidr("10.160.0.0/16", SourceLocation.of(".netlint.yaml", 4, 5)));
        assertThat(run(model, new DaemonBlockOverlapsHostNetwork())).extracting(f -> f.location().line())
                .containsExactly(2, 5);
    }

    @Test
    void bipOnlyOverlapsPoolsThatAreConfigured() throws InputException {
        // a bip inside Docker's built-in 192.168.0.0/16 pool is fine: the daemon skips the bridge's block
        assertThat(run(DaemonJsonReaderTest.read("{\"bip\": \"192.168.1.5/24\"}"), new BipOverlapsAddressPools())).isEmpty();
        assertThat(run(DaemonJsonReaderTest.read(
                "{\"bip\": \"192.168.1.5/24\", \"default-address-pools\": [{\"base\": \"192.168.0.0/16\", \"size\": 24}]}"),
                new BipOverlapsAddressPools())).hasSize(1);
    }

    @Test
    void fixedCidrInsideBipWithHostBitsIsFine() throws InputException {
        assertThat(run(DaemonJsonReaderTest.read("{\"bip\": \"10.162.0.1/16\", \"fixed-cidr\": \"10.162.8.0/24\"}"),
                new FixedCidrOutsideBip())).isEmpty();
        assertThat(run(DaemonJsonReaderTest.read("{\"bip\": \"10.162.0.1/24\", \"fixed-cidr\": \"10.162.0.0/16\"}"),
                new FixedCidrOutsideBip())).as("wider than bip").hasSize(1);
    }

    @Test
    void absentIccAndIpAreNotReported() throws InputException {
        Model model = DaemonJsonReaderTest.read("{\"log-driver\": \"json-file\"}");
        assertThat(run(model, new IccEnabled())).isEmpty();
        assertThat(run(model, new IpAllInterfaces())).isEmpty();
        assertThat(run(DaemonJsonReaderTest.read("{\"ip\": \"::\"}"), new IpAllInterfaces())).hasSize(1);
    }

    @Test
    void poolSizeLongerThanTheFamilyAllows() throws InputException {
        assertThat(run(DaemonJsonReaderTest.read("{\"default-address-pools\": [{\"base\": \"10.163.0.0/16\", \"size\": 33}]}"),
                new AddressPoolSizeInvalid())).singleElement().satisfies(f -> assertThat(f.message()).contains("/32"));
    }
}
