package dev.netlint.ingest.inspect;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.netlint.ingest.Directives;
import dev.netlint.ingest.IngestContext;
import dev.netlint.ingest.InputException;
import dev.netlint.ingest.SourceFile;
import dev.netlint.ingest.daemonjson.DaemonJsonReader;
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
 * Arbitrary bytes given to the JSON readers yield a model or an {@link InputException}, nothing else,
 * and the NL0xx/NL5xx/NL6xx rules run over whatever model results without throwing. {@code mvn verify}
 * replays the committed corpus in
 * {@code src/test/resources/dev/netlint/ingest/inspect/JsonReadersFuzzTestInputs/}; a real run is
 * {@code JAZZER_FUZZ=1 mvn test -Dtest=JsonReadersFuzzTest}.
 */
class JsonReadersFuzzTest {
    private static final Path FILE;

    static {
        try {
            FILE = Files.createTempFile("netlint-fuzz", ".json");
            FILE.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest(maxDuration = "60s")
    void readersThrowOnlyInputException(byte[] input) throws IOException {
        Files.write(FILE, input);
        byte[] head = java.util.Arrays.copyOf(input, Math.min(input.length, 4096));
        SourceFile file = new SourceFile(FILE, "fuzz.json");
        InspectReader inspect = new InspectReader();
        DaemonJsonReader daemon = new DaemonJsonReader();
        inspect.claimsByContent(file, head);
        boolean daemonShaped = daemon.claimsByContent(file, head);
        Model model = new Model();
        IngestContext context = new IngestContext(model, Map.of(), f -> f, new Directives());
        try {
            inspect.read(file, context);
        } catch (InputException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
        if (daemonShaped) {
            try {
                daemon.read(new SourceFile(FILE, "fuzz-daemon.json"), context);
            } catch (InputException e) {
                assertThat(e.getMessage()).isNotBlank();
            }
        }
        for (Rule r : RuleRegistry.all()) {
            String id = r.info().id();
            if (id.startsWith("NL0") || id.startsWith("NL5") || id.startsWith("NL6")) {
                r.check(model, (rule, location, message) -> assertThat(location).isNotNull());
            }
        }
    }
}
