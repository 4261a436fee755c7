package dev.netlint.cli;

import dev.netlint.baseline.Baseline;
import dev.netlint.engine.LintResult;
import dev.netlint.engine.LintSettings;
import dev.netlint.engine.Linter;
import dev.netlint.report.SourceLines;
import dev.netlint.rules.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Merged ids stay aliases: a former id (NL413, now NL201; NL417, now NL106/NL107/NL108) still works in
 * directives, --disable/--enable, .netlint.yaml and baselines, and `netlint rules OLDID` names its rule.
 */
class FormerIdsTest {
    private static final String HOST_PORTS = "docker run -d --name a --network host -p 8080:80 web\n";

    @TempDir
    Path dir;

    record Outcome(int rc, String out, String err) {
    }

    private static Outcome netlint(String... args) {
        CommandLine cl = NetlintCommand.commandLine(new NetlintCommand());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int rc = cl.execute(args);
        return new Outcome(rc, out.toString(), err.toString());
    }

    private String write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p.toString();
    }

    private String emptyConfig() throws IOException {
        return write("empty.netlint.yaml", "rules: {}\n");
    }

    @Test
    void theScriptMistakeIsReportedUnderTheMergedId() throws IOException {
        Outcome o = netlint("--config", emptyConfig(), write("deploy.sh", HOST_PORTS));
        assertThat(o.out()).contains("NL201").doesNotContain("NL413");
    }

    @Test
    void aDirectiveWithTheFormerIdSuppressesAndCountsAsUsed() throws IOException {
        String f = write("deploy.sh", "# netlint disable=NL413\n" + HOST_PORTS);
        Outcome o = netlint("--config", emptyConfig(), "--report-unused-disables", f);
        assertThat(o.out()).doesNotContain("NL201").doesNotContain("NL002").doesNotContain("NL003");
    }

    @Test
    void disableAndEnableAcceptTheFormerId() throws IOException {
        String f = write("deploy.sh", HOST_PORTS);
        assertThat(netlint("--config", emptyConfig(), "--disable", "NL413", f).out()).doesNotContain("NL201");
        String off = write("off.netlint.yaml", "rules:\n  NL413: off\n");
        assertThat(netlint("--config", off, f).out()).doesNotContain("NL201");
        assertThat(netlint("--config", off, "--enable", "NL413", f).out()).contains("NL201");
    }

    @Test
    void aSplitIdReachesEveryRuleItBecame() throws IOException {
        String f = write("deploy.sh", """
                docker network create --subnet 10.62.1.0/24 n
                docker run -d --name a --network n --ip 10.62.2.5 web
                docker run -d --name b --network n --ip 10.62.1.1 web
                """);
        Outcome on = netlint("--config", emptyConfig(), f);
        assertThat(on.out()).contains("NL106").contains("NL108");
        Outcome off = netlint("--config", emptyConfig(), "--disable", "NL417", f);
        assertThat(off.out()).doesNotContain("NL106").doesNotContain("NL108");
    }

    @Test
    void aBaselineWrittenWithTheFormerIdStillMatches() throws IOException {
        String f = write("deploy.sh", HOST_PORTS);
        LintResult result = new Linter(new LintSettings()).lint(List.of(f));
        List<Finding> today = result.findings().stream().filter(x -> x.ruleId().equals("NL201")).toList();
        assertThat(today).hasSize(1);
        // what an older netlint recorded: the same finding under NL413
        List<Finding> old = today.stream().map(x -> new Finding("NL413", "host-mode-published-ports", x.severity(),
                x.message(), x.location())).toList();
        Path base = dir.resolve("baseline.json");
        Baseline.write(base, old, new SourceLines());
        LintResult filtered = Baseline.read(base).filter(new LintResult(today, List.of(), 1), new SourceLines());
        assertThat(filtered.findings()).isEmpty();
    }

    @Test
    void rulesNamesWhatAFormerIdBecame() {
        Outcome one = netlint("rules", "NL413");
        assertThat(one.rc()).isZero();
        assertThat(one.out()).contains("NL413 is a former id: it became NL201 (host-mode-ports-discarded)")
                .contains("# NL201 host-mode-ports-discarded");
        Outcome split = netlint("rules", "nl417");
        assertThat(split.out()).contains("it became NL106 (static-ip-outside-subnet), NL107 (static-ip-without-subnet),"
                + " NL108 (static-ip-in-use)");
    }
}
