package dev.netlint;

import dev.netlint.engine.LintResult;
import dev.netlint.engine.Linter;
import dev.netlint.rules.Finding;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs netlint over the whole fixtures/ tree in one run (exactly what {@code netlint fixtures/}
 * does) and compares findings with the expectations written in the fixtures; see fixtures/README.md.
 * A missing finding and an unexpected one both fail, line-exact.
 */
public class FixtureTest {
    private static final Pattern SAME_LINE = Pattern.compile("expect:\\s*(NL\\d{3}(?:\\s*,\\s*NL\\d{3})*)");
    private static final Pattern NEXT_LINE = Pattern.compile("expect-next-line:\\s*(NL\\d{3}(?:\\s*,\\s*NL\\d{3})*)");
    private static final Pattern SIDECAR = Pattern.compile("^\\s*(\\d+)\\s*:\\s*(NL\\d{3}(?:\\s*,\\s*NL\\d{3})*)\\s*$");

    @Test
    void everyFixtureGetsExactlyItsExpectedFindings() throws IOException {
        Path root = Path.of("fixtures");
        LintResult result = new Linter(TestSettings.forFixtures()).lint(List.of("fixtures"));

        Map<String, Integer> expected = new TreeMap<>(expectations(root));
        // NL7xx are probe predictions against a live daemon: ProbeFixtureTest checks them.
        expected.keySet().removeIf(k -> k.matches(".* NL7\\d\\d"));
        Map<String, Integer> actual = new TreeMap<>();
        Map<String, String> messages = new TreeMap<>();
        for (Finding f : result.findings()) {
            String key = f.location().file() + ":" + f.location().line() + " " + f.ruleId();
            actual.merge(key, 1, Integer::sum);
            messages.merge(key, f.message(), (a, b) -> a + " | " + b);
        }
        List<String> missing = new ArrayList<>();
        List<String> unexpected = new ArrayList<>();
        for (var e : expected.entrySet()) {
            int got = actual.getOrDefault(e.getKey(), 0);
            for (int i = got; i < e.getValue(); i++) {
                missing.add(e.getKey());
            }
        }
        for (var e : actual.entrySet()) {
            int want = expected.getOrDefault(e.getKey(), 0);
            for (int i = want; i < e.getValue(); i++) {
                unexpected.add(e.getKey() + "  -- " + messages.get(e.getKey()));
            }
        }
        assertThat(expected).as("the fixtures hold expectations").isNotEmpty();
        assertThat(missing).as("expected findings that did not appear").isEmpty();
        assertThat(unexpected).as("findings no fixture expects").isEmpty();
    }

    /** "file:line ID" → count, from inline comments and from FILE.expect sidecars. */
    public static Map<String, Integer> expectations(Path root) throws IOException {
        Map<String, Integer> out = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            // NAME.fixed and NAME.fixed-unsafe are expected outputs of --fix (FixFixtureTest), not inputs
            files = s.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".fixed")
                    && !f.toString().endsWith(".fixed-unsafe")).sorted().toList();
        }
        for (Path p : files) {
            String shown = p.toString().replace('\\', '/');
            if (shown.equals(root.resolve("README.md").toString().replace('\\', '/'))) {
                continue; // documents the syntax; its examples are not expectations
            }
            if (shown.endsWith(".expect")) {
                String target = shown.substring(0, shown.length() - ".expect".length());
                for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
                    Matcher m = SIDECAR.matcher(line);
                    if (m.matches()) {
                        add(out, target, Integer.parseInt(m.group(1)), m.group(2));
                    }
                }
                continue;
            }
            byte[] bytes = Files.readAllBytes(p);
            String text = new String(bytes, StandardCharsets.UTF_8);
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                Matcher next = NEXT_LINE.matcher(lines[i]);
                if (next.find()) {
                    int target = i + 1;
                    while (target < lines.length && (lines[target].isBlank()
                            || NEXT_LINE.matcher(lines[target]).find())) {
                        target++;
                    }
                    add(out, shown, target + 1, next.group(1));
                    continue;
                }
                Matcher same = SAME_LINE.matcher(lines[i]);
                if (same.find()) {
                    add(out, shown, i + 1, same.group(1));
                }
            }
        }
        return out;
    }

    private static void add(Map<String, Integer> out, String file, int line, String ids) {
        for (String id : ids.split("\\s*,\\s*")) {
            out.merge(file + ":" + line + " " + id.trim(), 1, Integer::sum);
        }
    }
}
