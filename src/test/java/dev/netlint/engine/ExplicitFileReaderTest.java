package dev.netlint.engine;

import dev.netlint.model.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Files named on the command line (as pre-commit, the GitHub Action and the Maven plugin name
 * them): a reader that claims the name wins over content sniffing, and content decides otherwise.
 */
class ExplicitFileReaderTest {
    @TempDir
    Path dir;

    @Test
    void markdownWithAComposeExampleIsReadAsMarkdownNotAsCompose() throws IOException {
        Path readme = dir.resolve("README.md");
        Files.writeString(readme, """
                # Stack

                Start it with this compose file:

                ```yaml
                services:
                  web:
                    image: nginx:1.27
                ```
                """);
        Linter.Run run = new Linter(new LintSettings()).run(List.of(readme.toString()));
        assertThat(run.result().errors()).isEmpty();
        assertThat(run.result().findings()).isEmpty();
        assertThat(run.model().projects()).noneMatch(p -> p.kind() == Project.Kind.DECLARATIVE);
    }

    @Test
    void aYamlFileWithAnotherNameIsStillReadAsComposeByItsContent() throws IOException {
        Path stack = dir.resolve("stack.yml");
        Files.writeString(stack, """
                services:
                  web:
                    image: nginx:1.27
                """);
        Linter.Run run = new Linter(new LintSettings()).run(List.of(stack.toString()));
        assertThat(run.result().errors()).isEmpty();
        assertThat(run.model().projects()).anyMatch(p -> p.kind() == Project.Kind.DECLARATIVE);
    }
}
