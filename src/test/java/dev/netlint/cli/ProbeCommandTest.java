package dev.netlint.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.netlint.ingest.live.LiveDaemonFixture;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** `netlint probe` as a subcommand of the real command line, with the shared reporters. */
class ProbeCommandTest {
    record Outcome(int rc, String out, String err) {
    }

    static Outcome netlint(String... args) {
        CommandLine cl = NetlintCommand.commandLine(new NetlintCommand());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int rc = cl.execute(args);
        return new Outcome(rc, out.toString(), err.toString());
    }

    @Test
    void probeIsASubcommandWithOneLineErrors() {
        Outcome o = netlint("probe", "--host", "unix:///nonexistent/nlt-pr.sock");
        assertThat(o.rc()).isEqualTo(2);
        assertThat(o.err().strip().lines()).hasSize(1).first().asString()
                .startsWith("netlint probe: cannot connect to the Docker daemon at unix:///nonexistent/nlt-pr.sock");
        assertThat(o.out()).isEmpty();
    }

    @Test
    void usageErrorsAreOneLineToo() {
        Outcome o = netlint("probe", "--format", "yaml");
        assertThat(o.rc()).isEqualTo(2);
        assertThat(o.err().strip().lines()).hasSize(1);
    }

    @Test
    void sarifAndJsonReportsOfTheLiveDaemon() throws Exception {
        LiveDaemonFixture.requireDaemon();
        Outcome sarif = netlint("probe", "--host", LiveDaemonFixture.SOCKET, "--format", "sarif");
        assertThat(sarif.rc()).as(sarif.err()).isIn(0, 1);
        JsonNode root = new ObjectMapper().readTree(sarif.out());
        assertThat(root.path("version").asText()).isEqualTo("2.1.0");
        JsonNode rules = root.path("runs").get(0).path("tool").path("driver").path("rules");
        assertThat(rules.findValuesAsText("id")).contains("NL701", "NL704", "NL708");

        Outcome json = netlint("probe", "--host", LiveDaemonFixture.SOCKET, "--format", "json", "--fail-on", "none");
        assertThat(json.rc()).as(json.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(json.out());
        assertThat(j.has("findings")).isTrue();
        assertThat(j.has("errors")).isTrue();
    }

    /**
     * Two daemons (the local one, once by socket and once through a context): every file is checked
     * against each, and each prediction names its daemon.
     */
    @Test
    void severalDaemonsCheckEveryFileAgainstEach(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
            throws Exception {
        LiveDaemonFixture.requireDaemon();
        String ctx = "nlt-pr-ctx";
        java.nio.file.Path meta = java.nio.file.Files.createDirectories(tmp.resolve(".docker/contexts/meta")
                .resolve(dev.netlint.ingest.live.EndpointResolverAccess.sha256(ctx)));
        java.nio.file.Files.writeString(meta.resolve("meta.json"),
                "{\"Name\":\"" + ctx + "\",\"Endpoints\":{\"docker\":{\"Host\":\"" + LiveDaemonFixture.SOCKET + "\"}}}");
        String absent = LiveDaemonFixture.name("absent");
        java.nio.file.Path dir = java.nio.file.Files.createDirectories(tmp.resolve("app"));
        java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("compose.yaml"), String.join("\n",
                "services:",
                "  web:",
                "    image: netlint-busybox:test",
                "    networks: [edge]",
                "networks:",
                "  edge:",
                "    external: true",
                "    name: " + absent,
                ""));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int rc = new CommandLine(new ProbeCommand().use(java.util.Map.of(), tmp,
                new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8),
                new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8)))
                .execute("--host", LiveDaemonFixture.SOCKET, "--context", ctx, "--format", "json", file.toString());
        String json = out.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(rc).as(json + err).isEqualTo(1);
        java.util.List<String> nl702 = new java.util.ArrayList<>();
        for (JsonNode f : new ObjectMapper().readTree(json).get("findings")) {
            if (f.get("ruleId").asText().equals("NL702")) {
                assertThat(f.get("line").asInt()).isEqualTo(8);
                nl702.add(f.get("message").asText());
            }
        }
        assertThat(nl702).hasSize(2);
        assertThat(nl702).anyMatch(m -> m.contains("docker://local;")).anyMatch(m -> m.contains("docker://" + ctx + ";"));
    }
}
