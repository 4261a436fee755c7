package dev.netlint.ingest.shell;

import dev.netlint.testing.DockerTestDaemon;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * netlint's flag tables and refusal messages against the real Debian 20.10 client. No daemon is
 * reached: DOCKER_HOST points at a socket that does not exist, and flag and argument errors come
 * before any API call. Skipped when /usr/bin/docker is absent, except under CI=true, where it fails.
 */
class CliVerbatimTest {
    private static final Map<String, String> NO_DAEMON = Map.of("DOCKER_HOST", "unix:///tmp/netlint-cli-no-daemon.sock");
    private static final Pattern OPTION = Pattern.compile("(?m)^\\s+(?:-(\\w), )?--([a-z0-9-]+)");

    @BeforeAll
    static void client() {
        if (Files.isExecutable(Path.of(DockerTestDaemon.DOCKER))) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail("CI=true but " + DockerTestDaemon.DOCKER + " is missing");
        }
        Assumptions.abort("skipped: needs the docker client at " + DockerTestDaemon.DOCKER);
    }

    private static DockerTestDaemon.Result docker(List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(DockerTestDaemon.DOCKER);
        cmd.addAll(args);
        return DockerTestDaemon.run(cmd, NO_DAEMON, 30);
    }

    private static List<String> pathWords(FlagSpec spec) {
        List<String> w = new ArrayList<>(Arrays.asList(spec.path().split(" ")));
        return w.subList(1, w.size());
    }

    @Test
    void refusalsAreTheClientsOwnWords() throws IOException {
        for (CliRefusalCases.Case c : CliRefusalCases.CASES) {
            List<String> argv = c.argv();
            DockerTestDaemon.Result r = docker(argv.subList(1, argv.size()));
            if (c.refusal() == null) {
                assertThat(r.exitCode() == 0 || r.stderr().contains("Cannot connect to the Docker daemon"))
                        .as(c.line() + " is accepted; stderr: " + r.stderr()).isTrue();
            } else {
                assertThat(r.firstError()).as(c.line()).isEqualTo(c.refusal());
                assertThat(r.exitCode()).as(c.line()).isIn(1, 125);
            }
        }
    }

    /**
     * Both ways: every option the client's help lists is in the table with its shorthand, and every flag of
     * the table is one the client knows (listed, or, when help hides it, accepted when given), except those
     * marked {@code since=}, which the 20.10 client refuses as unknown.
     */
    @Test
    void tablesMatchTheClientFlagForFlag() throws IOException {
        int checked = 0;
        for (FlagSpec spec : DockerFlags.all()) {
            List<String> args = new ArrayList<>(pathWords(spec));
            args.add("--help");
            DockerTestDaemon.Result r = docker(args);
            String usage = r.stdout() + r.stderr();
            int options = usage.indexOf("Options:");
            Map<String, String> listed = new java.util.HashMap<>();
            if (options >= 0) {
                int commands = usage.indexOf("Management Commands:");
                Matcher m = OPTION.matcher(usage.substring(options, commands > options ? commands : usage.length()));
                while (m.find()) {
                    listed.put(m.group(2), m.group(1) == null ? "" : m.group(1));
                }
            }
            for (Map.Entry<String, String> e : listed.entrySet()) {
                CliFlag f = spec.flag(e.getKey());
                assertThat(f).as(spec.path() + " lists --" + e.getKey()).isNotNull();
                assertThat(f.shorthand() == 0 ? "" : String.valueOf(f.shorthand()))
                        .as(spec.path() + " --" + f.name() + " shorthand").isEqualTo(e.getValue());
                assertThat(f.since()).as(spec.path() + " --" + f.name() + " is in 20.10").isNull();
            }
            for (CliFlag f : spec.flags()) {
                if (listed.containsKey(f.name())) {
                    checked++;
                    continue;
                }
                List<String> given = new ArrayList<>(pathWords(spec));
                given.add(f.takesValue() ? "--" + f.name() + "=1" : "--" + f.name() + "=true");
                given.add("--help");
                String err = docker(given).firstError();
                if (f.since() != null) {
                    assertThat(err).as(spec.path() + " --" + f.name() + " came after 20.10")
                            .isEqualTo("unknown flag: --" + f.name());
                } else {
                    assertThat(err).as(spec.path() + " --" + f.name() + " (hidden)").doesNotStartWith("unknown");
                }
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(150);
    }
}
