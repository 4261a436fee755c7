package dev.netlint.ingest.live;

import dev.netlint.model.Attachment;
import dev.netlint.model.Container;
import dev.netlint.model.IpamPool;
import dev.netlint.model.Model;
import dev.netlint.model.Network;
import dev.netlint.model.NetworkMode;
import dev.netlint.model.PortMapping;
import dev.netlint.model.Project;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.netlint.ingest.live.LiveDaemonFixture.docker;
import static org.assertj.core.api.Assertions.assertThat;

/** Reads the real daemon: what the live model holds, what it never holds, and that probing changes nothing. */
class LiveDaemonReaderTest {
    static final String NET = LiveDaemonFixture.name("rd-net");
    static final String RUNNING = LiveDaemonFixture.name("rd-up");
    static final String STOPPED = LiveDaemonFixture.name("rd-down");
    static int b;      // this run's block: 10.b.0.0/24
    static int port;   // this run's host port
    static final String SECRET_ENV = "nltprSecretEnvValue7731";
    static final String SECRET_LABEL = "nltprSecretLabelValue4412";

    @BeforeAll
    static void setUp() {
        LiveDaemonFixture.requireDaemon();
        LiveDaemonFixture.remove(List.of(RUNNING, STOPPED), List.of(NET));
        b = LiveDaemonFixture.createAnchorNetwork(NET, 160, 169,
                "--label", "com.docker.compose.project=nlt-pr-other", "--label", "nlt.secret=" + SECRET_LABEL);
        port = LiveDaemonFixture.port(b, 0);
        LiveDaemonFixture.runSleeping(RUNNING, "--network", NET, "--ip", "10." + b + ".0.10",
                "-p", "127.0.0.1:" + port + ":80", "-p", LiveDaemonFixture.port(b, 2) + ":81", "-e", "PASSWORD=" + SECRET_ENV, "--label", "token=" + SECRET_LABEL);
        var r = docker("create", "--name", STOPPED, "--network", NET, "-p", LiveDaemonFixture.port(b, 1) + ":81/udp",
                LiveDaemonFixture.IMAGE, "sleep", "600");
        assertThat(r.rc()).as(r.all()).isZero();
    }

    @AfterAll
    static void tearDown() {
        LiveDaemonFixture.remove(List.of(RUNNING, STOPPED), List.of(NET));
    }

    private static Project read(List<String> requests) throws ProbeException {
        try (DaemonConnection c = DaemonConnection.open(LiveDaemonFixture.localEndpoint())) {
            Project p = new LiveDaemonReader().read(c, new Model());
            requests.addAll(c.requests());
            return p;
        }
    }

    @Test
    void networksAreReadWithIpamOwnerAndEndpoints() throws ProbeException {
        Project p = read(new ArrayList<>());
        assertThat(p.kind()).isEqualTo(Project.Kind.OBSERVED);
        assertThat(p.live()).isTrue();
        assertThat(p.host()).isEqualTo("local");
        Network n = p.network(NET).orElseThrow();
        assertThat(n.location().file()).isEqualTo("docker://local/network/" + NET);
        assertThat(n.isDriver("bridge")).isTrue();
        assertThat(n.ownerProject().value()).isEqualTo("nlt-pr-other");
        assertThat(n.pools()).hasSize(1);
        IpamPool pool = n.pools().get(0);
        assertThat(pool.subnet().raw()).isEqualTo("10." + b + ".0.0/24");
        assertThat(pool.gateway().asIp().orElseThrow().toString()).isEqualTo("10." + b + ".0.1");
        assertThat(n.endpoints()).extracting(Network.Endpoint::containerName).containsExactly(RUNNING);
        assertThat(n.endpoints().get(0).ipv4().asIp().orElseThrow().toString()).isEqualTo("10." + b + ".0.10");
        // the built-in networks are there too
        assertThat(p.networks().keySet()).contains("bridge", "host", "none");
    }

    @Test
    void containersInAllStatesWithStaticAddressesAndBoundPorts() throws ProbeException {
        Project p = read(new ArrayList<>());
        Container up = p.container(RUNNING).orElseThrow();
        assertThat(up.running()).isTrue();
        assertThat(up.location().file()).isEqualTo("docker://local/container/" + RUNNING);
        assertThat(up.networkMode().is(NetworkMode.Kind.NETWORK)).isTrue();
        Attachment a = up.attachments().get(0);
        assertThat(a.network().value()).isEqualTo(NET);
        assertThat(a.ipv4().asIp().orElseThrow().toString()).isEqualTo("10." + b + ".0.10");
        int wild = LiveDaemonFixture.port(b, 2);
        assertThat(up.ports()).extracting(PortMapping::raw).hasSize(2).first().isEqualTo("127.0.0.1:" + port + "->80/tcp");
        // a publish on all interfaces is one mapping, although the daemon lists 0.0.0.0 and :: separately
        PortMapping all = up.ports().get(1);
        assertThat(all.hostPortStart()).isEqualTo(wild);
        if (all.hostIp() == null) {
            assertThat(all.raw()).isEqualTo(wild + "->81/tcp");
        } else { // a daemon without IPv6 binds only 0.0.0.0
            assertThat(all.raw()).isEqualTo("0.0.0.0:" + wild + "->81/tcp");
        }
        assertThat(all.onAllInterfaces()).isTrue();
        PortMapping pm = up.ports().get(0);
        assertThat(pm.hostPortStart()).isEqualTo(port);
        assertThat(pm.protocol()).isEqualTo("tcp");

        Container down = p.container(STOPPED).orElseThrow();
        assertThat(down.running()).isFalse();
        assertThat(down.ports()).as("a stopped container binds nothing").isEmpty();
        assertThat(down.attachments()).extracting(x -> x.network().value()).containsExactly(NET);
    }

    @Test
    void neverPrintsEnvironmentOrLabelValues() {
        for (String format : List.of("text", "json", "sarif", "github")) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int rc = new picocli.CommandLine(new dev.netlint.cli.ProbeCommandAccess().command(Map.of(), Path.of("/nonexistent"),
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)))
                    .execute("--host", LiveDaemonFixture.SOCKET, "--format", format);
            String all = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
            assertThat(rc).as(all).isIn(0, 1);
            assertThat(all).doesNotContain(SECRET_ENV).doesNotContain(SECRET_LABEL);
            if (format.equals("text")) { // the text report names the daemons it probed
                assertThat(all).contains("docker://local");
            }
        }
    }

    @Test
    void probingIsReadOnly() throws ProbeException {
        String before = snapshot();
        List<String> requests = new ArrayList<>();
        read(requests);
        String after = snapshot();
        assertThat(after).isEqualTo(before);
        assertThat(before).contains(NET, RUNNING, STOPPED, "10." + b + ".0.0/24");
        assertThat(requests).isNotEmpty().allMatch(r -> r.startsWith("GET "), "every request is a GET");
        assertThat(requests).contains("GET /version").anyMatch(r -> r.endsWith("/networks"))
                .anyMatch(r -> r.endsWith("/containers/json"));
    }

    @Test
    void theReadOnlyGuardRefusesWrites() throws ProbeException {
        try (DaemonConnection c = DaemonConnection.open(LiveDaemonFixture.localEndpoint())) {
            org.assertj.core.api.Assertions.assertThatThrownBy(
                    () -> c.client().createNetworkCmd().withName(LiveDaemonFixture.name("must-not-exist")).exec())
                    .hasMessageContaining("read-only");
            assertThat(c.requests()).contains("POST /v" + c.serverApi() + "/networks/create");
        }
        assertThat(docker("network", "inspect", LiveDaemonFixture.name("must-not-exist")).rc()).isNotZero();
    }

    /**
     * Ids, names, IPAM, state and addresses of this test's objects and the built-in networks. Objects
     * of other test suites running on the same development daemon are left out: they may change
     * while this runs; the request log above is the proof that the probe itself sent only GETs.
     */
    static String snapshot() {
        StringBuilder sb = new StringBuilder();
        for (String n : List.of("bridge", "host", "none", NET)) {
            sb.append(docker("network", "inspect", "--format",
                    "{{.Id}} {{.Name}} {{.Driver}} {{json .IPAM}} {{json .Options}} {{json .Labels}} {{len .Containers}}", n).all());
        }
        for (String c : List.of(RUNNING, STOPPED)) {
            sb.append(docker("inspect", "--format",
                    "{{.Id}} {{.Name}} {{.State.Status}} {{.State.StartedAt}} {{json .NetworkSettings.Networks}} {{json .NetworkSettings.Ports}}",
                    c).all());
        }
        return sb.toString();
    }
}
