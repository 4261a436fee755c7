package dev.netlint.rules.ports;

import dev.netlint.model.AddressValue;
import dev.netlint.model.Container;
import dev.netlint.model.DaemonSettings;
import dev.netlint.model.PortMapping;
import dev.netlint.model.SourceLocation;
import dev.netlint.rules.Finding;
import dev.netlint.testing.ComposeModelFixtures;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.netlint.testing.ComposeModelFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;

class PortRulesTest {
    private static final HostPortAlreadyAllocated CLASH = new HostPortAlreadyAllocated();

    /** One service per spec; returns the findings of NL301. */
    private static List<Finding> clashes(String... specs) {
        var f = ComposeModelFixtures.compose("c.yaml");
        int i = 0;
        for (String spec : specs) {
            f.port(f.service("s" + i++), spec);
        }
        return f.run(CLASH);
    }

    @Test
    void samePortTwiceIsAnErrorAtTheSecondEntry() {
        var f = ComposeModelFixtures.compose("c.yaml");
        PortMapping first = f.port(f.service("web"), "18080:80");
        PortMapping second = f.port(f.service("api"), "18080:8080");
        assertThat(f.run(CLASH)).singleElement()
                .satisfies(x -> assertThat(x.location().line()).isEqualTo(line(second)))
                .satisfies(x -> assertThat(x.message()).contains("Bind for 0.0.0.0:18080 failed: port is already allocated")
                        .contains("line " + line(first)).contains("service \"web\"").contains("service \"api\""));
    }

    @Test
    void samePortTwiceInOneServiceClashesToo() {
        var f = ComposeModelFixtures.compose("c.yaml");
        Container web = f.service("web");
        f.port(web, "18080:80");
        f.port(web, "18080:81");
        assertThat(f.run(CLASH)).hasSize(1);
    }

    @Test
    void containerOnlyEntriesNeverClash() {
        assertThat(clashes("2379", "2379", "2379-2380")).isEmpty();
    }

    @Test
    void differentSpecificHostIpsDoNotClash() {
        assertThat(clashes("127.0.0.1:5432:5432", "127.0.0.2:5432:5432", "[::1]:5432:5432")).isEmpty();
    }

    @Test
    void sameSpecificIpClashes() {
        assertThat(clashes("127.0.0.1:5432:5432", "127.0.0.1:5432:5433")).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("Bind for 127.0.0.1:5432 failed"));
    }

    @Test
    void wildcardClashesWithEverySpecificAddressOfItsFamily() {
        assertThat(clashes("127.0.0.1:18080:80", "18080:80")).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("listen tcp4 0.0.0.0:18080: bind: address already in use"));
        assertThat(clashes("0.0.0.0:18080:80", "10.50.0.5:18080:80")).hasSize(1);
        assertThat(clashes("[::]:18080:80", "[fd50::1]:18080:80")).hasSize(1);
        assertThat(clashes("[::1]:18658:80", "18658:80")).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("listen tcp6 [::]:18658: bind: address already in use"));
    }

    @Test
    void v4AndV6WildcardsDoNotClashWithEachOther() {
        // The daemon itself binds both 0.0.0.0 and :: for an entry without a host IP.
        assertThat(clashes("0.0.0.0:18080:80", "[::]:18080:80")).isEmpty();
        assertThat(clashes("[::]:18080:80", "127.0.0.1:18080:80")).isEmpty();
        assertThat(clashes("0.0.0.0:18080:80", "18080:80")).hasSize(1);
        assertThat(clashes("[::]:18080:80", "18080:80")).hasSize(1);
    }

    @Test
    void protocolsAreSeparate() {
        assertThat(clashes("53:53/tcp", "53:53/udp")).isEmpty();
        assertThat(clashes("53:53/udp", "53:5353/udp")).hasSize(1);
    }

    @Test
    void rangesBindEveryPortAndTheOverlapIsReported() {
        assertThat(clashes("8000-8010:8000-8010", "8010-8020:9000-9010")).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("host port 8010/tcp"));
        assertThat(clashes("8000-8010:8000-8010", "8005:80")).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("host port 8005/tcp"));
        assertThat(clashes("8000-8010:8000-8010", "7990-8020:7990-8020")).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("host ports 8000-8010/tcp"));
        assertThat(clashes("8000-8010:8000-8010", "8011-8020:8011-8020")).isEmpty();
    }

    @Test
    void aHostRangeToOneContainerPortTakesOneFreePort() {
        // RP10: 18080-18082:80 binds a single port of the range.
        assertThat(clashes("18080-18082:80", "18080:80")).isEmpty();
        assertThat(clashes("18080-18082:80", "18080:80", "18081:80")).isEmpty();
        assertThat(clashes("18080-18082:80", "18080-18082:80", "18080-18082:80")).isEmpty();
        assertThat(clashes("18080-18081:80", "18080:80", "18081:80")).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("needs one free host port in 18080-18081/tcp")
                        .contains("every port of that range"));
        assertThat(clashes("18080-18081:80", "18080-18081:80", "18080-18081:80")).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("leave none free"));
    }

    @Test
    void onlyServicesThatPublishCount() {
        var f = ComposeModelFixtures.compose("c.yaml");
        f.port(f.service("a"), "18080:80");
        Container host = f.service("b");
        f.mode(host, "host");
        f.port(host, "18080:80");
        Container none = f.service("c");
        f.mode(none, "none");
        f.port(none, "18080:80");
        Container shared = f.service("d");
        f.mode(shared, "service:a");
        f.port(shared, "18080:80");
        f.network("lan", "macvlan");
        Container lan = f.service("e");
        f.attach(lan, "lan");
        f.port(lan, "18080:80");
        assertThat(f.run(CLASH)).isEmpty();
    }

    @Test
    void unknownHostIpsAndPortsStayQuiet() {
        assertThat(clashes("${BIND_IP}:18080:80", "18080:80")).isEmpty();
        var f = ComposeModelFixtures.compose("c.yaml");
        f.port(f.service("a"), "18080:80");
        f.service("b").port(new PortMapping(null, 18080, 18080, 80, 80, "tcp", "${PORT}:80", f.at(), true, false));
        assertThat(f.run(CLASH)).isEmpty();
    }

    @Test
    void disjointProfilesAreAlternativesButAProfileAndNoneRunTogether() {
        var f = ComposeModelFixtures.compose("c.yaml");
        Container dev = f.service("app-dev").profile("dev");
        Container prod = f.service("app-prod").profile("prod");
        f.port(dev, "8080:80");
        f.port(prod, "8080:80");
        assertThat(f.run(CLASH)).isEmpty();
        f.port(f.service("proxy"), "8080:80");
        assertThat(f.run(CLASH)).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("service \"proxy\"").contains("(and 1 more entry)"));
    }

    @Test
    void scriptsAreLeftToTheSimulation() {
        var s = ComposeModelFixtures.script("run.sh");
        s.port(s.service("a"), "18080:80");
        s.port(s.service("b"), "18080:80");
        assertThat(s.run(CLASH)).isEmpty();
    }

    @Test
    void daemonDefaultBindAddressChangesWhatAnOmittedIpMeans() {
        var f = ComposeModelFixtures.compose("c.yaml");
        f.model().host("local").daemon(new DaemonSettings(SourceLocation.logical("daemon.json"))
                .ip(AddressValue.address("127.0.0.1", SourceLocation.logical("daemon.json"))));
        f.port(f.service("a"), "18080:80");
        f.port(f.service("b"), "127.0.0.2:18080:80");
        assertThat(f.run(CLASH)).isEmpty();
        assertThat(f.run(new PortOnAllInterfaces())).isEmpty();
    }

    @Test
    void manyEntriesAreCheckedByASweepNotAllPairs() {
        var f = ComposeModelFixtures.compose("c.yaml");
        for (int i = 0; i < 5000; i++) {
            f.port(f.service("s" + i), (20000 + i) + ":80");
        }
        f.port(f.service("late"), "24999:80");
        assertThat(f.run(CLASH)).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("host port 24999/tcp"));
    }

    @Test
    void allInterfacesIsANoteForOmittedAndWildcardIpsOnly() {
        var f = ComposeModelFixtures.compose("c.yaml");
        Container c = f.service("web");
        PortMapping omitted = f.port(c, "8080:80");
        PortMapping v4 = f.port(c, "0.0.0.0:8081:81");
        PortMapping v6 = f.port(c, "[::]:8082:82");
        f.port(c, "127.0.0.1:8083:83");
        f.port(c, "9000");
        List<Finding> out = f.run(new PortOnAllInterfaces());
        assertThat(out).extracting(x -> x.location().line()).containsExactly(line(omitted), line(v4), line(v6));
        assertThat(out.get(0).message()).contains("CIS Docker Benchmark 5.14").contains("\"127.0.0.1:8080:80\"");
    }

    @Test
    void privilegedPortsAreBelow1024() {
        var f = ComposeModelFixtures.compose("c.yaml");
        Container c = f.service("web");
        PortMapping p80 = f.port(c, "127.0.0.1:80:8080");
        f.port(c, "127.0.0.1:1024:1024");
        f.port(c, "127.0.0.1:1023-1025:1023-1025");
        f.port(c, "443");
        List<Finding> out = f.run(new PrivilegedHostPort());
        assertThat(out).hasSize(2);
        assertThat(out.get(0).location().line()).isEqualTo(line(p80));
        assertThat(out.get(0).message()).contains("CIS Docker Benchmark 5.8").contains("8080:8080");
    }

    @Test
    void sexagesimalRiskIsAWarningWithTheBase60Value() {
        var f = ComposeModelFixtures.compose("c.yaml");
        Container c = f.service("ssh");
        PortMapping risky = f.sexagesimalPort(c, "22:22");
        f.port(c, "2222:22");
        assertThat(f.run(new SexagesimalPortMapping())).singleElement()
                .satisfies(x -> assertThat(x.location().line()).isEqualTo(line(risky)))
                .satisfies(x -> assertThat(x.message()).contains("22:22 = 1342").contains("\"22:22\""));
        assertThat(SexagesimalPortMapping.base60("1:2:3")).isEqualTo("3723");
        assertThat(SexagesimalPortMapping.base60("80:80")).isNull();
    }

    @Test
    void dhcpOverABridgeWarnsButNotUnderHostModeOrOverTcp() {
        var f = ComposeModelFixtures.compose("c.yaml");
        Container d = f.service("dhcpd");
        PortMapping p = f.port(d, "67:67/udp");
        f.port(d, "127.0.0.1:6767:67");
        Container h = f.service("dhcpd-host");
        f.mode(h, "host");
        f.port(h, "67:67/udp");
        assertThat(f.run(new DhcpPortPublished())).singleElement()
                .satisfies(x -> assertThat(x.location().line()).isEqualTo(line(p)));
    }

    @Test
    void threeServicesOnOnePortGiveOneFindingPerLaterService() {
        List<Finding> out = clashes("8080:8080", "8080:8080", "8080:8080");
        assertThat(out).hasSize(2);
        assertThat(out.get(1).message()).contains("of service \"s0\"").contains("(and 1 more entry)");
    }

    @Test
    void replicasOfAServiceWithAFixedHostPortClashButARangeWithRoomDoesNot() {
        var f = ComposeModelFixtures.compose("c.yaml");
        Container web = f.service("web").replicas(3, f.at());
        PortMapping fixed = f.port(web, "8080:80");
        assertThat(f.run(CLASH)).singleElement()
                .satisfies(x -> assertThat(x.location().line()).isEqualTo(line(fixed)))
                .satisfies(x -> assertThat(x.message()).contains("runs 3 replicas").contains("\"8080-8082:80\""));

        var g = ComposeModelFixtures.compose("c.yaml");
        Container api = g.service("api").replicas(3, g.at());
        g.port(api, "9000-9002:80");
        assertThat(g.run(CLASH)).isEmpty();
        Container four = g.service("worker").replicas(5, g.at());
        g.port(four, "9100-9101:80");
        assertThat(g.run(CLASH)).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("needs one free host port in 9100-9101"));
    }
}
