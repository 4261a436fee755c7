package dev.netlint.ingest.compose;

import dev.netlint.engine.LintSettings;
import dev.netlint.engine.Linter;
import dev.netlint.model.InputProblem;
import dev.netlint.model.Project;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every compose file of the shared corpus (real files from public repositories) is read without
 * an internal error, and each one gives a project.
 */
class ComposeCorpusTest {
    private static final Path CORPUS = Path.of("..", "shared", "corpus", "compose");

    @Test
    void everyCorpusFileIsReadWithoutInternalErrors() throws IOException {
        if (!Files.isDirectory(CORPUS)) {
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError("the shared corpus is missing at " + CORPUS.toAbsolutePath());
            }
            Assumptions.abort("no shared corpus at " + CORPUS.toAbsolutePath());
        }
        List<String> files;
        try (Stream<Path> s = Files.list(CORPUS)) {
            files = s.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml"))
                    .map(Path::toString).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(50);

        // An empty environment: what a file leaves to variables stays unknown instead of reading this machine's.
        Linter.Run run = new Linter(new LintSettings().environment(Map.of())).run(files);

        List<String> internal = new ArrayList<>();
        for (InputProblem p : run.model().inputProblems()) {
            if (p.message().contains("internal error")) {
                internal.add(p.location() + " " + p.message());
            }
        }
        assertThat(internal).as("internal errors").isEmpty();
        // These are real files that Compose reads: none of them may be refused as a whole.
        assertThat(run.model().inputProblems()).as("files refused").noneMatch(InputProblem::fatal);
        assertThat(run.result().errors()).noneMatch(e -> e.ioError());
        List<Project> projects = run.model().projects();
        assertThat(projects).hasSizeGreaterThanOrEqualTo(files.size() - fatalFiles(run));
        assertThat(projects.stream().mapToInt(p -> p.containers().size()).sum()).isGreaterThan(files.size());
        // Printed for the record: what the corpus gives (checked by hand, see the report).
        run.model().inputProblems().forEach(p -> System.out.println("corpus problem: " + p.location() + " " + p.message()));
    }

    private static int fatalFiles(Linter.Run run) {
        return (int) run.model().inputProblems().stream().filter(InputProblem::fatal)
                .map(p -> p.location().file()).distinct().count();
    }
}
