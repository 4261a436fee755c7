package dev.netlint.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.netlint.ingest.ReaderRegistry;
import dev.netlint.report.UnifiedDiff;
import dev.netlint.rules.RuleRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Fixes as reports carry them: SARIF {@code fixes} (valid, exact regions), the github format, and the diff. */
class FixReportTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HOST_BITS = "fixtures/compose/ipam/compose.host-bits-bad.yaml";
    private static final String OVERLAP = "fixtures/compose/ipam/compose.subnet-overlap-bad.yaml";

    @Test
    void sarifFixesAreValidAndReplaceExactlyTheWrittenValue() throws Exception {
        MarkerKit.Outcome o = run("--format", "sarif", HOST_BITS, OVERLAP);
        JsonNode log = JSON.readTree(o.out());
        SarifReportTest.assertValid(log);
        List<String> lines = Files.readAllLines(Path.of(HOST_BITS));
        int safe = 0;
        int suggestions = 0;
        for (JsonNode r : log.get("runs").get(0).get("results")) {
            JsonNode fixes = r.path("fixes");
            if (fixes.isMissingNode()) {
                continue;
            }
            JsonNode fix = fixes.get(0);
            assertThat(fix.path("description").path("text").asText()).isNotBlank();
            JsonNode change = fix.get("artifactChanges").get(0);
            String uri = change.get("artifactLocation").get("uri").asText();
            JsonNode replacement = change.get("replacements").get(0);
            JsonNode region = replacement.get("deletedRegion");
            String inserted = replacement.get("insertedContent").get("text").asText();
            if (fix.path("properties").path("applicability").asText().equals("safe")) {
                safe++;
                assertThat(uri).isEqualTo(HOST_BITS);
                String line = lines.get(region.get("startLine").asInt() - 1);
                String deleted = line.substring(region.get("startColumn").asInt() - 1, region.get("endColumn").asInt() - 1);
                assertThat(deleted).as("the region is the value as written").matches("[0-9a-f.:]+/\\d+");
                assertThat(r.get("message").get("text").asText()).contains("write " + inserted);
            } else {
                suggestions++;
                assertThat(uri).isEqualTo(OVERLAP);
                assertThat(inserted).matches("10\\.\\d+\\.\\d+\\.0/24");
            }
        }
        assertThat(safe).isEqualTo(3);
        assertThat(suggestions).isGreaterThanOrEqualTo(1);
    }

    @Test
    void githubFormatMentionsTheFixAndTheFlagThatAppliesIt() {
        MarkerKit.Outcome o = run("--format", "github", HOST_BITS, OVERLAP);
        assertThat(o.out()).contains("write 10.13.0.0/24 (netlint --fix).")
                .contains("Suggestion: move the subnet to the free block ").contains("(netlint --fix-unsafe applies it).");
    }

    @Test
    void rulesTableMarksFixableRules() {
        MarkerKit.Outcome o = run("rules");
        assertThat(o.out()).containsPattern("NL104 +error +fix +cidr-host-bits-set")
                .containsPattern("NL110 +error +suggest +subnet-overlap")
                .containsPattern("NL102 +error +invalid-gateway");
    }

    /** The diff applies with patch(1) and gives the new text, on 300 random edits of random texts. */
    @Test
    void unifiedDiffAppliesWithPatch(@TempDir Path dir) throws Exception {
        Random random = new Random(7);
        for (int i = 0; i < 300; i++) {
            List<String> before = new ArrayList<>();
            for (int n = random.nextInt(40); n > 0; n--) {
                before.add("line " + random.nextInt(6) + "\n");
            }
            List<String> after = new ArrayList<>(before);
            for (int e = random.nextInt(6); e > 0; e--) {
                int at = after.isEmpty() ? 0 : random.nextInt(after.size() + 1);
                switch (random.nextInt(3)) {
                    case 0 -> after.add(at, "new " + random.nextInt(9) + "\n");
                    case 1 -> { if (at < after.size()) after.remove(at); }
                    default -> { if (at < after.size()) after.set(at, "changed " + random.nextInt(9) + "\n"); }
                }
            }
            String a = String.join("", before);
            String b = String.join("", after);
            String diff = UnifiedDiff.of("f.txt", a, b);
            if (a.equals(b)) {
                assertThat(diff).isEmpty();
                continue;
            }
            Path f = dir.resolve("f.txt");
            Files.writeString(f, a);
            Files.writeString(dir.resolve("d.patch"), diff);
            Process p = new ProcessBuilder("patch", "-s", "-p1", "-i", "d.patch").directory(dir.toFile())
                    .redirectErrorStream(true).start();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            String said = new String(p.getInputStream().readAllBytes());
            assertThat(p.exitValue()).as("patch on case %d: %s%n%s", i, said, diff).isZero();
            assertThat(Files.readString(f)).as("case %d%n%s", i, diff).isEqualTo(b);
        }
    }

    private static MarkerKit.Outcome run(String... args) {
        NetlintCommand command = new NetlintCommand(ReaderRegistry.all(), RuleRegistry.all(), Path.of("").toAbsolutePath());
        var cl = NetlintCommand.commandLine(command);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int status = cl.execute(args);
        return new MarkerKit.Outcome(status, out.toString(), err.toString());
    }
}
