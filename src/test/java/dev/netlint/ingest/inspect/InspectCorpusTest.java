package dev.netlint.ingest.inspect;

import dev.netlint.engine.LintSettings;
import dev.netlint.engine.Linter;
import dev.netlint.model.Network;
import dev.netlint.model.Project;
import dev.netlint.rules.Finding;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every dump of the shared inspect corpus (real output quoted in public docs and issues) is read
 * without a problem, into networks, and the inspect/topology rules stay quiet on it. Checked by
 * hand: two files are the same macvlan network (same id) copied into two tutorials, so they are
 * one network, not two hosts clashing on a LAN; the overlays come from different tutorials' swarms,
 * which share no network id, so their reuse of 10.0.0.0/24 is not compared.
 */
class InspectCorpusTest {
    private static final Path CORPUS = Path.of("..", "shared", "corpus", "inspect");

    @Test
    void everyCorpusDumpIsReadAndTheCrossHostRulesStayQuiet() throws IOException {
        if (!Files.isDirectory(CORPUS)) {
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError("the shared corpus is missing at " + CORPUS.toAbsolutePath());
            }
            Assumptions.abort("no shared corpus at " + CORPUS.toAbsolutePath());
        }
        List<String> files;
        try (Stream<Path> s = Files.list(CORPUS)) {
            files = s.filter(Files::isRegularFile).map(Path::toString).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(14);
        Linter.Run run = new Linter(new LintSettings().environment(Map.of())).run(files);
        assertThat(run.model().inputProblems()).as("problems reading the corpus").isEmpty();
        assertThat(run.model().skippedInputs()).isEmpty();
        assertThat(run.model().projects()).hasSize(files.size())
                .allSatisfy(p -> assertThat(p.kind()).isEqualTo(Project.Kind.OBSERVED))
                .allSatisfy(p -> assertThat(p.networks()).isNotEmpty());
        List<Finding> mine = run.result().findings().stream()
                .filter(f -> f.ruleId().startsWith("NL00") || f.ruleId().startsWith("NL5") || f.ruleId().startsWith("NL6"))
                .toList();
        assertThat(mine).isEmpty();

        // docker 1.9 printed the gateway with its prefix length: Docker's notation, not a mistake
        Network catnet = run.model().projects().stream()
                .filter(p -> p.name().contains("networking__tutorials.md")).findFirst().orElseThrow()
                .network("catnet").orElseThrow();
        assertThat(catnet.pools().get(0).gateway().asIp().orElseThrow()).hasToString("172.19.0.1");
        assertThat(catnet.endpoints()).hasSize(2);
        run.result().findings().forEach(f -> System.out.println("corpus finding: " + f.location() + " " + f.ruleId() + " " + f.message()));
    }
}
