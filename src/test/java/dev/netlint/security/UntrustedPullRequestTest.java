package dev.netlint.security;

import dev.netlint.cli.NetlintCommand;
import dev.netlint.engine.LintResult;
import dev.netlint.engine.LintSettings;
import dev.netlint.engine.Linter;
import dev.netlint.ingest.Environment;
import dev.netlint.ingest.ReaderRegistry;
import dev.netlint.report.ReportContext;
import dev.netlint.report.Reporter;
import dev.netlint.report.SourceLines;
import dev.netlint.rules.RuleRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Each attack of issue 11 ("Untrusted pull requests"), tried as a pull request would: a file tree
 * in a temporary directory, linted through the CLI in every output format. Nothing from outside
 * the tree and no process environment value may appear; nothing may hang or forge a command.
 */
class UntrustedPullRequestTest {
    private static final String SECRET = "s3cr3t-deploy-key-9f2c";

    @TempDir
    Path dir;

    record Outcome(int status, String out, String err) {
        String all() {
            return out + err;
        }
    }

    private Outcome run(String... args) {
        NetlintCommand command = new NetlintCommand(ReaderRegistry.all(), RuleRegistry.all(), dir);
        var cl = NetlintCommand.commandLine(command);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int status = cl.execute(args);
        return new Outcome(status, out.toString(), err.toString());
    }

    /** The same run in every format; each outcome with its format. */
    private Map<String, Outcome> runAllFormats(String... args) {
        Map<String, Outcome> out = new java.util.LinkedHashMap<>();
        for (String format : List.of("text", "json", "sarif", "github")) {
            List<String> a = new ArrayList<>(List.of("--format", format));
            a.addAll(List.of(args));
            out.put(format, run(a.toArray(String[]::new)));
        }
        return out;
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private static String compose(String gateway) {
        return "services:\n  web:\n    image: nginx\n    networks: [front]\nnetworks:\n  front:\n    ipam:\n"
                + "      config:\n        - subnet: 10.233.0.0/24\n          gateway: " + gateway + "\n";
    }

    /** A value from the process environment reaches no report: messages show ${VAR}. */
    @Test
    void processEnvironmentValueIsNeverPrinted() throws IOException {
        write("compose.yaml", compose("${MY_DEPLOY_KEY}"));
        LintSettings settings = new LintSettings().environment(
                Environment.empty().with(Map.of("MY_DEPLOY_KEY", SECRET), Environment.Origin.PROCESS));
        Linter.Run run = new Linter(settings).run(List.of(dir.toString()));
        assertThat(run.result().findings()).as("the value is still checked").isNotEmpty();
        for (Reporter.Format format : Reporter.Format.values()) {
            StringWriter w = new StringWriter();
            ReportContext ctx = new ReportContext(RuleRegistry.all(), "test", new SourceLines(run.sources()), false,
                    dir);
            format.reporter().write(run.result(), ctx, w);
            assertThat(w.toString()).as(format.toString()).doesNotContain(SECRET).contains("${MY_DEPLOY_KEY}");
        }
    }

    /** Lint mode does not read the process environment unless asked. */
    @Test
    void processEnvironmentIsNotReadByDefault() throws IOException {
        String path = System.getenv("PATH");
        assumeThat(path).isNotBlank();
        write("compose.yaml", compose("${PATH}"));
        runAllFormats(dir.toString()).forEach((format, o) ->
                assertThat(o.all()).as(format).doesNotContain(path));
        write("compose.yaml", compose("${GATEWAY}"));
        Outcome explicit = run("--env", "GATEWAY=not-an-ip", dir.toString());
        assertThat(explicit.out()).as("explicit values are the user's own").contains("not-an-ip");
    }

    private void assertRefusedLink(Map<String, Outcome> outcomes, String link, String... secrets) {
        outcomes.forEach((format, o) -> {
            assertThat(o.all()).as(format).contains(link).contains("symbolic link")
                    .doesNotContain("/proc/self", "/proc/kmsg", "/etc/passwd")
                    .doesNotContain("Exception", "\tat ");
            for (String s : secrets) {
                assertThat(o.all()).as(format).doesNotContain(s);
            }
        });
    }

    private static String environValue() {
        String path = System.getenv("PATH");
        return path == null || path.isBlank() ? "PATH=" : path;
    }

    /** An override linked to /proc/self/environ: refused with one message naming the link, with `netlint .`. */
    @Test
    void overrideLinkedToProcSelfEnvironIsRefused() throws IOException {
        write("compose.yaml", compose("10.233.0.1"));
        Files.createSymbolicLink(dir.resolve("compose.override.yaml"), Path.of("/proc/self/environ"));
        assertRefusedLink(runAllFormats(dir.toString()), "compose.override.yaml", environValue());
    }

    /** A .env linked to /etc/passwd: its lines are never echoed. */
    @Test
    void dotEnvLinkedToEtcPasswdIsRefused() throws IOException {
        assumeThat(Path.of("/etc/passwd")).exists();
        write("compose.yaml", compose("${root}"));
        Files.createSymbolicLink(dir.resolve(".env"), Path.of("/etc/passwd"));
        assertRefusedLink(runAllFormats(dir.toString()), ".env", "root:x", "/bin/");
    }

    /** A file named on the command line that is a link out of the tree. */
    @Test
    void namedFileLinkedOutsideIsRefused() throws IOException {
        Files.createSymbolicLink(dir.resolve("compose.yaml"), Path.of("/proc/self/environ"));
        Map<String, Outcome> outcomes = runAllFormats(dir.resolve("compose.yaml").toString());
        outcomes.values().forEach(o -> assertThat(o.status()).isEqualTo(2));
        assertRefusedLink(outcomes, "compose.yaml", environValue());
    }

    /** The pull request's .netlint.yaml linked out of the tree is refused, not parsed and echoed. */
    @Test
    void configLinkedOutsideIsRefused() throws IOException {
        write("compose.yaml", compose("10.233.0.1"));
        Files.createSymbolicLink(dir.resolve(".netlint.yaml"), Path.of("/proc/self/environ"));
        Outcome o = run(dir.toString());
        assertThat(o.status()).isEqualTo(2);
        assertThat(o.err()).contains(".netlint.yaml").contains("symbolic link").doesNotContain(environValue());
    }

    /** --baseline linked to /etc/passwd: the JSON error would quote it. */
    @Test
    void baselineLinkedOutsideIsRefused() throws IOException {
        assumeThat(Path.of("/etc/passwd")).exists();
        write("compose.yaml", compose("10.233.0.1"));
        Files.createSymbolicLink(dir.resolve("baseline.json"), Path.of("/etc/passwd"));
        Outcome o = run("--baseline", dir.resolve("baseline.json").toString(), dir.toString());
        assertThat(o.status()).isEqualTo(2);
        assertThat(o.err()).contains("baseline.json").contains("symbolic link").doesNotContain("root:", "/bin/");
    }

    /** A link to /proc/kmsg (which blocks on read) is refused before it is opened. */
    @Test
    @Timeout(60) // a hang guard, not a speed assertion
    void linkToProcKmsgDoesNotBlock() throws IOException {
        write("compose.yaml", compose("10.233.0.1"));
        Files.createSymbolicLink(dir.resolve("compose.override.yaml"), Path.of("/proc/kmsg"));
        Files.createSymbolicLink(dir.resolve("kmsg.yaml"), Path.of("/proc/kmsg"));
        Outcome o = run(dir.toString(), dir.resolve("kmsg.yaml").toString());
        assertThat(o.status()).isEqualTo(2);
        assertThat(o.all()).contains("compose.override.yaml", "kmsg.yaml").doesNotContain("Exception");
    }

    /** Source lines come from the bytes that were linted, not from the path at report time. */
    @Test
    void sourceLinesAreTheLintedBytes() throws IOException {
        Path f = write("compose.yaml", compose("10.233.9.1"));
        Linter.Run run = new Linter(new LintSettings()).run(List.of(f.toString()));
        Files.delete(f);
        Files.createSymbolicLink(f, Path.of("/proc/self/environ"));
        StringWriter w = new StringWriter();
        Reporter.Format.TEXT.reporter().write(run.result(), new ReportContext(RuleRegistry.all(), "test",
                new SourceLines(run.sources()), false, dir), w);
        assertThat(w.toString()).contains("gateway: 10.233.9.1").doesNotContain(environValue());
    }

    /** Nothing is echoed for binary or undecodable input. */
    @Test
    void noSourceLineForUndecodableInput() throws IOException {
        Path f = dir.resolve("compose.yaml");
        Files.write(f, "services:\n  web: {image: \"\u001b]0;owned\u0007\"}\n\u00ff\u00fe\n".getBytes(StandardCharsets.ISO_8859_1));
        Outcome o = run(f.toString());
        assertThat(o.out()).contains("NL001").contains("UTF-8").doesNotContain("owned").doesNotContain("\u001b");
    }

    private static final String FORGERY = "services:\n"
            + "  web:\n"
            + "    image: nginx\n"
            + "networks:\n"
            + "  front:\n"
            + "    ipam:\n"
            + "      config:\n"
            + "        - subnet: \"10.233.1.5/24\" # ::add-mask::x ##[warning]legacy\n"
            + "        - subnet: \"10.233.4.5/24\\e]0;title\\a\\x9b31m\"\n"
            + "::stop-commands::pwned:\n"
            + "  x: 1\n";

    /** Text output (the Action's default log format) cannot start a workflow command or send ESC. */
    @Test
    void textOutputCannotForgeWorkflowCommands() throws IOException {
        write("compose.yaml", FORGERY);
        for (String extra : List.of("--no-color", "--fail-on=none")) {
            Outcome o = run(extra, dir.toString());
            assertThat(o.out()).contains("NL104").contains("add-mask").contains("\\x1b]0;title");
            for (String line : o.all().split("\n", -1)) {
                assertThat(line.strip()).as(line).doesNotStartWith("::");
                assertThat(line).as(line).doesNotContain("##[", "\u001b", "\u009b", "\u0007", "\r");
            }
        }
    }

    /** The github format escapes data and drops ESC and other controls. */
    @Test
    void githubFormatStripsEscape() throws IOException {
        write("compose.yaml", compose("\"10.233.2.\\e]0;t\\a1\""));
        Outcome o = run("--format", "github", dir.toString());
        assertThat(o.out()).startsWith("::error ").doesNotContain("\u001b", "\u0007");
        assertThat(o.out().lines()).allSatisfy(l -> assertThat(l).startsWith("::"));
    }

    /** picocli's @file expansion is off: "@x" is a file name, even where it would set --output. */
    @Test
    void atFileIsAFileNameNotOptions() throws IOException {
        Path target = dir.resolve("written-by-attacker.txt");
        write("x.json", "--output " + target + "\n--fail-on none\n");
        Path at = write("@x.json", "{}\n");
        for (String[] args : List.of(new String[] {"@" + dir.resolve("x.json")}, new String[] {"--", "@x.json"})) {
            Outcome o = run(args);
            assertThat(target).doesNotExist();
            assertThat(o.status()).as(o.err()).isNotZero();
        }
        assertThat(at).exists();
    }

    /** A pull request's .netlint.yaml that turns everything off is counted in the report; --no-config ignores it. */
    @Test
    void configThatSilencesEverythingIsCountedAndCanBeDistrusted() throws IOException {
        write("compose.yaml", compose("10.233.3.300"));
        write("sub/compose.yaml", compose("10.233.3.301"));
        write(".netlint.yaml", "ignore: [\"sub/**\"]\nrules:\n  NL102: off\n  NL105: off\n  NL104: off\n");
        Outcome trusted = run(dir.toString());
        assertThat(trusted.status()).isZero();
        assertThat(trusted.out()).contains(".netlint.yaml disabled 3 rules and ignored 1 file");
        Outcome sarif = run("--format", "sarif", dir.toString());
        assertThat(sarif.out()).contains("\"netlint/configuration\"").contains("\"rulesDisabled\" : 3")
                .contains("\"filesIgnored\" : 1");
        // Keys in a fixed order, so that two runs on the same input give the same bytes.
        assertThat(sarif.out()).containsPattern("(?s)\"netlint/configuration\" : \\{\\s*\"file\" : [^,]*,"
                + "\\s*\"rulesDisabled\" : 3,\\s*\"filesIgnored\" : 1\\s*}");
        Outcome distrusted = run("--no-config", dir.toString());
        assertThat(distrusted.status()).isEqualTo(1);
        assertThat(distrusted.out()).contains("sub/compose.yaml").doesNotContain("disabled");
        Path base = Files.writeString(Files.createTempFile("base-netlint", ".yaml"), "rules: {}\n");
        try {
            assertThat(run("--config", base.toString(), dir.toString()).status()).isEqualTo(1);
        } finally {
            Files.delete(base);
        }
    }

    /** One 16 KB line with 2,000 findings: the report is capped per file, the line echoed as a window. */
    @Test
    void longLineWithThousandsOfFindingsGivesASmallReport() throws IOException {
        StringBuilder pools = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            pools.append(i == 0 ? "" : ", ").append("{subnet: 10.234.").append(i % 250).append(".").append(i / 250 + 1)
                    .append("/32x}");
        }
        write("compose.yaml", "networks:\n  front:\n    ipam:\n      config: [" + pools + "]\n");
        Outcome o = run(dir.toString());
        assertThat(o.out().length()).as("report size").isLessThan(100_000);
        assertThat(o.out()).contains("NL005").contains("more findings in this file");
        assertThat(o.out().lines().mapToInt(String::length).max().orElse(0)).isLessThan(1200);
    }

    /** Shell nested 32k deep: linted without a stack trace (the walk is bounded). */
    @Test
    void deeplyNestedShellIsLintedWithoutStackTrace() throws IOException {
        int n = 32_000;
        write("nested.sh", "#!/bin/sh\n" + "{ ".repeat(n) + "docker network create x; " + "} ".repeat(n) + "\n");
        Outcome o = run(dir.resolve("nested.sh").toString());
        assertThat(o.status()).as(o.all()).isIn(0, 1);
        assertThat(o.all()).doesNotContain("Exception", "\tat ", "internal error");
    }

    /** A 10 MB one-line flow list stops at the YAML node cap with its own message. */
    @Test
    void tenMegabyteFlowListStopsAtTheNodeCap() throws IOException {
        int n = (10 * 1024 * 1024 - 100) / 2;
        write("compose.yaml", "services:\n  web:\n    ports: [" + "1,".repeat(n - 1) + "1]\n");
        Outcome o = run(dir.toString());
        assertThat(o.status()).isEqualTo(1);
        assertThat(o.out()).contains("NL001").contains("YAML values").doesNotContain("alias bomb");
        assertThat(o.out().length()).isLessThan(2_000);
    }
}
