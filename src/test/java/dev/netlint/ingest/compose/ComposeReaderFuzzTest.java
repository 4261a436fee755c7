package dev.netlint.ingest.compose;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.netlint.ingest.Directives;
import dev.netlint.ingest.IngestContext;
import dev.netlint.ingest.InputException;
import dev.netlint.ingest.SourceFile;
import dev.netlint.model.InputProblem;
import dev.netlint.model.Model;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Arbitrary input never makes the compose reader throw anything but {@link InputException}.
 * {@code mvn verify} replays the committed seeds in
 * {@code src/test/resources/dev/netlint/ingest/compose/ComposeReaderFuzzTestInputs/read/};
 * {@code JAZZER_FUZZ=1 mvn test -Dtest=ComposeReaderFuzzTest} fuzzes for real.
 */
class ComposeReaderFuzzTest {
    private static final Map<String, String> ENV = Map.of("SUBNET", "10.60.12.0/24", "EMPTY", "", "PORT", "8080");

    @FuzzTest(maxDuration = "30s")
    void read(byte[] input) {
        // Decoded leniently here so that every input reaches the YAML parser; SourceFile's strict
        // decoding has its own tests.
        String text = new String(input, StandardCharsets.UTF_8);
        Model model = new Model();
        IngestContext context = new IngestContext(model, ENV, f -> "local", new Directives());
        try {
            new ComposeReader().read(SourceFile.ofText("fuzz/compose.yaml", text), context);
        } catch (InputException e) {
            assertThat(e.getMessage()).isNotBlank().doesNotContain("\n");
            assertThat(e.line()).isGreaterThanOrEqualTo(0);
            assertThat(e.column()).isGreaterThanOrEqualTo(0);
            return;
        }
        for (InputProblem p : model.inputProblems()) {
            assertThat(p.location()).isNotNull();
            assertThat(p.message()).isNotBlank().doesNotContain("\n");
        }
    }
}
