package dev.netlint.baseline;

import dev.netlint.engine.LintResult;
import dev.netlint.model.Severity;
import dev.netlint.model.SourceLocation;
import dev.netlint.report.SourceLines;
import dev.netlint.rules.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BaselineTest {
    @TempDir
    Path dir;

    private Finding at(Path file, int line, int col, int endCol, String msg) {
        return new Finding("NL991", "test", Severity.ERROR, msg,
                SourceLocation.of(file.toString(), line, col, line, endCol));
    }

    /** The source lines a lint run of {@code src} would have: its text as read now. */
    private static SourceLines linted(Path src) throws IOException {
        return new SourceLines(java.util.Map.of(src.toString(), Files.readString(src)));
    }

    @Test
    void recordedFindingsAreHiddenEvenAfterLinesAreInsertedAbove() throws IOException {
        Path src = dir.resolve("compose.yaml");
        Files.writeString(src, "a: 1\nsubnet: 10.10.0.5/24\nsubnet: 10.10.0.5/24\n");
        List<Finding> today = List.of(at(src, 2, 9, 21, "host bits at line 2"), at(src, 3, 9, 21, "host bits at line 3"));
        Path base = dir.resolve("baseline.json");
        Baseline.write(base, today, linted(src));
        assertThat(Files.readString(base)).startsWith("{\n  \"netlintBaseline\" : 1,").contains("\"ruleId\" : \"NL991\"");

        Files.writeString(src, "# new\n\na: 1\nsubnet: 10.10.0.5/24\nsubnet: 10.10.0.5/24\nsubnet: 10.10.9.9/24\n");
        List<Finding> tomorrow = List.of(
                at(src, 4, 9, 21, "host bits at line 4"),
                at(src, 5, 9, 21, "host bits at line 5"),
                at(src, 6, 9, 21, "host bits at line 6"));
        LintResult filtered = Baseline.read(base).filter(new LintResult(tomorrow, List.of(), 1), linted(src));
        assertThat(filtered.findings()).extracting(f -> f.location().line()).containsExactly(6);
    }

    @Test
    void aThirdIdenticalLineIsNew() throws IOException {
        Path src = dir.resolve("c.yaml");
        Files.writeString(src, "x: error\nx: error\n");
        Path base = dir.resolve("b.json");
        Baseline.write(base, List.of(at(src, 1, 4, 9, "m"), at(src, 2, 4, 9, "m")), new SourceLines());
        Files.writeString(src, "x: error\nx: error\nx: error\n");
        LintResult r = Baseline.read(base).filter(new LintResult(
                List.of(at(src, 1, 4, 9, "m"), at(src, 2, 4, 9, "m"), at(src, 3, 4, 9, "m")), List.of(), 1), new SourceLines());
        assertThat(r.findings()).hasSize(1);
    }

    @Test
    void anInterruptedWriteLeavesTheOldBaselineIntactAndNoTemporaryFile() throws IOException {
        Path src = dir.resolve("c.yaml");
        Files.writeString(src, "x: error\n");
        Path base = dir.resolve("baseline.json");
        Baseline.write(base, List.of(at(src, 1, 4, 9, "old")), new SourceLines());
        String before = Files.readString(base);

        AtomicFiles.Mover crash = (from, to) -> {
            assertThat(from).exists().hasParent(dir);
            assertThat(Files.readString(from)).contains("\"message\" : \"new\"");
            throw new IOException("simulated crash between write and rename");
        };
        assertThatThrownBy(() -> Baseline.write(base, List.of(at(src, 1, 4, 9, "new"), at(src, 1, 1, 2, "new")),
                new SourceLines(), crash)).hasMessageContaining("simulated crash");
        assertThat(Files.readString(base)).isEqualTo(before);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("baseline.json", "c.yaml");
        }
    }

    @Test
    void aWriterThatFailsHalfWayLeavesNothingBehind() throws IOException {
        Path target = dir.resolve("out.json");
        Files.writeString(target, "old");
        assertThatThrownBy(() -> AtomicFiles.write(target, w -> {
            w.write("partial");
            throw new IOException("disk full");
        })).hasMessage("disk full");
        assertThat(Files.readString(target)).isEqualTo("old");
        try (var files = Files.list(dir)) {
            assertThat(files.toList()).containsExactly(target);
        }
    }

    @Test
    void unreadableBaselinesAreClearErrors() throws IOException {
        assertThatThrownBy(() -> Baseline.read(dir.resolve("none.json"))).hasMessageContaining("does not exist");
        Path junk = dir.resolve("junk.json");
        Files.writeString(junk, "{\"something\": 1}");
        assertThatThrownBy(() -> Baseline.read(junk)).hasMessageContaining("is not a netlint baseline");
    }
}
