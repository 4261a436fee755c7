package dev.netlint.rules.ipam;

import dev.netlint.model.Project;
import dev.netlint.rules.Finding;
import dev.netlint.testing.ModelBuilder;
import dev.netlint.testing.RuleRunner;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** NL106-NL109: static container addresses. */
class StaticIpRulesTest {

    @Nested
    class OutsideSubnet {
        @Test
        void reportedWithTheDaemonsReason() {
            ModelBuilder b = new ModelBuilder();
            b.project("app").network("front").pool().subnet("10.201.0.0/24").and().and()
                    .container("web").on("front", "10.202.0.5").and()
                    .container("ok").on("front", "10.201.0.5");
            List<Finding> f = RuleRunner.run(new StaticIpOutsideSubnet(), b.model());
            assertThat(f).singleElement().satisfies(x -> {
                assertThat(x.location()).isEqualTo(b.at("10.202.0.5"));
                assertThat(x.message()).contains("service \"web\"").contains(
                        "Invalid address 10.202.0.5: It does not belong to any of this network's subnets");
            });
        }

        @Test
        void ipv6OnlyWhenIpv6IsOnAndAnyOfSeveralSubnetsWillDo() {
            ModelBuilder b = new ModelBuilder();
            b.project("app").network("on").ipv6(true).subnet("10.10.0.0/24").subnet("10.10.1.0/24")
                    .subnet("fd4e:10::/64").and()
                    .network("off").subnet("10.10.2.0/24").subnet("fd4e:11::/64").and()
                    .container("a").on("on", "10.10.1.9", "fd4e:12::1").and()
                    .container("b").on("off", "10.10.2.9", "fd4e:13::1");
            assertThat(RuleRunner.run(new StaticIpOutsideSubnet(), b.model())).extracting(Finding::location)
                    .containsExactly(b.at("fd4e:12::1"));
        }

        @Test
        void silentWhenASubnetIsUnknownOrTheNetworkIsExternalOrMissing() {
            ModelBuilder b = new ModelBuilder();
            b.project("app").network("u").subnet("${SUBNET}").subnet("10.10.0.0/24").and()
                    .network("x").external().subnet("10.10.1.0/24").and()
                    .container("a").on("u", "10.99.0.1").and()
                    .container("b").on("x", "10.99.0.2").and()
                    .container("c").on("nowhere", "10.99.0.3");
            assertThat(RuleRunner.run(new StaticIpOutsideSubnet(), b.model())).isEmpty();
        }
    }

    @Nested
    class WithoutSubnet {
        @Test
        void perFamily() {
            ModelBuilder b = new ModelBuilder();
            b.project("app").network("plain").and()
                    .network("v4only").subnet("10.10.0.0/24").and()
                    .container("a").on("plain", "10.10.9.5").and()
                    .container("b").on("v4only", "10.10.0.5", "fd4e:10::5");
            List<Finding> f = RuleRunner.run(new StaticIpWithoutSubnet(), b.model());
            assertThat(f).extracting(Finding::location).containsExactly(b.at("10.10.9.5"), b.at("fd4e:10::5"));
            assertThat(f.get(0).message()).contains("no IPv4 subnet").contains(
                    "user specified IP address is supported only when connecting to networks with user configured subnets")
                    .contains("subnet: 10.10.9.0/24");
            assertThat(f.get(1).message()).contains("no IPv6 subnet").contains("fd4e:10::/64");
        }

        @Test
        void thirdPartyIpamAndScriptsAreLeftAlone() {
            ModelBuilder b = new ModelBuilder();
            b.project("app").network("p").ipamDriver("infoblox").and().container("a").on("p", "10.10.9.5");
            b.project("s.sh", Project.Kind.SEQUENTIAL).network("q").and().container("c").on("q", "10.10.9.6");
            // A script's --ip is judged in command order by the simulation (NL417), not here.
            assertThat(RuleRunner.run(new StaticIpWithoutSubnet(), b.model())).isEmpty();
        }
    }

    @Nested
    class InUse {
        @Test
        void gatewayNetworkBroadcastAuxAndDuplicates() {
            ModelBuilder b = new ModelBuilder();
            b.project("app").network("front").pool().subnet("10.201.0.0/24").gateway("10.201.0.254").aux("nas", "10.201.0.20")
                    .and().and()
                    .container("gw").on("front", "10.201.0.254").and()
                    .container("net").on("front", "10.201.0.0").and()
                    .container("bc").on("front", "10.201.0.255").and()
                    .container("aux").on("front", "10.201.0.20").and()
                    .container("a").on("front", "10.201.0.10").and()
                    .container("b").on("front", "10.201.0.10").and()
                    .container("fine").on("front", "10.201.0.1");
            List<Finding> f = RuleRunner.run(new StaticIpInUse(), b.model());
            assertThat(f).extracting(Finding::message).satisfiesExactly(
                    m -> assertThat(m).contains("is the network's gateway"),
                    m -> assertThat(m).contains("is the network address of 10.201.0.0/24"),
                    m -> assertThat(m).contains("is the broadcast address of 10.201.0.0/24"),
                    m -> assertThat(m).contains("is reserved as aux address nas"),
                    m -> assertThat(m).contains("is already held by service \"a\""));
            assertThat(f).allSatisfy(x -> assertThat(x.message()).contains("Address already in use"));
            assertThat(f.get(4).location().line()).isGreaterThan(b.at("10.201.0.254").line());
        }

        @Test
        void theImplicitGatewayIsTheFirstFreeAddressOfTheRange() {
            // measured on 20.10: subnet 10.31.0.0/16 + ip_range 10.31.128.0/24 -> gateway 10.31.128.0;
            // 10.32.0.0/16 + ip_range 10.32.0.0/24 -> 10.32.0.1
            ModelBuilder b = new ModelBuilder();
            b.project("app").network("a").pool().subnet("10.31.0.0/16").ipRange("10.31.128.0/24").and().and()
                    .network("b").pool().subnet("10.32.0.0/16").ipRange("10.32.0.0/24").and().and()
                    .network("c").subnet("10.33.0.0/16").and()
                    .network("d").ipv6(true).subnet("10.34.0.0/24").subnet("fd4e:10::/64").and()
                    .container("x").on("a", "10.31.128.0").and()
                    .container("y").on("b", "10.32.0.1").and()
                    .container("z").on("c", "10.33.0.1").and()
                    .container("w").on("d", "10.34.0.2", "fd4e:10::1").and()
                    .container("ok").on("a", "10.31.0.1");
            List<Finding> f = RuleRunner.run(new StaticIpInUse(), b.model());
            assertThat(f).extracting(Finding::location).containsExactly(b.at("10.31.128.0"), b.at("10.32.0.1"),
                    b.at("10.33.0.1"), b.at("fd4e:10::1"));
            assertThat(f.get(0).message()).contains("the address the daemon gives the gateway").contains("ip-range");
        }

        @Test
        void scriptAddressesAreLeftToTheSimulation() {
            ModelBuilder b = new ModelBuilder("run.sh");
            b.project("run.sh", Project.Kind.SEQUENTIAL).network("n").subnet("10.10.4.0/24").and()
                    .container("x").on("n", "10.10.4.5").and().container("y").on("n", "10.10.4.5").and()
                    .container("z").on("n", "10.10.4.1");
            b.project("compose.yaml").network("m").subnet("10.10.5.0/24").and()
                    .container("x").on("m", "10.10.5.5").and().container("y").on("m", "10.10.5.5");
            // Only the compose project is judged here; NL417 replays the script in order.
            assertThat(RuleRunner.run(new StaticIpInUse(), b.model())).extracting(Finding::message)
                    .singleElement().satisfies(m -> assertThat(m).contains("10.10.5.5"));
        }

        @Test
        void duplicatesOnDifferentNetworksAreFine() {
            ModelBuilder b = new ModelBuilder();
            b.project("app").network("a").subnet("10.10.0.0/24").and().network("b").subnet("10.10.0.0/24").and()
                    .container("x").on("a", "10.10.0.5").and().container("y").on("b", "10.10.0.5");
            assertThat(RuleRunner.run(new StaticIpInUse(), b.model())).isEmpty();
        }
    }

    @Nested
    class InDynamicPool {
        @Test
        void noteWhenADynamicNeighbourCanTakeIt() {
            ModelBuilder b = new ModelBuilder();
            b.project("app").network("front").subnet("10.10.0.0/24").and()
                    .container("web").on("front", "10.10.0.2").and()
                    .container("db").on("front");
            List<Finding> f = RuleRunner.run(new StaticIpInDynamicPool(), b.model());
            assertThat(f).singleElement().satisfies(x -> {
                assertThat(x.location()).isEqualTo(b.at("10.10.0.2"));
                assertThat(x.severity()).isEqualTo(dev.netlint.model.Severity.NOTE);
                assertThat(x.message()).contains("only 0 free addresses lie below it")
                        .contains("service 'db' gets an address dynamically")
                        .contains("e.g. 10.10.0.128/25");
            });
        }

        @Test
        void silentOutsideTheRangeOrWithoutDynamicNeighbours() {
            ModelBuilder b = new ModelBuilder();
            b.project("app").network("ranged").pool().subnet("10.10.0.0/24").ipRange("10.10.0.128/25").and().and()
                    .network("allstatic").subnet("10.10.1.0/24").and()
                    .container("a").on("ranged", "10.10.0.5").and()
                    .container("b").on("ranged").and()
                    .container("c").on("allstatic", "10.10.1.5").and()
                    .container("d").on("allstatic", "10.10.1.6");
            assertThat(RuleRunner.run(new StaticIpInDynamicPool(), b.model())).isEmpty();
        }

        @Test
        void highAddressesAreOutOfReachOfAFewDynamicContainers() {
            // the daemon hands out the lowest free address first. Three dynamic neighbours: .4 has two free
            // addresses below it (.2 .3; .0 is the network, .1 the gateway), so the third can take it;
            // .6 has three (.2 .3 .5; .4 is held by s1), so it is out of reach, and so is .254
            ModelBuilder b = new ModelBuilder();
            b.project("app").network("front").subnet("10.10.3.0/24").and()
                    .container("s1").on("front", "10.10.3.4").and()
                    .container("s2").on("front", "10.10.3.6").and()
                    .container("s3").on("front", "10.10.3.254").and()
                    .container("d1").on("front").and()
                    .container("d2").on("front").and()
                    .container("d3").on("front");
            assertThat(RuleRunner.run(new StaticIpInDynamicPool(), b.model())).extracting(Finding::location)
                    .containsExactly(b.at("10.10.3.4"));
        }

        @Test
        void insideTheRangeIsANote() {
            ModelBuilder b = new ModelBuilder();
            b.project("app").network("ranged").pool().subnet("10.10.0.0/24").ipRange("10.10.0.128/25").and().and()
                    .container("a").on("ranged", "10.10.0.129").and()
                    .container("b").on("ranged");
            assertThat(RuleRunner.run(new StaticIpInDynamicPool(), b.model())).singleElement()
                    .extracting(Finding::message).asString().contains("Move the static address outside 10.10.0.128/25");
        }

        @Test
        void composeServicesWithoutNetworksJoinTheDefaultNetwork() {
            ModelBuilder b = new ModelBuilder();
            b.project("app").network("default").subnet("10.10.2.0/24").and()
                    .container("web").on("default", "10.10.2.2").and()
                    .container("worker");
            assertThat(RuleRunner.run(new StaticIpInDynamicPool(), b.model())).singleElement()
                    .extracting(Finding::message).asString().contains("service 'worker'");
        }
    }
}
