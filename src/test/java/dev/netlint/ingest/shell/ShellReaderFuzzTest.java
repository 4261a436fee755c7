package dev.netlint.ingest.shell;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.netlint.ingest.Directives;
import dev.netlint.ingest.IngestContext;
import dev.netlint.ingest.InputException;
import dev.netlint.ingest.InputReader;
import dev.netlint.ingest.SourceFile;
import dev.netlint.model.Model;
import dev.netlint.rules.Rule;
import dev.netlint.rules.RuleRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Arbitrary bytes through the script and Markdown readers, then every rule over the model they
 * built: nothing may throw except {@link InputException} (a located parse error). Hangs are ruled
 * out by construction: the tree-sitter parse has a time budget, and the walks are depth-bounded.
 * The seed corpus under src/test/resources replays in {@code mvn verify}; fuzz for real with
 * {@code JAZZER_FUZZ=1 mvn -o test -Dtest=ShellReaderFuzzTest#scriptReader}.
 */
class ShellReaderFuzzTest {
    private static final Path FILE = tempFile();

    private static Path tempFile() {
        try {
            Path p = Files.createTempFile("netlint-fuzz", ".sh");
            p.toFile().deleteOnExit();
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest(maxDuration = "3m")
    void scriptReader(byte[] data) throws IOException {
        readThenLint(new ShellScriptReader(), data);
    }

    @FuzzTest(maxDuration = "3m")
    void markdownReader(byte[] data) throws IOException {
        readThenLint(new MarkdownShellReader(), data);
    }

    private static void readThenLint(InputReader reader, byte[] data) throws IOException {
        Files.write(FILE, data);
        Model model = new Model();
        IngestContext ctx = new IngestContext(model, Map.of(), f -> "fuzz-host", new Directives());
        SourceFile file = new SourceFile(FILE, "fuzz-input");
        reader.claimsByContent(file, data.length > 4096 ? java.util.Arrays.copyOf(data, 4096) : data);
        try {
            reader.read(file, ctx);
        } catch (InputException e) {
            assertThat(e.getMessage()).isNotBlank();
            return;
        }
        for (Rule rule : RuleRegistry.all()) {
            rule.check(model, (r, location, message) -> {
                assertThat(location).isNotNull();
                assertThat(message).isNotBlank();
            });
        }
    }
}
