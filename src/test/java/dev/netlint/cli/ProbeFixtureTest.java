package dev.netlint.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.netlint.FixtureTest;
import dev.netlint.ingest.live.LiveDaemonFixture;
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
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The probe's fixtures: prepares on a real dockerd the state described in fixtures/probe/README.txt,
 * runs {@code netlint probe fixtures/probe}, and compares the NL7xx findings with the fixtures'
 * {@code # expect:} comments, line-exact (missing and unexpected both fail). The other rules'
 * expectations in those files are FixtureTest's.
 */
class ProbeFixtureTest {
    static final String OTHER = "nlt-pr-fx-other";
    static final String FRONT = "nlt-pr-fx-bad_front";
    static final List<String> NETWORKS = List.of(OTHER, FRONT, "nlt-pr-fx-missing", "nlt-pr-fx-gone",
            "nlt-pr-fx-bad_clash", "nlt-pr-fx-bad_free");
    static final List<String> CONTAINERS = List.of("nlt-pr-fx-holder", "nlt-pr-fx-wildcard", "nlt-pr-fx-bad-web",
            "nlt-pr-fx-job");

    @BeforeAll
    static void prepareTheHost() {
        LiveDaemonFixture.requireDaemon();
        LiveDaemonFixture.remove(CONTAINERS, NETWORKS);
        LiveDaemonFixture.createNetwork(OTHER, "--subnet", "10.199.0.0/24",
                "--label", "com.docker.compose.project=nlt-pr-fx-elsewhere");
        LiveDaemonFixture.createNetwork(FRONT, "--subnet", "10.199.1.0/24",
                "--label", "com.docker.compose.project=nlt-pr-fx-bad", "--label", "com.docker.compose.network=front");
        LiveDaemonFixture.runSleeping("nlt-pr-fx-holder", "--network", OTHER, "--ip", "10.199.0.10",
                "-p", "127.0.0.1:28491:80");
        LiveDaemonFixture.runSleeping("nlt-pr-fx-wildcard", "-p", "28492:80");
        LiveDaemonFixture.runSleeping("nlt-pr-fx-bad-web", "--network", FRONT,
                "--label", "com.docker.compose.project=nlt-pr-fx-bad", "--label", "com.docker.compose.service=web");
    }

    @AfterAll
    static void cleanUp() {
        LiveDaemonFixture.remove(CONTAINERS, NETWORKS);
    }

    @Test
    void probePredictionsAreExactlyTheFixturesExpectations() throws Exception {
        Path root = Path.of("fixtures", "probe");
        Map<String, Integer> expected = new TreeMap<>();
        FixtureTest.expectations(root).forEach((k, v) -> {
            if (k.matches(".* NL7\\d\\d")) {
                expected.put(k, v);
            }
        });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = new picocli.CommandLine(new ProbeCommand().use(Map.of(), Path.of(System.getProperty("user.home")),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)))
                .execute("--host", LiveDaemonFixture.SOCKET, "--format", "json", root.toString());
        String json = out.toString(StandardCharsets.UTF_8);
        assertThat(rc).as(json + err).isEqualTo(1);

        Map<String, Integer> actual = new TreeMap<>();
        List<String> messages = new ArrayList<>();
        for (JsonNode f : new ObjectMapper().readTree(json).get("findings")) {
            String id = f.get("ruleId").asText();
            String file = f.get("file").asText();
            if (id.startsWith("NL7") && file.startsWith("fixtures/probe/")) {
                actual.merge(file + ":" + f.get("line").asInt() + " " + id, 1, Integer::sum);
                messages.add(file + ":" + f.get("line").asInt() + " " + id + " " + f.get("message").asText());
            }
        }
        assertThat(expected).as("the probe fixtures hold NL7xx expectations").isNotEmpty();
        assertThat(actual).as(String.join("\n", messages)).isEqualTo(expected);
        // every prediction rule has a fixture that shows it
        assertThat(expected.keySet().stream().map(k -> k.substring(k.length() - 5)).distinct().sorted())
                .containsExactly("NL701", "NL702", "NL703", "NL704", "NL705", "NL706", "NL707", "NL708");
    }
}
