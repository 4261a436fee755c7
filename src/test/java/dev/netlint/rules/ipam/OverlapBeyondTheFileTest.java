package dev.netlint.rules.ipam;

import dev.netlint.model.DaemonSettings;
import dev.netlint.model.Project;
import dev.netlint.model.Severity;
import dev.netlint.model.SourceLocation;
import dev.netlint.rules.Finding;
import dev.netlint.testing.ModelBuilder;
import dev.netlint.testing.RuleRunner;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** NL113-NL115: overlap with the default bridge, the host's networks and the default pools. */
class OverlapBeyondTheFileTest {

    @Nested
    class DefaultBridge {
        @Test
        void dockerDefaultBridge() {
            ModelBuilder b = new ModelBuilder();
            b.project("app").network("a").subnet("172.17.0.0/16").and().network("b").subnet("172.17.5.0/24").and()
                    .network("c").subnet("172.16.0.0/12").and().network("m").driver("macvlan").subnet("172.17.9.0/24")
                    .and().network("ok").subnet("172.18.0.0/16").and().network("ov").driver("overlay").subnet("172.17.0.0/24");
            List<Finding> f = RuleRunner.run(new DefaultBridgeOverlap(), b.model());
            assertThat(f).extracting(Finding::location).containsExactly(b.at("172.17.0.0/16"), b.at("172.17.5.0/24"),
                    b.at("172.16.0.0/12"), b.at("172.17.9.0/24"));
            assertThat(f.get(0).message()).contains("172.17.0.0/16, Docker's default")
                    .contains("Pool overlaps with other one on this address space");
        }

        @Test
        void bipFromDaemonJsonWinsOverTheConfigurationAndMovesTheBridge() {
            ModelBuilder b = new ModelBuilder();
            b.configuredBip("10.20.0.1/24");
            DaemonSettings d = b.daemon("local");
            d.bip(b.daemonCidr("10.30.0.1/24"));
            b.project("app").network("a").subnet("10.30.0.0/16").and().network("b").subnet("10.20.0.0/24").and()
                    .network("c").subnet("172.17.0.0/16");
            assertThat(RuleRunner.run(new DefaultBridgeOverlap(), b.model())).singleElement().satisfies(x -> {
                assertThat(x.location()).isEqualTo(b.at("10.30.0.0/16"));
                assertThat(x.message()).contains("10.30.0.0/24, bip in daemon.json");
            });
        }

        @Test
        void observedNetworksAlreadyExist() {
            ModelBuilder b = new ModelBuilder();
            b.project("dump", Project.Kind.OBSERVED).network("bridge").subnet("172.17.0.0/16");
            assertThat(RuleRunner.run(new DefaultBridgeOverlap(), b.model())).isEmpty();
        }
    }

    @Nested
    class HostNetworks {
        @Test
        void bridgeSubnetOverHostNetworkIsAnErrorThatSaysTheDaemonAcceptsIt() {
            ModelBuilder b = new ModelBuilder();
            b.hostNetwork("198.51.100.0/24").hostNetwork("fd4e:99::/64");
            b.project("app").network("a").subnet("198.51.100.0/25").and().network("b").subnet("198.51.0.0/16").and()
                    .network("lan").driver("macvlan").subnet("198.51.100.0/24").and()
                    .network("c").ipv6(true).subnet("10.10.0.0/24").subnet("fd4e:99::/64").and()
                    .network("ok").subnet("10.10.1.0/24");
            List<Finding> f = RuleRunner.run(new HostNetworkOverlap(), b.model());
            assertThat(f).extracting(Finding::location).containsExactly(b.at("198.51.100.0/25"),
                    b.at("198.51.0.0/16"), b.at("fd4e:99::/64"));
            assertThat(f.get(0).message()).contains("the daemon accepts it (NC32)")
                    .contains("that part of 198.51.100.0/24");
            assertThat(f.get(1).message()).contains("loses its route to 198.51.100.0/24");
            assertThat(f).allSatisfy(x -> assertThat(x.severity()).isEqualTo(Severity.ERROR));
        }

        @Test
        void silentWithoutConfiguredHostNetworks() {
            ModelBuilder b = new ModelBuilder();
            b.project("app").network("a").subnet("192.0.2.0/24");
            assertThat(RuleRunner.run(new HostNetworkOverlap(), b.model())).isEmpty();
        }
    }

    @Nested
    class DefaultPools {
        @Test
        void pinnedSubnetsInDockersPools() {
            ModelBuilder b = new ModelBuilder();
            b.project("app").network("a").subnet("172.20.0.0/24").and().network("b").subnet("192.168.1.0/24").and()
                    .network("bridge-block").subnet("172.17.3.0/24").and()
                    .network("lan").driver("macvlan").subnet("192.168.2.0/24").and()
                    .network("ok").subnet("10.10.0.0/16").and().network("ok2").subnet("172.16.238.0/24").and()
                    .network("v6").ipv6(true).subnet("fd4e:10::/64");
            List<Finding> f = RuleRunner.run(new DefaultPoolOverlap(), b.model());
            assertThat(f).extracting(Finding::location).containsExactly(b.at("172.20.0.0/24"), b.at("192.168.1.0/24"));
            assertThat(f.get(0).message()).contains("default address pool 172.20.0.0/14 (Docker's default)")
                    .contains("Pool overlaps");
            assertThat(f).allSatisfy(x -> assertThat(x.severity()).isEqualTo(Severity.WARNING));
        }

        @Test
        void configuredPoolsReplaceDockersAndMovedBipFreesTheBridgeBlock() {
            ModelBuilder b = new ModelBuilder();
            b.configuredPool("10.99.0.0/16", 24).configuredBip("10.98.0.1/24");
            b.project("app").network("a").subnet("10.99.5.0/24").and().network("b").subnet("192.168.1.0/24");
            assertThat(RuleRunner.run(new DefaultPoolOverlap(), b.model())).singleElement().satisfies(x -> {
                assertThat(x.location()).isEqualTo(b.at("10.99.5.0/24"));
                assertThat(x.message()).contains("defaultAddressPools in the netlint configuration");
            });
            ModelBuilder c = new ModelBuilder();
            c.configuredBip("10.98.0.1/24");
            c.project("app").network("a").subnet("172.17.0.0/16");
            assertThat(RuleRunner.run(new DefaultPoolOverlap(), c.model())).hasSize(1);
            assertThat(RuleRunner.run(new DefaultBridgeOverlap(), c.model())).isEmpty();
        }

        @Test
        void daemonJsonPools() {
            ModelBuilder b = new ModelBuilder();
            DaemonSettings d = b.daemon("local");
            d.pool(new DaemonSettings.AddressPool(b.daemonCidr("10.44.0.0/16"), 24, SourceLocation.of("daemon.json", 3, 5)));
            b.project("app").network("a").subnet("10.44.1.0/24").and().network("b").subnet("172.20.0.0/24");
            assertThat(RuleRunner.run(new DefaultPoolOverlap(), b.model())).singleElement()
                    .extracting(Finding::message).asString().contains("default-address-pools in daemon.json");
        }
    }
}
