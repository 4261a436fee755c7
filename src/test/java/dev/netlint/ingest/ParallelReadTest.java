package dev.netlint.ingest;

import dev.netlint.engine.LintResult;
import dev.netlint.engine.LintSettings;
import dev.netlint.engine.Linter;
import dev.netlint.model.Project;
import dev.netlint.rules.RuleRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Files whose reader prepares them (inspect dumps) are parsed several at a time; the result must
 * be exactly that of reading one file after the other: same findings, same input errors, same
 * model, in the same order.
 */
class ParallelReadTest {
    @TempDir
    Path temp;

    @Test
    void parallelPreparationGivesTheSameResultAsSequentialReading() throws IOException {
        List<String> paths = new ArrayList<>(List.of("fixtures"));
        Path corpus = Path.of("../shared/corpus/inspect");
        if (Files.isDirectory(corpus)) {
            paths.add(corpus.toString());
        }
        // A dump cut off half-way (an input error after some networks) and one that is not inspect output.
        String dump = Files.readString(firstJson(Path.of("fixtures/inspect/networks")));
        Files.writeString(temp.resolve("truncated.json"), dump.substring(0, dump.length() / 2));
        Files.writeString(temp.resolve("package.json"), "{\"name\": \"x\"}");
        paths.add(temp.toString());

        Linter.Run parallel = new Linter(new LintSettings(), ReaderRegistry.all(), RuleRegistry.all()).run(paths);
        Linter.Run sequential = new Linter(new LintSettings(), sequentialReaders(), RuleRegistry.all()).run(paths);

        LintResult p = parallel.result();
        LintResult s = sequential.result();
        assertThat(p.filesRead()).isGreaterThan(50);
        assertThat(p.findings()).isNotEmpty().isEqualTo(s.findings());
        assertThat(p.errors()).isNotEmpty().isEqualTo(s.errors());
        assertThat(describe(parallel)).isEqualTo(describe(sequential));
    }

    @Test
    void preparesOnlyWithTwoOrMoreFilesOfAPreparingReader() {
        InputReader inspect = new dev.netlint.ingest.inspect.InspectReader();
        SourceFile a = SourceFile.ofText("a.json", "[]");
        SourceFile b = SourceFile.ofText("b.json", "[]");
        try (Preparer one = Preparer.start(List.of(a), List.of(inspect), 4)) {
            assertThat(one.get(0)).isNull();
        } catch (InputException e) {
            throw new AssertionError(e);
        }
        try (Preparer two = Preparer.start(List.of(a, b), List.of(inspect, inspect), 4)) {
            assertThat(two.get(0)).isNotNull();
            assertThat(two.get(1)).isNotNull();
        } catch (InputException e) {
            throw new AssertionError(e);
        }
    }

    /** The model, in order: projects, their networks and containers. */
    private static List<String> describe(Linter.Run run) {
        List<String> out = new ArrayList<>();
        for (Project project : run.model().projects()) {
            out.add(project.name() + " " + project.host() + " " + project.location());
            project.networks().values().forEach(n -> out.add("  " + n.name() + " " + n.location() + " " + n.pools().size()
                    + " " + n.endpoints().size() + " " + n.options()));
            project.containers().forEach(c -> out.add("  " + c.name() + " " + c.location()));
        }
        return out;
    }

    private static Path firstJson(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(f -> f.toString().endsWith(".json")).sorted().findFirst().orElseThrow();
        }
    }

    /**
     * The registry's readers without their per-file prepare step: the engine then reads one file
     * after the other. The whole-run step (compose projects loaded before any is built) stays.
     */
    private static List<InputReader> sequentialReaders() {
        return ReaderRegistry.all().stream().<InputReader>map(r -> new InputReader() {
            @Override
            public String format() {
                return r.format();
            }

            @Override
            public boolean claimsByName(Path path) {
                return r.claimsByName(path);
            }

            @Override
            public boolean claimsByContent(SourceFile file, byte[] head) {
                return r.claimsByContent(file, head);
            }

            @Override
            public void read(SourceFile file, IngestContext context) throws InputException {
                r.read(file, context);
            }

            @Override
            public void prepare(List<SourceFile> inputs, IngestContext context) {
                r.prepare(inputs, context);
            }
        }).toList();
    }
}
