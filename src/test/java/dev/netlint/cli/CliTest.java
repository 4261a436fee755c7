package dev.netlint.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.netlint.cli.MarkerKit.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.netlint.cli.MarkerKit.run;
import static org.assertj.core.api.Assertions.assertThat;

class CliTest {
    @TempDir
    Path dir;

    private String write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p.toString();
    }

    @Test
    void cleanInputExitsZero() throws IOException {
        String f = write("clean.nlt", "nothing to see\n");
        Outcome o = run(dir, f);
        assertThat(o.status()).isZero();
        assertThat(o.out()).isEqualTo("0 errors, 0 warnings, 0 notes in 1 file\n");
        assertThat(o.err()).isEmpty();
    }

    @Test
    void errorFindingExitsOneWithCaretAndSummary() throws IOException {
        String f = write("bad.nlt", "first line\n  value: error-here # trailing\n");
        Outcome o = run(dir, f);
        assertThat(o.status()).isEqualTo(1);
        assertThat(o.out()).isEqualTo(f + ":2:10: error NL991 found a error marker, fix it: write something else\n"
                + "      value: error-here # trailing\n"
                + "             ^~~~~~~~~~\n"
                + "1 error, 0 warnings, 0 notes in 1 file\n");
    }

    @Test
    void lintSubcommandIsTheDefault() throws IOException {
        String f = write("bad.nlt", "error-here\n");
        Outcome implicit = run(dir, "--format", "json", f);
        Outcome explicit = run(dir, "lint", "--format", "json", f);
        assertThat(explicit.status()).isEqualTo(implicit.status()).isEqualTo(1);
        assertThat(explicit.out()).isEqualTo(implicit.out());
    }

    @Test
    void failOnThresholds() throws IOException {
        String f = write("w.nlt", "warning-here\nnote-here\n");
        assertThat(run(dir, f).status()).as("default: error").isZero();
        assertThat(run(dir, "--fail-on", "warning", f).status()).isEqualTo(1);
        assertThat(run(dir, "--fail-on", "note", f).status()).isEqualTo(1);
        String e = write("e.nlt", "error-here\n");
        assertThat(run(dir, "--fail-on", "none", e).status()).isZero();
    }

    @Test
    void missingPathIsExitTwoWithOneLine() throws IOException {
        String good = write("ok.nlt", "error-here\n");
        Outcome o = run(dir, "--format", "json", dir.resolve("missing.nlt").toString(), good);
        assertThat(o.status()).isEqualTo(2);
        assertThat(o.errLines()).containsExactly("netlint: " + dir.resolve("missing.nlt") + ": no such file or directory");
        assertThat(o.out()).as("the other input is still linted").contains("\"NL991\"").contains("\"errors\"");
    }

    @Test
    void usageErrorsAreOneLineWithoutStackTrace() {
        Outcome bad = run(dir, "--format", "xml", "x");
        assertThat(bad.status()).isEqualTo(2);
        assertThat(bad.errLines()).hasSize(1);
        assertThat(bad.err()).contains("'xml'").doesNotContain("Exception").doesNotContain("\tat ");

        Outcome unknown = run(dir, "--frobnicate", "x");
        assertThat(unknown.status()).isEqualTo(2);
        assertThat(unknown.errLines()).hasSize(1);

        Outcome none = run(dir);
        assertThat(none.status()).isEqualTo(2);
        assertThat(none.errLines()).singleElement().asString().contains("no PATH given");

        Outcome rule = run(dir, "--disable", "NL999", "x");
        assertThat(rule.status()).isEqualTo(2);
        assertThat(rule.errLines()).containsExactly("netlint: --disable: unknown rule 'NL999' (`netlint rules` lists them)");
    }

    @Test
    void debugPrintsTheStackTrace() {
        Outcome o = run(dir, "--debug", "--config", dir.resolve("nope.yaml").toString(), "x");
        assertThat(o.status()).isEqualTo(2);
        assertThat(o.err()).contains("ConfigException").contains("\tat ");
    }

    @Test
    void jsonIsByteIdenticalAcrossRunsAndHasTheDocumentedShape() throws IOException {
        write("a/one.nlt", "note-here warning-here\nerror-here\n");
        write("b/two.nlt", "error-here\nbroken\n");
        Outcome first = run(dir, "--format", "json", dir.toString());
        Outcome second = run(dir, "--format", "json", dir.toString());
        assertThat(first.status()).isEqualTo(1);
        assertThat(second.out()).isEqualTo(first.out());

        JsonNode root = new ObjectMapper().readTree(first.out());
        List<String> top = new ArrayList<>();
        root.fieldNames().forEachRemaining(top::add);
        assertThat(top).containsExactly("findings", "errors");
        JsonNode f0 = root.get("findings").get(0);
        List<String> fields = new ArrayList<>();
        f0.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("ruleId", "name", "severity", "message", "file", "line", "column",
                "endLine", "endColumn");
        assertThat(f0.get("ruleId").asText()).isEqualTo("NL993");
        assertThat(f0.get("severity").asText()).isEqualTo("note");
        assertThat(f0.get("line").asInt()).isEqualTo(1);
        assertThat(f0.get("column").asInt()).isEqualTo(1);
        assertThat(f0.get("endColumn").asInt()).isEqualTo(10);
        List<String> order = new ArrayList<>();
        root.get("findings").forEach(n -> order.add(n.get("file").asText().replace(dir.toString(), "")
                + ":" + n.get("line").asInt() + ":" + n.get("column").asInt() + " " + n.get("ruleId").asText()));
        assertThat(order).containsExactly("/a/one.nlt:1:1 NL993", "/a/one.nlt:1:11 NL992", "/a/one.nlt:2:1 NL991",
                "/b/two.nlt:2:1 NL001");
        JsonNode err = root.get("errors").get(0);
        assertThat(err.get("file").asText()).endsWith("b/two.nlt");
        assertThat(err.get("line").asInt()).isEqualTo(2);
        assertThat(err.get("message").asText()).isEqualTo("cannot parse 'broken'");
    }

    @Test
    void disableAndEnable() throws IOException {
        String f = write("e.nlt", "error-here\n");
        assertThat(run(dir, "--disable", "NL991", f).status()).isZero();
        assertThat(run(dir, "--disable", "test-error-marker,NL992", f).status()).isZero();
        write(".netlint.yaml", "rules:\n  NL991: off\n");
        assertThat(run(dir, f).status()).as("config turns it off").isZero();
        assertThat(run(dir, "--enable", "NL991", f).status()).as("the flag overrides the file").isEqualTo(1);
    }

    @Test
    void configFromWorkingDirectoryOrAboveAndFailOn() throws IOException {
        write(".netlint.yaml", "failOn: warning\nrules:\n  NL993: error\n");
        Path sub = dir.resolve("deep/er");
        Files.createDirectories(sub);
        String w = write("deep/er/w.nlt", "warning-here\n");
        assertThat(run(sub, w).status()).as("failOn: warning from a parent directory").isEqualTo(1);
        assertThat(run(sub, "--fail-on", "error", w).status()).as("flag beats file").isZero();
        String n = write("deep/er/n.nlt", "note-here\n");
        Outcome o = run(sub, "--fail-on", "error", n);
        assertThat(o.status()).as("severity override").isEqualTo(1);
        assertThat(o.out()).contains(": error NL993 ");
    }

    @Test
    void configErrorsAreLocatedAndExitTwo() throws IOException {
        String f = write("e.nlt", "error-here\n");
        String cfg = write("bad.yaml", "failOn: error\nrulez:\n  NL991: off\n");
        Outcome o = run(dir, "--config", cfg, f);
        assertThat(o.status()).isEqualTo(2);
        assertThat(o.errLines()).singleElement().asString()
                .startsWith("netlint: " + cfg + ":2:1: unknown key 'rulez'");

        String cidr = write("cidr.yaml", "hostNetworks:\n  - 10.0.0.0/8\n  - 10.300.0.0/16\n");
        Outcome c = run(dir, "--config", cidr, f);
        assertThat(c.status()).isEqualTo(2);
        assertThat(c.errLines()).singleElement().asString().startsWith("netlint: " + cidr + ":3:5: hostNetworks: ");
    }

    @Test
    void outputGoesToTheFile() throws IOException {
        String f = write("e.nlt", "error-here\n");
        Path report = dir.resolve("out/report.json");
        Files.createDirectories(report.getParent());
        Outcome o = run(dir, "--format", "json", "--output", report.toString(), f);
        assertThat(o.status()).isEqualTo(1);
        assertThat(o.out()).isEmpty();
        assertThat(Files.readString(report)).contains("\"ruleId\" : \"NL991\"");
        try (var s = Files.list(report.getParent())) {
            assertThat(s.toList()).containsExactly(report);
        }
    }

    @Test
    void versionComesFromTheBuild() {
        Outcome o = run(dir, "--version");
        assertThat(o.status()).isZero();
        assertThat(o.out()).startsWith("netlint ").doesNotContain("unknown").doesNotContain("${");
    }

    @Test
    void rulesListsAndPrintsPages() {
        Outcome list = run(dir, "rules");
        assertThat(list.status()).isZero();
        assertThat(list.out().lines().findFirst()).hasValueSatisfying(h -> assertThat(h).startsWith("ID "));
        assertThat(list.out()).contains("NL002   warning            unknown-rule-in-directive").contains("NL991")
                .contains("FIX: 'fix' = netlint --fix applies it");
        assertThat(RulesCommand.fixMarker(new dev.netlint.rules.ipam.HostBitsSet().info())).isEqualTo("fix");
        assertThat(RulesCommand.fixMarker(new dev.netlint.rules.ipam.SubnetOverlap().info())).isEqualTo("suggest");
        assertThat(RulesCommand.fixMarker(new dev.netlint.rules.input.UnusedDirective().info())).isEmpty();

        Outcome page = run(dir, "rules", "NL002");
        assertThat(page.status()).isZero();
        assertThat(page.out()).startsWith("# NL002 unknown-rule-in-directive\nSeverity: warning\n").contains("## Why");
        assertThat(run(dir, "rules", "unused-directive").out()).startsWith("# NL003 unused-directive");

        Outcome unknown = run(dir, "rules", "NL999");
        assertThat(unknown.status()).isEqualTo(2);
        assertThat(unknown.errLines()).hasSize(1);
    }

    @Test
    void helpIsGenerated() {
        Outcome o = run(dir, "--help");
        assertThat(o.status()).isZero();
        assertThat(o.out()).contains("netlint [lint] [OPTIONS] PATH...").contains("--fail-on")
                .contains("rules").contains("init").contains("Exit status");
    }

    /** The options are declared in code for both spellings of the command; help shows them alike. */
    @Test
    void lintHelpListsTheSameOptionsAndShowsVariablesAsWritten() {
        Outcome root = run(dir, "--help");
        Outcome lint = run(dir, "lint", "--help");
        assertThat(lint.status()).isZero();
        String rootOptions = root.out().substring(root.out().indexOf("[PATH...]"), root.out().indexOf("Commands:"));
        assertThat(lint.out()).contains(rootOptions.strip());
        assertThat(root.out()).contains("${NAME} interpolation").doesNotContain("null interpolation");
    }

    @Test
    void initWritesAStarterThatLoadsAndRefusesToOverwrite() throws IOException {
        Outcome o = run(dir, "init");
        Path cfg = dir.resolve(".netlint.yaml");
        assertThat(o.status()).isZero();
        assertThat(cfg).exists();
        String text = Files.readString(cfg);
        assertThat(text).startsWith("# netlint configuration");

        String f = write("e.nlt", "error-here\n");
        assertThat(run(dir, f).status()).as("the starter is a valid configuration").isEqualTo(1);

        Files.writeString(cfg, "failOn: none\n");
        Outcome again = run(dir, "init");
        assertThat(again.status()).isEqualTo(2);
        assertThat(again.errLines()).singleElement().asString().contains("already exists").contains("--force");
        assertThat(Files.readString(cfg)).isEqualTo("failOn: none\n");

        assertThat(run(dir, "init", "--force").status()).isZero();
        assertThat(Files.readString(cfg)).isEqualTo(text);
    }

    @Test
    void directivesSuppressAndUnknownIdsAreReported() throws IOException {
        String f = write("d.nlt", String.join("\n",
                "# netlint disable=NL991",
                "error-here",
                "error-here # netlint disable=NL991,NL9x1",
                "warning-here",
                ""));
        Outcome o = run(dir, "--format", "json", f);
        JsonNode findings = new ObjectMapper().readTree(o.out()).get("findings");
        List<String> got = new ArrayList<>();
        findings.forEach(n -> got.add(n.get("line").asInt() + ":" + n.get("column").asInt() + " " + n.get("ruleId").asText()));
        assertThat(got).containsExactly("3:36 NL002", "4:1 NL992");
        assertThat(findings.get(0).get("message").asText()).startsWith("'NL9X1' is not a rule id");
    }

    @Test
    void unusedDirectivesOnlyWithTheFlag() throws IOException {
        String f = write("u.nlt", String.join("\n",
                "# netlint disable-file=NL993",
                "# netlint disable=NL991,NL992",
                "warning-here",
                "plain line # netlint disable=NL991",
                ""));
        Outcome without = run(dir, "--format", "json", f);
        assertThat(new ObjectMapper().readTree(without.out()).get("findings")).isEmpty();

        Outcome with = run(dir, "--format", "json", "--report-unused-disables", f);
        JsonNode findings = new ObjectMapper().readTree(with.out()).get("findings");
        List<String> got = new ArrayList<>();
        findings.forEach(n -> got.add(n.get("line").asInt() + ":" + n.get("column").asInt() + " "
                + n.get("ruleId").asText() + " " + n.get("message").asText()));
        assertThat(got).containsExactly(
                "1:24 NL003 this directive suppresses NL993, but no NL993 finding was reported in this file;"
                        + " remove NL993 from the directive",
                "2:19 NL003 this directive suppresses NL991, but no NL991 finding was reported on line 3;"
                        + " remove NL991 from the directive",
                "4:30 NL003 this directive suppresses NL991, but no NL991 finding was reported on line 4;"
                        + " remove NL991 from the directive");
        assertThat(with.status()).as("NL003 is a warning").isZero();

        Outcome disabledRule = run(dir, "--format", "json", "--report-unused-disables", "--disable", "NL991", f);
        assertThat(disabledRule.out()).as("a rule that did not run is not 'unused'").doesNotContain("NL991 finding");
    }

    @Test
    void githubFormat() throws IOException {
        String f = write("g.nlt", "note-here\n");
        Outcome o = run(dir, "--format", "github", f);
        assertThat(o.out()).isEqualTo("::notice file=" + f.replace(":", "%3A").replace(",", "%2C")
                + ",line=1,col=1,endLine=1,endColumn=10,title=NL993 test-note-marker::found a note marker%2C fix it"
                .replace("%2C", ",") + ": write something else\n");
    }
}
