package dev.netlint.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.netlint.cli.MarkerKit.Outcome;
import dev.netlint.engine.LintResult;
import dev.netlint.model.Severity;
import dev.netlint.model.SourceLocation;
import dev.netlint.report.ReportContext;
import dev.netlint.report.SarifReporter;
import dev.netlint.rules.Finding;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.netlint.cli.MarkerKit.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** SARIF output: valid against the 2.1.0 schema, and what GitHub code scanning needs of an upload. */
class SarifReportTest {
    private static final Path SCHEMA = Path.of("..", "shared", "schemas", "sarif-schema-2.1.0.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Under the working directory (the project root), so that reported paths are relative. */
    Path dir;

    @org.junit.jupiter.api.BeforeEach
    void makeDir() throws IOException {
        Files.createDirectories(Path.of("target"));
        dir = Path.of("").toAbsolutePath().relativize(Files.createTempDirectory(Path.of("target").toAbsolutePath(), "sarif-test-"));
    }

    @org.junit.jupiter.api.AfterEach
    void removeDir() throws IOException {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    static Schema schema() throws IOException {
        if (!Files.isRegularFile(SCHEMA)) {
            if ("true".equals(System.getenv("CI"))) {
                fail("the SARIF schema " + SCHEMA.toAbsolutePath() + " is missing; CI must provide ../shared");
            }
            Assumptions.abort("no " + SCHEMA + " here (CI fails instead of skipping)");
        }
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);
        try (InputStream in = Files.newInputStream(SCHEMA)) {
            return registry.getSchema(in);
        }
    }

    static void assertValid(JsonNode sarif) throws IOException {
        List<Error> errors = schema().validate(sarif);
        assertThat(errors).as("schema violations").isEmpty();
    }

    private String write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p.toString();
    }

    @Test
    void cliOutputIsValidAndComplete() throws IOException {
        write("a.nlt", "error-here\n  note-here\n");
        write("b.nlt", "broken\n");
        Outcome o = run(dir, "--format", "sarif", dir.toString(), dir.resolve("gone.nlt").toString());
        assertThat(o.status()).isEqualTo(2);
        JsonNode log = JSON.readTree(o.out());
        assertValid(log);

        assertThat(log.get("version").asText()).isEqualTo("2.1.0");
        assertThat(log.get("$schema").asText()).contains("sarif");
        JsonNode run = log.get("runs").get(0);
        JsonNode driver = run.get("tool").get("driver");
        assertThat(driver.get("name").asText()).isEqualTo("netlint");
        assertThat(driver.get("version").asText()).isNotBlank();
        assertThat(driver.get("informationUri").asText()).startsWith("https://");
        JsonNode rules = driver.get("rules");
        List<String> ids = new ArrayList<>();
        rules.forEach(r -> ids.add(r.get("id").asText()));
        assertThat(ids).isSorted().contains("NL001", "NL002", "NL991");

        JsonNode nl002 = rules.get(ids.indexOf("NL002"));
        assertThat(nl002.get("name").asText()).isEqualTo("unknown-rule-in-directive");
        assertThat(nl002.get("shortDescription").get("text").asText()).startsWith("A netlint disable directive");
        assertThat(nl002.get("fullDescription").get("text").asText()).startsWith("A `# netlint disable=`");
        assertThat(nl002.get("help").get("markdown").asText()).startsWith("# NL002").contains("## Bad");
        assertThat(nl002.get("help").get("text").asText()).isNotBlank();
        assertThat(nl002.get("helpUri").asText()).endsWith("/rules/NL002.md");
        assertThat(nl002.get("defaultConfiguration").get("level").asText()).isEqualTo("warning");

        JsonNode results = run.get("results");
        assertThat(results).hasSize(3);
        for (JsonNode r : results) {
            String id = r.get("ruleId").asText();
            assertThat(r.get("ruleIndex").asInt()).isEqualTo(ids.indexOf(id));
            assertThat(r.get("partialFingerprints").get(SarifReporter.FINGERPRINT_KEY).asText()).matches("[0-9a-f]{32}:\\d+");
            JsonNode phys = r.get("locations").get(0).get("physicalLocation");
            assertThat(phys.get("artifactLocation").get("uriBaseId").asText()).isEqualTo("%SRCROOT%");
            assertThat(phys.get("artifactLocation").get("uri").asText()).doesNotStartWith("/").doesNotStartWith("file:");
            assertThat(phys.get("region").get("startLine").asInt()).isPositive();
        }
        JsonNode note = results.get(1);
        assertThat(note.get("level").asText()).isEqualTo("note");
        assertThat(note.get("locations").get(0).get("physicalLocation").get("region").toString())
                .isEqualTo("{\"startLine\":2,\"startColumn\":3,\"endLine\":2,\"endColumn\":12}");
        assertThat(run.get("originalUriBaseIds").get("%SRCROOT%").get("uri").asText()).startsWith("file:").endsWith("/");

        JsonNode invocation = run.get("invocations").get(0);
        assertThat(invocation.get("executionSuccessful").asBoolean()).as("a missing path").isFalse();
        List<String> notes = new ArrayList<>();
        invocation.get("toolExecutionNotifications").forEach(n -> notes.add(n.get("message").get("text").asText()));
        assertThat(notes).anySatisfy(n -> assertThat(n).endsWith("b.nlt: cannot parse 'broken'"))
                .anySatisfy(n -> assertThat(n).endsWith("gone.nlt: no such file or directory"));
        assertThat(o.out()).doesNotContain("\"index\" : -1").doesNotContain("\"rank\"");
    }

    @Test
    void fingerprintsSurviveInsertedLinesAndRunsAreIdentical() throws IOException {
        String f = write("f.nlt", "error-here\nerror-here\n");
        Outcome first = run(dir, "--format", "sarif", f);
        Outcome again = run(dir, "--format", "sarif", f);
        assertThat(again.out()).isEqualTo(first.out());
        List<String> before = fingerprints(first.out());
        assertThat(before).hasSize(2).doesNotHaveDuplicates();

        write("f.nlt", "# a new comment\n\nerror-here\nerror-here\n");
        List<String> after = fingerprints(run(dir, "--format", "sarif", f).out());
        assertThat(after).isEqualTo(before);
    }

    private static List<String> fingerprints(String sarif) throws IOException {
        List<String> out = new ArrayList<>();
        JSON.readTree(sarif).get("runs").get(0).get("results")
                .forEach(r -> out.add(r.get("partialFingerprints").get(SarifReporter.FINGERPRINT_KEY).asText()));
        return out;
    }

    @Test
    void filesOutsideTheWorkingDirectoryGetAbsoluteUris(@org.junit.jupiter.api.io.TempDir Path outside) throws IOException {
        Path f = outside.resolve("x.nlt");
        Files.writeString(f, "error-here\n");
        JsonNode log = JSON.readTree(run(outside, "--format", "sarif", f.toString()).out());
        assertValid(log);
        JsonNode art = log.get("runs").get(0).get("results").get(0).get("locations").get(0)
                .get("physicalLocation").get("artifactLocation");
        assertThat(art.has("uriBaseId")).isFalse();
        assertThat(art.get("uri").asText()).isEqualTo(f.toUri().toASCIIString());
    }

    @Test
    void liveLocationsAreLogicalAndHaveNoRegion() throws IOException {
        Finding live = new Finding("NL991", "test-error-marker", Severity.ERROR, "live state",
                SourceLocation.logical("docker://local/network/nlt-net"));
        LintResult result = new LintResult(List.of(live), List.of(), 0);
        StringWriter out = new StringWriter();
        new SarifReporter().write(result, ReportContext.plain(MarkerKit.rules(), "0.0.0-test"), out);
        JsonNode log = JSON.readTree(out.toString());
        assertValid(log);
        JsonNode loc = log.get("runs").get(0).get("results").get(0).get("locations").get(0);
        assertThat(loc.has("physicalLocation")).isFalse();
        assertThat(loc.get("logicalLocations").get(0).get("fullyQualifiedName").asText())
                .isEqualTo("docker://local/network/nlt-net");
    }

    @Test
    void emptyRunStillHasResults() throws IOException {
        StringWriter out = new StringWriter();
        new SarifReporter().write(new LintResult(List.of(), List.of(), 3),
                ReportContext.plain(MarkerKit.rules(), "0.0.0-test"), out);
        JsonNode log = JSON.readTree(out.toString());
        assertValid(log);
        assertThat(log.get("runs").get(0).get("results").isArray()).isTrue();
        assertThat(log.get("runs").get(0).get("invocations").get(0).get("executionSuccessful").asBoolean()).isTrue();
    }
}
