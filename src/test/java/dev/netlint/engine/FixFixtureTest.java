package dev.netlint.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every fix, tested on the fixtures: a copy of the whole fixtures tree is fixed by the real command
 * line, as a user runs it from the project root. Each file must then equal its expected output,
 * byte for byte ({@code NAME.fixed} after {@code --fix}, {@code NAME.fixed-unsafe} after
 * {@code --fix-unsafe}; a file without one must be untouched); a second run changes nothing; and
 * the re-lint shows no finding that was not there before, and none of the fixed ones.
 */
class FixFixtureTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void safeFixesGiveTheExpectedFilesAndAreIdempotent() throws Exception {
        check("--fix", ".fixed", false);
    }

    @Test
    void unsafeFixesGiveTheExpectedFilesAndAreIdempotent() throws Exception {
        check("--fix-unsafe", ".fixed-unsafe", true);
    }

    @Test
    void dryRunPrintsTheSameChangesAndWritesNothing() throws Exception {
        Path root = copyFixtures();
        Run run = netlint(root, "--fix-dry-run", "fixtures");
        assertThat(run.exit).isEqualTo(1);
        List<String> diffed = run.out.lines().filter(l -> l.startsWith("+++ b/")).map(l -> l.substring(6)).sorted().toList();
        assertThat(diffed).containsExactlyElementsOf(expectedFiles(".fixed"));
        assertThat(changedFiles(root)).isEmpty();
        String hostBits = "fixtures/compose/ipam/compose.host-bits-bad.yaml";
        assertThat(run.out).contains("--- a/" + hostBits + "\n+++ b/" + hostBits + "\n")
                .contains("-        - subnet: 10.13.0.55/24 # expect: NL104\n+        - subnet: 10.13.0.0/24 # expect: NL104\n");
    }

    private void check(String flag, String suffix, boolean unsafe) throws Exception {
        Path root = copyFixtures();
        Map<String, Integer> before = countByFileAndRule(root);
        Map<String, Integer> fixable = fixableByFileAndRule(root, unsafe);
        assertThat(fixable).as("findings with a fix of the kind applied").isNotEmpty();

        Run first = netlint(root, flag, "fixtures");
        assertThat(first.err).contains("netlint: applied ");
        for (String f : allFixtureFiles()) {
            Path expected = Path.of(f + suffix);
            byte[] want = Files.exists(expected) ? Files.readAllBytes(expected) : Files.readAllBytes(Path.of(f));
            assertThat(new String(Files.readAllBytes(root.resolve(f)), StandardCharsets.UTF_8))
                    .as("%s after %s", f, flag).isEqualTo(new String(want, StandardCharsets.UTF_8));
        }

        Map<String, byte[]> once = snapshot(root);
        Run second = netlint(root, flag, "fixtures");
        assertThat(second.err).contains("netlint: applied 0 fixes in 0 files");
        assertThat(snapshot(root)).as("a second %s changes nothing", flag).containsExactlyInAnyOrderEntriesOf(once);

        Map<String, Integer> after = countByFileAndRule(root);
        Map<String, Integer> wantAfter = new TreeMap<>(before);
        fixable.forEach((k, n) -> wantAfter.merge(k, -n, Integer::sum));
        wantAfter.values().removeIf(n -> n == 0);
        assertThat(after).as("findings after the fixes: the fixed ones gone, nothing new").isEqualTo(wantAfter);
    }

    private Path copyFixtures() throws IOException {
        Path root = Files.createTempDirectory(temp, "fix");
        Files.copy(Path.of(".netlint.yaml"), root.resolve(".netlint.yaml"));
        try (Stream<Path> files = Files.walk(Path.of("fixtures"))) {
            for (Path p : files.toList()) {
                Path to = root.resolve(p.toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        return root;
    }

    private static List<String> allFixtureFiles() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("fixtures"))) {
            return files.filter(Files::isRegularFile).map(Path::toString)
                    .filter(f -> !f.endsWith(".fixed") && !f.endsWith(".fixed-unsafe")).sorted().toList();
        }
    }

    private static List<String> expectedFiles(String suffix) throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("fixtures"))) {
            return files.map(Path::toString).filter(f -> f.endsWith(suffix))
                    .map(f -> f.substring(0, f.length() - suffix.length())).sorted().toList();
        }
    }

    private List<String> changedFiles(Path root) throws IOException {
        List<String> out = new ArrayList<>();
        for (String f : allFixtureFiles()) {
            if (!java.util.Arrays.equals(Files.readAllBytes(root.resolve(f)), Files.readAllBytes(Path.of(f)))) {
                out.add(f);
            }
        }
        return out;
    }

    private Map<String, byte[]> snapshot(Path root) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        for (String f : allFixtureFiles()) {
            out.put(f, Files.readAllBytes(root.resolve(f)));
        }
        return out;
    }

    /** Findings per "file rule", from the SARIF report. */
    private Map<String, Integer> countByFileAndRule(Path root) throws Exception {
        Map<String, Integer> out = new TreeMap<>();
        for (JsonNode r : results(root)) {
            out.merge(key(r), 1, Integer::sum);
        }
        return out;
    }

    private Map<String, Integer> fixableByFileAndRule(Path root, boolean unsafe) throws Exception {
        Map<String, Integer> out = new TreeMap<>();
        for (JsonNode r : results(root)) {
            JsonNode fixes = r.path("fixes");
            if (fixes.isArray() && !fixes.isEmpty()) {
                String kind = fixes.get(0).path("properties").path("applicability").asText();
                if (kind.equals("safe") || unsafe) {
                    out.merge(key(r), 1, Integer::sum);
                }
            }
        }
        return out;
    }

    private List<JsonNode> results(Path root) throws Exception {
        // no per-file cap here: every finding is counted, fixed ones included
        Run run = netlint(root, "--format", "sarif", "--max-findings-per-file", "1000000", "fixtures");
        List<JsonNode> out = new ArrayList<>();
        JSON.readTree(run.out).path("runs").get(0).path("results").forEach(out::add);
        return out;
    }

    private static String key(JsonNode result) {
        return result.path("locations").get(0).path("physicalLocation").path("artifactLocation").path("uri").asText()
                + " " + result.path("ruleId").asText();
    }

    private record Run(int exit, String out, String err) {
    }

    /** The real command line in its own JVM, run from {@code dir} as a user runs it from a project root. */
    private static Run netlint(Path dir, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                "dev.netlint.cli.NetlintCommand"));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile("netlint-out", ".txt");
        Path err = Files.createTempFile("netlint-err", ".txt");
        try {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("netlint did not finish: " + cmd);
            }
            return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
