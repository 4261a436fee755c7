package dev.netlint.rules.probe;

import dev.netlint.engine.LintResult;
import dev.netlint.engine.LintSettings;
import dev.netlint.engine.Linter;
import dev.netlint.ingest.Directives;
import dev.netlint.ingest.live.DaemonConnection;
import dev.netlint.ingest.live.LiveDaemonFixture;
import dev.netlint.ingest.live.LiveDaemonReader;
import dev.netlint.ingest.live.ProbeException;
import dev.netlint.model.AddressValue;
import dev.netlint.model.Attachment;
import dev.netlint.model.Container;
import dev.netlint.model.IpamPool;
import dev.netlint.model.Model;
import dev.netlint.model.Network;
import dev.netlint.model.Operation;
import dev.netlint.model.PortMapping;
import dev.netlint.model.Project;
import dev.netlint.model.SourceLocation;
import dev.netlint.model.Text;
import dev.netlint.rules.Finding;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static dev.netlint.ingest.live.LiveDaemonFixture.docker;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Predictions against the real daemon, with the declared side built directly in the model (the
 * compose and shell readers are separate work; ProbeComposeEndToEndTest covers real files). Every
 * error prediction is then checked against what the daemon actually answers to the same request.
 */
class ProbePredictionTest {
    // names carry this JVM's token, addresses this run's block 10.B.x, ports P2/P3 (LiveDaemonFixture)
    static final String PROJ = LiveDaemonFixture.name("proj");  // the declared compose project
    static final String NET_A = LiveDaemonFixture.name("pd-a");  // foreign network: 10.B.0.0/24 (anchor)
    static final String NET_OWN = PROJ + "_front";                // the declared project's own network
    static final String C1 = LiveDaemonFixture.name("pd-c1");    // on NET_A at 10.B.0.10, 127.0.0.1:P2->80
    static final String C2 = LiveDaemonFixture.name("pd-c2");    // 0.0.0.0:P3->80
    static final String WEB = LiveDaemonFixture.name("pd-web");  // compose-labelled container of service web
    static final String MISSING = LiveDaemonFixture.name("pd-missing");
    static int b;
    static int p2;
    static int p3;
    static final String FILE = "stack/compose.yaml";
    static final List<String> CONTAINERS = List.of(C1, C2, WEB, LiveDaemonFixture.name("pd-t1"), LiveDaemonFixture.name("pd-t2"), LiveDaemonFixture.name("pd-t3"),
            LiveDaemonFixture.name("pd-t4"), LiveDaemonFixture.name("pd-t5"), LiveDaemonFixture.name("pd-t6"), LiveDaemonFixture.name("pd-t7"), LiveDaemonFixture.name("pd-t8"), LiveDaemonFixture.name("pd-t9"));
    static final List<String> NETWORKS = List.of(NET_A, NET_OWN, LiveDaemonFixture.name("pd-x"), LiveDaemonFixture.name("pd-free"));

    static Project live;

    @BeforeAll
    static void setUp() throws ProbeException {
        LiveDaemonFixture.requireDaemon();
        LiveDaemonFixture.remove(CONTAINERS, NETWORKS);
        b = LiveDaemonFixture.createAnchorNetwork(NET_A, 170, 184, "--label", "com.docker.compose.project=nlt-pr-other");
        p2 = LiveDaemonFixture.port(b, 2);
        p3 = LiveDaemonFixture.port(b, 3);
        LiveDaemonFixture.createNetwork(NET_OWN, "--subnet", "10." + b + ".1.0/24",
                "--label", "com.docker.compose.project=" + PROJ, "--label", "com.docker.compose.network=front");
        LiveDaemonFixture.runSleeping(C1, "--network", NET_A, "--ip", "10." + b + ".0.10", "-p", "127.0.0.1:" + p2 + ":80");
        LiveDaemonFixture.runSleeping(C2, "-p", p3 + ":80");
        LiveDaemonFixture.runSleeping(WEB, "--network", NET_OWN, "--label", "com.docker.compose.project=" + PROJ,
                "--label", "com.docker.compose.service=web");
        try (DaemonConnection c = DaemonConnection.open(LiveDaemonFixture.localEndpoint())) {
            live = new LiveDaemonReader().read(c, new Model());
        }
    }

    @AfterAll
    static void tearDown() {
        LiveDaemonFixture.remove(CONTAINERS, NETWORKS);
    }

    static SourceLocation at(int line, int col) {
        return SourceLocation.of(FILE, line, col);
    }

    static Network network(String key, int line, String subnet) {
        Network n = new Network(key, at(line, 3));
        if (subnet != null) {
            n.pool(new IpamPool(at(line + 3, 9)).subnet(AddressValue.cidr(subnet, at(line + 3, 17))));
        }
        return n;
    }

    static Network external(String key, int line, String name) {
        return new Network(key, at(line, 3)).external(true).externalName(Text.of(name, at(line + 1, 11)));
    }

    static PortMapping port(String ip, int host, int container, String proto, int line) {
        return new PortMapping(ip == null ? null : AddressValue.address(ip, at(line, 9)), host, host, container, container,
                proto, (ip == null ? "" : ip + ":") + host + ":" + container + "/" + proto, at(line, 9), false, false);
    }

    static Container service(String name, int line) {
        return new Container(name, at(line, 3));
    }

    static Attachment attach(String key, String ipv4, int line) {
        Attachment a = new Attachment(Text.of(key, at(line, 9)), at(line, 9));
        if (ipv4 != null) {
            a.ipv4(AddressValue.address(ipv4, at(line + 1, 25)));
        }
        return a;
    }

    /** The compose project as the compose reader would build it: nlt-pr-proj, deployed on "local". */
    static Project composeProject() {
        Project p = new Project(FILE, Project.Kind.DECLARATIVE, at(1, 1), "local").deployName(PROJ);
        p.add(network("clash", 10, "10." + b + ".0.128/25"));          // NL701 at 13
        p.add(external("ext", 15, MISSING));           // NL702 at 16
        p.add(external("shared", 18, NET_A));                      // exists
        p.add(network("front", 20, "10." + b + ".2.0/24"));              // NL706 at 23 (live: 10.B.1.0/24)
        p.add(network("free", 25, "10." + b + ".9.0/24"));               // clean
        p.add(service("db", 30).fixedName(Text.of(C1, at(31, 21))));               // NL703 at 31
        p.add(service("api", 33)
                .port(port(null, p3, 8080, "tcp", 35))               // NL704: 0.0.0.0:P3 bound by C2
                .port(port("127.0.0.1", p2, 80, "tcp", 36))          // NL704: 127.0.0.1:P2 bound by C1
                .port(port(null, p2, 81, "tcp", 37))                 // NL704: wildcard vs C1's 127.0.0.1
                .port(port("127.0.0.2", p2, 82, "tcp", 38))          // free: another address
                .port(port(null, p3, 83, "udp", 39)));               // free: another protocol
        p.add(service("cache", 40).attach(attach("shared", "10." + b + ".0.10", 41)));   // NL705 at 42
        p.add(service("gw", 43).attach(attach("shared", "10." + b + ".0.1", 44)));       // NL705 at 45 (gateway)
        p.add(service("ok", 46).attach(attach("shared", "10." + b + ".0.50", 47)));      // free
        Container web = service("web", 49).networksKeyLocation(at(50, 5));
        web.attach(attach("front", null, 51)).attach(attach("free", null, 52));
        p.add(web);                                                                // NL707 at 50
        return p;
    }

    /**
     * A script: creates a network that exists (NL708), creates one overlapping a live network
     * (NL701), removes and recreates another (clean), joins a missing network (NL702), and guards a
     * create with `inspect ||` (conditional: not judged).
     */
    static Project script() {
        String f = "deploy.sh";
        Project p = new Project(f, Project.Kind.SEQUENTIAL, SourceLocation.of(f, 1, 1), "local");
        p.add(new Operation.CreateNetwork(new Network(NET_A, SourceLocation.of(f, 3, 24)),
                Text.of(NET_A, SourceLocation.of(f, 3, 24)), SourceLocation.of(f, 3, 1), false));
        p.add(new Operation.RemoveNetwork(Text.of(NET_OWN, SourceLocation.of(f, 4, 19)), SourceLocation.of(f, 4, 1), false));
        Network again = new Network(NET_OWN, SourceLocation.of(f, 5, 50));
        again.pool(new IpamPool(SourceLocation.of(f, 5, 19))
                .subnet(AddressValue.cidr("10." + b + ".1.0/24", SourceLocation.of(f, 5, 28))));
        p.add(new Operation.CreateNetwork(again, Text.of(NET_OWN, SourceLocation.of(f, 5, 50)), SourceLocation.of(f, 5, 1), false));
        Container run = new Container("t", SourceLocation.of(f, 6, 1));
        p.add(new Operation.RunContainer(run, List.of(Text.of(MISSING, SourceLocation.of(f, 6, 26))), true,
                null, null, false, SourceLocation.of(f, 6, 1), false));
        Network overlapping = new Network(LiveDaemonFixture.name("pd-x"), SourceLocation.of(f, 7, 50));
        overlapping.pool(new IpamPool(SourceLocation.of(f, 7, 19))
                .subnet(AddressValue.cidr("10." + b + ".0.0/16", SourceLocation.of(f, 7, 28))));
        p.add(new Operation.CreateNetwork(overlapping, Text.of(LiveDaemonFixture.name("pd-x"), SourceLocation.of(f, 7, 50)),
                SourceLocation.of(f, 7, 1), false));
        p.add(new Operation.CreateNetwork(new Network(NET_A, SourceLocation.of(f, 8, 60)),
                Text.of(NET_A, SourceLocation.of(f, 8, 60)), SourceLocation.of(f, 8, 40), true));
        return p;
    }

    static Map<String, String> findings(Project... declared) {
        Model m = new Model();
        m.add(live);
        for (Project p : declared) {
            m.add(p);
        }
        LintResult r = new Linter(new LintSettings()).analyse(m, new Directives(), List.of(), declared.length);
        Map<String, String> out = new TreeMap<>();
        for (Finding f : r.findings()) {
            if (!f.ruleId().startsWith("NL7")) {
                continue; // the other rules run on the same model; they are their own tests' business
            }
            String key = f.location().file() + ":" + f.location().line() + " " + f.ruleId();
            out.merge(key, f.message(), (a, b) -> a + " | " + b);
        }
        return out;
    }

    @Test
    void composePredictionsAreExactlyTheseFindings() {
        Map<String, String> f = findings(composeProject());
        assertThat(f.keySet()).containsExactlyInAnyOrder(
                FILE + ":13 NL701",
                FILE + ":16 NL702",
                FILE + ":23 NL706",
                FILE + ":31 NL703",
                FILE + ":35 NL704",
                FILE + ":36 NL704",
                FILE + ":37 NL704",
                FILE + ":42 NL705",
                FILE + ":45 NL705",
                FILE + ":50 NL707");
        assertThat(f.get(FILE + ":13 NL701")).contains("'" + NET_A + "'", "Pool overlaps with other one on this address space");
        assertThat(f.get(FILE + ":16 NL702")).contains("Network " + MISSING + " declared as external, but could not be found");
        assertThat(f.get(FILE + ":23 NL706")).contains(NET_OWN, "subnet 10." + b + ".1.0/24 (file: 10." + b + ".2.0/24)");
        assertThat(f.get(FILE + ":35 NL704")).contains(C2, "port is already allocated");
        assertThat(f.get(FILE + ":36 NL704")).contains(C1, "port is already allocated");
        assertThat(f.get(FILE + ":37 NL704")).contains(C1, "listen tcp4 0.0.0.0:" + p2 + ": bind: address already in use");
        assertThat(f.get(FILE + ":42 NL705")).contains(C1, "Address already in use");
        assertThat(f.get(FILE + ":45 NL705")).contains("gateway");
        assertThat(f.get(FILE + ":50 NL707")).contains(WEB, "[" + NET_OWN + "]", PROJ + "_free");
    }

    @Test
    void scriptPredictions() {
        Map<String, String> f = findings(script());
        assertThat(f.keySet()).containsExactlyInAnyOrder("deploy.sh:3 NL708", "deploy.sh:6 NL702", "deploy.sh:7 NL701");
        assertThat(f.get("deploy.sh:3 NL708")).contains("network with name " + NET_A + " already exists");
        assertThat(f.get("deploy.sh:6 NL702")).contains("network " + MISSING + " not found");
    }

    @Test
    void filesOnAnotherHostAreNotComparedWithThisDaemon() {
        Project elsewhere = composeProject();
        elsewhere.host("other-host");
        assertThat(findings(elsewhere)).isEmpty();
    }

    // ---- each error prediction against the daemon's real answer ------------------------------------

    @Test
    void nl701_theDaemonRefusesTheOverlappingSubnet() {
        var r = docker("network", "create", "--subnet", "10." + b + ".0.128/25", LiveDaemonFixture.name("pd-x"));
        assertThat(r.rc()).as(r.all()).isNotZero();
        assertThat(r.err()).contains("Pool overlaps with other one on this address space");
        var ok = docker("network", "create", "--subnet", "10." + b + ".9.0/24", LiveDaemonFixture.name("pd-free"));
        assertThat(ok.rc()).as("the subnet netlint found free is free: " + ok.all()).isZero();
    }

    @Test
    void nl702_theMissingNetworkIsMissing() {
        var r = docker("run", "-d", "--name", LiveDaemonFixture.name("pd-t1"), "--network", MISSING,
                LiveDaemonFixture.IMAGE, "sleep", "600");
        assertThat(r.rc()).isNotZero();
        assertThat(r.err()).contains("network " + MISSING + " not found");
    }

    @Test
    void nl703_theDaemonRefusesTheTakenName() {
        var r = docker("create", "--name", C1, LiveDaemonFixture.IMAGE, "sleep", "600");
        assertThat(r.rc()).isNotZero();
        assertThat(r.err()).contains("Conflict. The container name \"/" + C1 + "\" is already in use");
    }

    @Test
    void nl704_theDaemonRefusesTheBoundPortsAndAcceptsTheFreeOnes() {
        var sameWildcard = docker("run", "-d", "--name", LiveDaemonFixture.name("pd-t2"), "-p", p3 + ":8080", LiveDaemonFixture.IMAGE, "sleep", "600");
        assertThat(sameWildcard.err()).contains("Bind for 0.0.0.0:" + p3 + " failed: port is already allocated");
        var sameIp = docker("run", "-d", "--name", LiveDaemonFixture.name("pd-t3"), "-p", "127.0.0.1:" + p2 + ":80", LiveDaemonFixture.IMAGE, "sleep", "600");
        assertThat(sameIp.err()).contains("Bind for 127.0.0.1:" + p2 + " failed: port is already allocated");
        var wildcardOverSpecific = docker("run", "-d", "--name", LiveDaemonFixture.name("pd-t4"), "-p", p2 + ":81", LiveDaemonFixture.IMAGE, "sleep", "600");
        assertThat(wildcardOverSpecific.err()).contains("0.0.0.0:" + p2 + ": bind: address already in use");
        var otherIp = docker("run", "-d", "--name", LiveDaemonFixture.name("pd-t5"), "-p", "127.0.0.2:" + p2 + ":82", LiveDaemonFixture.IMAGE, "sleep", "600");
        assertThat(otherIp.rc()).as(otherIp.all()).isZero();
        var otherProto = docker("run", "-d", "--name", LiveDaemonFixture.name("pd-t6"), "-p", p3 + ":83/udp", LiveDaemonFixture.IMAGE, "sleep", "600");
        assertThat(otherProto.rc()).as(otherProto.all()).isZero();
    }

    @Test
    void nl705_theDaemonRefusesTheTakenAddresses() {
        var held = docker("run", "-d", "--name", LiveDaemonFixture.name("pd-t7"), "--network", NET_A, "--ip", "10." + b + ".0.10",
                LiveDaemonFixture.IMAGE, "sleep", "600");
        assertThat(held.err()).contains("Address already in use");
        var gateway = docker("run", "-d", "--name", LiveDaemonFixture.name("pd-t8"), "--network", NET_A, "--ip", "10." + b + ".0.1",
                LiveDaemonFixture.IMAGE, "sleep", "600");
        assertThat(gateway.err()).contains("Address already in use");
        var free = docker("run", "-d", "--name", LiveDaemonFixture.name("pd-t9"), "--network", NET_A, "--ip", "10." + b + ".0.50",
                LiveDaemonFixture.IMAGE, "sleep", "600");
        assertThat(free.rc()).as(free.all()).isZero();
    }

    @Test
    void nl708_theDaemonRefusesTheTakenNetworkName() {
        var r = docker("network", "create", NET_A);
        assertThat(r.rc()).isNotZero();
        assertThat(r.err()).contains("network with name " + NET_A + " already exists");
    }

}
