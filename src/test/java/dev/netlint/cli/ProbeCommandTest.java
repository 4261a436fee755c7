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
}
