package dev.netlint.corpus;

import dev.netlint.engine.LintResult;
import dev.netlint.engine.LintSettings;
import dev.netlint.engine.Linter;
import dev.netlint.model.Project;
import dev.netlint.rules.Finding;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads every real script and README listed in ../shared/corpus/scripts-SOURCES.tsv, fetched
 * into the git-ignored folder corpus-scripts/ (public code, never committed; see docs/scripts.md
 * for how to fetch it). Skipped, with a message, where the folder is absent (CI has no copy).
 */
class CorpusScriptsTest {
    private static final Path CORPUS = Path.of("corpus-scripts");

    @Test
    void everyCorpusFileIsReadWithoutAnError() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(CORPUS), "skipped: corpus-scripts/ is absent; fetch the files "
                + "listed in ../shared/corpus/scripts-SOURCES.tsv into it to run this test (docs/scripts.md)");
        List<Path> files;
        try (Stream<Path> s = Files.list(CORPUS)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        // each file on its own, as a user would lint one repository: unrelated files linted together
        // would meet as if they were hosts of one site
        int findings = 0;
        for (Path f : files) {
            Linter.Run run = new Linter(new LintSettings()).run(List.of(f.toString()));
            LintResult result = run.result();
            for (Project p : run.model().projects()) {
                System.out.println(p.name() + ": " + p.operations().size() + " docker commands, "
                        + p.networks().size() + " networks, " + p.containers().size() + " containers");
            }
            assertThat(result.filesRead()).as("claimed by the shell or Markdown reader: " + f).isEqualTo(1);
            assertThat(result.errors()).as("read and parse errors in " + f).isEmpty();
            assertThat(result.findings()).noneMatch(x -> x.ruleId().equals("NL001"));
            for (Finding x : result.findings()) {
                System.out.println(x.location() + ": " + x.severity().label() + " " + x.ruleId() + " " + x.message());
            }
            findings += result.findings().size();
        }
        System.out.println("CORPUS: " + files.size() + " files, " + findings + " findings");
    }
}
