package dev.netlint.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.netlint.ingest.ReaderRegistry;
import dev.netlint.rules.RuleRegistry;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** The real readers and rules over the shared corpus of real compose files: SARIF that validates. */
class SarifCorpusTest {
    private static final Path CORPUS = Path.of("..", "shared", "corpus", "compose");

    @Test
    void realComposeFilesGiveValidSarifWithDistinctFingerprints() throws IOException {
        if (!Files.isDirectory(CORPUS)) {
            if ("true".equals(System.getenv("CI"))) {
                fail("the corpus " + CORPUS.toAbsolutePath() + " is missing; CI must provide ../shared");
            }
            Assumptions.abort("no " + CORPUS + " here (CI fails instead of skipping)");
        }
        List<String> args = new ArrayList<>(List.of("--format", "sarif", "--fail-on", "none"));
        try (Stream<Path> s = Files.list(CORPUS)) {
            s.filter(Files::isRegularFile).map(Path::toString).sorted().forEach(args::add);
        }
        var cl = NetlintCommand.commandLine(new NetlintCommand(ReaderRegistry.all(), RuleRegistry.all(), Path.of("")));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int status = cl.execute(args.toArray(String[]::new));
        assertThat(err.toString()).isEmpty();
        assertThat(status).isZero();

        JsonNode log = new ObjectMapper().readTree(out.toString());
        SarifReportTest.assertValid(log);
        Set<String> fingerprints = new HashSet<>();
        for (JsonNode r : log.get("runs").get(0).get("results")) {
            assertThat(fingerprints.add(r.get("partialFingerprints").get("netlint/v1").asText()))
                    .as("fingerprint of %s", r).isTrue();
            assertThat(r.get("ruleIndex").asInt()).isNotNegative();
        }
    }
}
