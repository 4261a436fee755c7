package dev.netlint.rules.topology;

import dev.netlint.model.AddressValue;
import dev.netlint.model.Attachment;
import dev.netlint.model.Container;
import dev.netlint.model.IpamPool;
import dev.netlint.model.Model;
import dev.netlint.model.Network;
import dev.netlint.model.Operation;
import dev.netlint.model.Project;
import dev.netlint.model.Segment;
import dev.netlint.model.SourceLocation;
import dev.netlint.model.Text;
import dev.netlint.rules.Finding;
import dev.netlint.rules.Rule;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cross-host rules over models shaped the way the script reader builds them (a SEQUENTIAL project
 * per file, one {@code CreateNetwork} per {@code docker network create}, the network also in
 * {@code project.networks()}), plus dumps and compose files.
 */
class TopologyRulesTest {
    private static SourceLocation at(String file, int line) {
        return SourceLocation.of(file, line, 1);
    }

    /** {@code docker network create -d DRIVER --subnet S --ip-range R --gateway G -o parent=P NAME} in a script of its own host. */
    static Project script(Model model, String file, String driver, String subnet, String range, String gateway,
                          String parent, String name) {
        Project p = new Project(file, Project.Kind.SEQUENTIAL, at(file, 1), file);
        Network n = network(file, driver, subnet, range, gateway, parent, name);
        p.add(n);
        p.add(new Operation.CreateNetwork(n, Text.of(name, at(file, 3)), at(file, 3), false));
        model.add(p);
        return p;
    }

    static Network network(String file, String driver, String subnet, String range, String gateway, String parent, String name) {
        SourceLocation l = at(file, 3);
        Network n = new Network(name, l).driver(Text.of(driver, l));
        if (parent != null) {
            n.option("parent", Text.of(parent, l));
        }
        IpamPool pool = new IpamPool(l).subnet(AddressValue.cidr(subnet, l));
        if (range != null) {
            pool.ipRange(AddressValue.cidr(range, l));
        }
        if (gateway != null) {
            pool.gateway(AddressValue.address(gateway, l));
        }
        return n.pool(pool);
    }

    static List<Finding> run(Model model, Rule rule) {
        List<Finding> out = new ArrayList<>();
        rule.check(model, (r, loc, msg) -> out.add(new Finding(r.info().id(), r.info().name(), r.info().severity(), msg, loc)));
        return out;
    }

    @Test
    void theDocumentationsTwoHostExampleIsAnErrorWithoutAnyConfiguration() {
        Model model = new Model();
        script(model, "node01.sh", "macvlan", "192.168.0.0/24", "192.168.0.64/28", "192.168.0.1", "eth0", "my_macvlan");
        script(model, "node02.sh", "macvlan", "192.168.0.0/24", "192.168.0.64/28", "192.168.0.1", "eth0", "my_macvlan");
        assertThat(run(model, new LanRangeOverlap())).singleElement().satisfies(f -> {
            assertThat(f.location().file()).isEqualTo("node02.sh");
            assertThat(f.message()).contains("192.168.0.64/28").contains("node01.sh").contains("inferred");
        });
        assertThat(run(model, new LanRangeCoversReserved())).isEmpty();
    }

    @Test
    void disjointRangesAreClean() {
        Model model = new Model();
        script(model, "node01.sh", "macvlan", "192.168.0.0/24", "192.168.0.64/28", "192.168.0.1", "eth0", "my_macvlan");
        script(model, "node02.sh", "macvlan", "192.168.0.0/24", "192.168.0.80/28", "192.168.0.1", "eth0", "my_macvlan");
        for (Rule r : List.of(new LanRangeOverlap(), new LanRangeCoversReserved(), new LanDuplicateAddress())) {
            assertThat(run(model, r)).isEmpty();
        }
    }

    @Test
    void withoutIpRangeBothDaemonsAllocateFromTheWholeSubnet() {
        Model model = new Model();
        script(model, "a.sh", "ipvlan", "10.152.0.0/24", null, "10.152.0.1", "ens18", "lan");
        script(model, "b.sh", "ipvlan", "10.152.0.0/24", null, "10.152.0.1", "eth0", "lan");
        assertThat(run(model, new LanRangeOverlap())).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("no ip-range, so the whole subnet"));
    }

    @Test
    void differentVlanTagsAreDifferentLans() {
        Model model = new Model();
        script(model, "a.sh", "macvlan", "10.153.0.0/24", "10.153.0.64/28", "10.153.0.1", "eth0.10", "v10");
        script(model, "b.sh", "macvlan", "10.153.0.0/24", "10.153.0.64/28", "10.153.0.1", "eth0.20", "v20");
        assertThat(run(model, new LanRangeOverlap())).isEmpty();
    }

    @Test
    void networksWithoutParentOrOnOneHostAreNotCompared() {
        Model model = new Model();
        script(model, "a.sh", "macvlan", "10.154.0.0/24", "10.154.0.64/28", null, null, "dummy");
        script(model, "b.sh", "macvlan", "10.154.0.0/24", "10.154.0.64/28", null, null, "dummy");
        assertThat(run(model, new LanRangeOverlap())).isEmpty();
    }

    @Test
    void declaredSegmentsSeparateSitesThatReuseASubnet() {
        Model model = new Model();
        script(model, "site-a/node01.sh", "macvlan", "192.168.0.0/24", "192.168.0.64/28", "192.168.0.1", "eth0", "m");
        script(model, "site-b/node01.sh", "macvlan", "192.168.0.0/24", "192.168.0.64/28", "192.168.0.1", "eth0", "m");
        Segment a = new Segment("site-a", SourceLocation.logical(".netlint.yaml"));
        a.hosts().add("site-a/node01.sh");
        Segment b = new Segment("site-b", SourceLocation.logical(".netlint.yaml"));
        b.hosts().add("site-b/node01.sh");
        model.segments().add(a);
        model.segments().add(b);
        assertThat(run(model, new LanRangeOverlap())).isEmpty();
    }

    @Test
    void aDeclaredSegmentJoinsHostsWhoseSubnetsDifferAndChecksItsGatewayAndReservedAddresses() {
        Model model = new Model();
        script(model, "n1.sh", "macvlan", "10.155.0.0/24", "10.155.0.0/25", "10.155.0.1", "eth1", "lan");
        script(model, "n2.sh", "macvlan", "10.155.0.0/23", "10.155.0.96/27", "10.155.0.1", "enp2s0", "lan");
        Segment s = new Segment("office", SourceLocation.logical(".netlint.yaml"));
        s.hosts().add("n1.sh:eth1");
        s.hosts().add("n2.sh");
        s.gateway(AddressValue.address("10.155.0.1", s.location()));
        s.reserve(AddressValue.address("10.155.0.10", s.location()));
        model.segments().add(s);
        assertThat(run(model, new LanRangeOverlap())).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("LAN segment 'office'"));
        assertThat(run(model, new LanRangeCoversReserved())).singleElement().satisfies(f -> {
            assertThat(f.location().file()).isEqualTo("n1.sh");
            assertThat(f.message()).contains("10.155.0.10");
        });
    }

    @Test
    void aMemberNamingAnotherParentDoesNotCoverTheNetwork() {
        Segment s = new Segment("office", SourceLocation.logical(".netlint.yaml"));
        s.hosts().add("n1:eth1");
        assertThat(s.covers("n1", "eth1")).isTrue();
        assertThat(s.covers("n1", "eth1.20")).isFalse();
        assertThat(s.covers("n2", "eth1")).isFalse();
    }

    @Test
    void composeFilesOnTheirDefaultHostsDoNotTakePart() {
        Model model = new Model();
        for (String f : List.of("dev/compose.yaml", "prod/compose.yaml")) {
            Project p = new Project(f, Project.Kind.DECLARATIVE, at(f, 1), f);
            p.add(network(f, "macvlan", "10.156.0.0/24", "10.156.0.64/28", "10.156.0.1", "eth0", "lan"));
            model.add(p);
        }
        assertThat(run(model, new LanRangeOverlap())).isEmpty();
    }

    @Test
    void theSameStaticAddressOnTwoHostsIsReported() {
        Model model = new Model();
        Project a = script(model, "a.sh", "macvlan", "10.157.0.0/24", "10.157.0.64/28", "10.157.0.1", "eth0", "lan");
        Project b = script(model, "b.sh", "macvlan", "10.157.0.0/24", "10.157.0.80/28", "10.157.0.1", "eth0", "lan");
        for (Project p : List.of(a, b)) {
            String file = p.name();
            // docker run --network lan --ip 10.157.0.200, as the script reader records it
            Container c = new Container("cam", at(file, 4));
            p.add(c);
            p.add(new Operation.RunContainer(c, List.of(Text.of("lan", at(file, 4))), true,
                    AddressValue.address("10.157.0.200", at(file, 4)), null, false, at(file, 4), false));
        }
        assertThat(run(model, new LanDuplicateAddress())).singleElement().satisfies(f -> {
            assertThat(f.location().file()).isEqualTo("b.sh");
            assertThat(f.message()).contains("10.157.0.200").contains("a.sh");
        });
    }

    @Test
    void overlaysSeenFromTwoNodesAreOneNetworkButDifferentOverlaysOfOneSwarmMustNotOverlap() {
        Model model = new Model();
        for (String f : List.of("n1.json", "n2.json")) {
            Project p = new Project(f, Project.Kind.OBSERVED, at(f, 1), f);
            p.add(network(f, "overlay", "10.158.0.0/24", null, "10.158.0.1", null, "ingress").observedId("w0n8x3p6qk2l9z7y4t1s5r0vd"));
            model.add(p);
        }
        assertThat(run(model, new OverlaySubnetOverlap())).isEmpty();
        Project p = new Project("n2-more.json", Project.Kind.OBSERVED, at("n2-more.json", 1), "n2.json");
        p.add(network("n2-more.json", "overlay", "10.158.1.0/24", null, null, null, "app").observedId("app1"));
        model.add(p);
        Project q = new Project("n1-more.json", Project.Kind.OBSERVED, at("n1-more.json", 1), "n1.json");
        q.add(network("n1-more.json", "overlay", "10.158.1.128/25", null, null, null, "other").observedId("other1"));
        model.add(q);
        assertThat(run(model, new OverlaySubnetOverlap())).singleElement()
                .satisfies(f -> assertThat(f.location().file()).isEqualTo("n1-more.json"));
    }

    @Test
    void independentSwarmsReusingTheDefaultOverlayPoolAreNotCompared() {
        Model model = new Model();
        for (String f : List.of("swarm-a.json", "swarm-b.json")) {
            Project p = new Project(f, Project.Kind.OBSERVED, at(f, 1), f);
            p.add(network(f, "overlay", "10.0.0.0/24", null, "10.0.0.1", null, f + "-net").observedId(f));
            model.add(p);
        }
        assertThat(run(model, new OverlaySubnetOverlap())).isEmpty();
    }

    @Test
    void theSameMacvlanDumpedTwiceIsOneNetwork() {
        Model model = new Model();
        for (String f : List.of("copy1.json", "copy2.json")) {
            Project p = new Project(f, Project.Kind.OBSERVED, at(f, 1), f);
            p.add(network(f, "macvlan", "10.164.0.0/24", null, "10.164.0.1", "eth1", "mynet").observedId("a4a33de2232bdbfb0ea954f1"));
            model.add(p);
        }
        assertThat(run(model, new LanRangeOverlap())).isEmpty();
    }

    @Test
    void macvlanOnlyContainerThatWantsItsHostGetsANote() {
        Model model = new Model();
        Project p = new Project("compose.yaml", Project.Kind.DECLARATIVE, at("compose.yaml", 1), "local");
        p.add(network("compose.yaml", "macvlan", "10.159.0.0/24", null, "10.159.0.1", "eth0", "lan"));
        p.add(network("compose.yaml", "bridge", "10.159.1.0/24", null, null, null, "host-side"));
        Container only = new Container("ha", at("compose.yaml", 10));
        only.attach(new Attachment(Text.of("lan", at("compose.yaml", 11)), at("compose.yaml", 11)));
        only.extraHost(Text.of("host.docker.internal:host-gateway", at("compose.yaml", 13)));
        Container both = new Container("ok", at("compose.yaml", 20));
        both.attach(new Attachment(Text.of("lan", at("compose.yaml", 21)), at("compose.yaml", 21)));
        both.attach(new Attachment(Text.of("host-side", at("compose.yaml", 22)), at("compose.yaml", 22)));
        both.extraHost(Text.of("host.docker.internal:host-gateway", at("compose.yaml", 23)));
        p.add(only).add(both);
        model.add(p);
        assertThat(run(model, new MacvlanHostUnreachable())).singleElement()
                .satisfies(f -> assertThat(f.location().line()).isEqualTo(13));
    }
}
