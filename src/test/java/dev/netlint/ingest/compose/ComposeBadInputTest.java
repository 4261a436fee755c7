package dev.netlint.ingest.compose;

import dev.netlint.engine.LintResult;
import dev.netlint.engine.LintSettings;
import dev.netlint.engine.Linter;
import dev.netlint.rules.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad inputs give one clear NL001 at the right line, never a stack trace, and a good file linted
 * in the same run is still read.
 */
class ComposeBadInputTest {
    @TempDir
    Path dir;

    private static final String GOOD = """
            services:
              app:
                image: app
                ports: ["127.0.0.1:8080:80"]
            """;

    static Stream<Arguments> badFiles() {
        StringBuilder deep = new StringBuilder("services:\n  web:\n    labels: ");
        deep.append("[".repeat(150)).append("]".repeat(150)).append('\n');
        StringBuilder manyAliases = new StringBuilder("x-a: &a {k: v}\nx-list:\n");
        for (int i = 0; i < YamlLoader.MAX_ALIASES_FOR_COLLECTIONS + 1; i++) {
            manyAliases.append("  - *a\n");
        }
        return Stream.of(
                Arguments.of("syntax error", "services:\n  web:\n    image: a: b\n".getBytes(StandardCharsets.UTF_8), 3,
                        "mapping values are not allowed"),
                Arguments.of("unclosed flow", "services:\n  web:\n    ports: [\"80:80\"\n".getBytes(StandardCharsets.UTF_8), 4,
                        "YAML syntax error"),
                Arguments.of("tab", "services:\n\tweb:\n".getBytes(StandardCharsets.UTF_8), 2, "tab character"),
                Arguments.of("duplicate key", "services:\n  web:\n    image: a\n    image: b\n".getBytes(StandardCharsets.UTF_8), 4,
                        "duplicate key \"image\""),
                Arguments.of("empty", new byte[0], 1, "empty compose file"),
                Arguments.of("only comments", "# nothing here\n".getBytes(StandardCharsets.UTF_8), 1, "empty compose file"),
                Arguments.of("empty mapping", "{}\n".getBytes(StandardCharsets.UTF_8), 1, "empty compose file"),
                Arguments.of("scalar top level", "\n\njust text\n".getBytes(StandardCharsets.UTF_8), 3, "must be a mapping"),
                Arguments.of("networks list", "services: {}\nnetworks:\n  - front\n".getBytes(StandardCharsets.UTF_8), 3,
                        "\"networks\" must be a mapping"),
                Arguments.of("binary", new byte[] {'a', ':', ' ', 'b', '\n', 0, 1, 2, (byte) 0x89}, 2, "binary content"),
                Arguments.of("invalid UTF-8", "services:\n  w\u00e9b: {}\n".getBytes(StandardCharsets.ISO_8859_1),
                        2, "invalid UTF-8"),
                Arguments.of("nesting too deep", deep.toString().getBytes(StandardCharsets.UTF_8), 3, "nesting deeper"),
                Arguments.of("too many aliases", manyAliases.toString().getBytes(StandardCharsets.UTF_8), 1003, "alias bomb"),
                Arguments.of("recursive alias", "services: &s\n  web:\n    networks: *s\n".getBytes(StandardCharsets.UTF_8), 3,
                        "recursive"),
                Arguments.of("bad merge key", "x: &x [1]\nservices:\n  web:\n    <<: *x\n".getBytes(StandardCharsets.UTF_8), 1,
                        "merge key"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void bad_file_gives_one_located_NL001_and_the_good_file_is_still_read(String what, byte[] content, int line,
                                                                         String message) throws IOException {
        Path bad = dir.resolve("a/compose.yaml");
        Files.createDirectories(bad.getParent());
        Files.write(bad, content);
        Path good = ComposeTesting.write(dir, "b/compose.yaml", GOOD);

        Linter.Run run = new Linter(new LintSettings().environment(Map.of())).run(List.of(bad.toString(), good.toString()));
        LintResult result = run.result();

        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("NL001");
            assertThat(f.location().file()).isEqualTo(ComposeReaderTest.display(bad));
            assertThat(f.location().line()).isEqualTo(line);
            assertThat(f.message()).contains(message).doesNotContain("\n").doesNotContain("Exception")
                    .doesNotContain("internal error");
        });
        assertThat(run.model().projects()).singleElement().satisfies(p -> {
            assertThat(p.location().file()).isEqualTo(ComposeReaderTest.display(good));
            assertThat(p.container("app")).isPresent();
            assertThat(p.container("app").get().ports()).hasSize(1);
        });
    }

    @Test
    void twenty_megabyte_file_is_refused_by_size_and_the_good_file_is_read() throws IOException {
        Path big = dir.resolve("big/compose.yaml");
        Files.createDirectories(big.getParent());
        byte[] line = "    - \"10.60.11.1:8080:80\"\n".getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = Files.newOutputStream(big)) {
            out.write("services:\n  web:\n    ports:\n".getBytes(StandardCharsets.UTF_8));
            for (long written = 0; written < 20L * 1024 * 1024; written += line.length) {
                out.write(line);
            }
        }
        Path good = ComposeTesting.write(dir, "b/compose.yaml", GOOD);
        Linter.Run run = new Linter(new LintSettings()).run(List.of(dir.toString()));
        assertThat(run.result().findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("NL001");
            assertThat(f.location().file()).endsWith("big/compose.yaml");
            assertThat(f.location().line()).isEqualTo(1);
            assertThat(f.message()).contains("20 MiB").contains("10 MiB limit");
        });
        assertThat(run.model().projects()).singleElement()
                .satisfies(p -> assertThat(p.location().file()).isEqualTo(ComposeReaderTest.display(good)));
    }

    @Test
    void missing_path_and_directory_where_a_file_is_expected() {
        Path good = ComposeTesting.write(dir, "b/compose.yaml", GOOD);
        LintResult r = new Linter(new LintSettings()).lint(List.of(dir.resolve("nope.yaml").toString(), good.toString()));
        assertThat(r.errors()).singleElement().satisfies(e -> {
            assertThat(e.ioError()).isTrue();
            assertThat(e.message()).isEqualTo("no such file or directory");
        });
        assertThat(r.findings()).extracting(Finding::ruleId).isEmpty();
        assertThat(r.filesRead()).isEqualTo(1);
    }

    @Test
    void a_yaml_file_named_explicitly_is_linted_whatever_its_name() throws IOException {
        Path odd = ComposeTesting.write(dir, "stack.prod.yml", "services:\n  x:\n    ports: [\"1:1:1:1\"]\n");
        Path noExt = ComposeTesting.write(dir, "Stackfile", "# deploy\nservices:\n  y: {image: y}\n");
        Linter.Run run = new Linter(new LintSettings()).run(List.of(odd.toString(), noExt.toString()));
        assertThat(run.model().projects()).hasSize(2);
        assertThat(run.result().findings()).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("invalid host IP address \"1:1\""));
    }
}
