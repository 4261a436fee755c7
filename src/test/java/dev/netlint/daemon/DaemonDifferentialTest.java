package dev.netlint.daemon;

import dev.netlint.engine.LintResult;
import dev.netlint.engine.LintSettings;
import dev.netlint.engine.Linter;
import dev.netlint.ingest.shell.ShellCommand;
import dev.netlint.ingest.shell.ShellParser;
import dev.netlint.ingest.shell.ShellSource;
import dev.netlint.ingest.shell.ShellWord;
import dev.netlint.model.Severity;
import dev.netlint.model.SourceLocation;
import dev.netlint.rules.Finding;
import dev.netlint.rules.RuleRegistry;
import dev.netlint.testing.DockerTestDaemon;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Differential test against the real daemon: every docker command of the scripts in
 * {@code fixtures/daemon/} runs, one by one, through {@code /usr/bin/docker} (20.10), and netlint
 * lints the same script. A command the daemon refuses (non-zero exit, including a {@code docker
 * run} whose container fails to start) must have an error finding on its lines; a command it
 * accepts must have none. Run it alone with {@code mvn -B -o test -Dtest=DaemonDifferentialTest}
 * as root with dockerd running (see docs/scripts.md).
 *
 * <p>Safety: every object is named {@code nlt-sh-*} and removed by name before and after; the
 * only macvlan/ipvlan parents are the veth pair nlt-shv0/nlt-shv0p this test creates and
 * deletes; subnets come from 10.80.0.0-10.119.255.255, never the host's 192.0.2.0/24 or fd00::/64.
 */
class DaemonDifferentialTest {
    private static final String PREFIX = "nlt-sh-";
    private static final String VETH = "nlt-shv0";
    private static final String VETH_PEER = "nlt-shv0p";
    /** Linted by FixtureTest as well (their "expect" comments must hold). */
    private static final Path SCRIPTS = Path.of("fixtures", "daemon");
    /**
     * Scripts kept out of FixtureTest (engine25.sh: its findings are the point of the exemption). A
     * script with a header line "# needs-rules: NLx" is replayed and counted always, and asserted
     * only when rules of that family are registered.
     */
    private static final Path MORE_SCRIPTS = Path.of("src", "test", "resources", "dev", "netlint", "daemon");

    /**
     * Commands the 20.10 daemon accepts but Engine 25 and later refuse: netlint reports them as
     * errors on purpose, so they are exempt from agreement. A command is exempt when its line
     * carries a trailing comment "engine25:" with one of these reasons.
     */
    private static final Map<String, String> ENGINE_25_ONLY = Map.of(
            // moby ValidateIPAM (25+): "invalid subnet 10.1.2.3/16: it should be 10.1.0.0/16" and
            // "invalid ip-range X: it should be Y"; 20.10 stores the CIDR as written and masks it.
            // (A range outside its subnet needs no exemption here: the 20.10 CLI already refuses it
            // with "no matching subnet for range"; only the API and compose let it through.)
            "host bits", "a --subnet or --ip-range with host bits set: 20.10 accepts it, 25+ refuses it");

    private record Case(String file, int line, int endLine, String command, boolean daemonRejects, String daemonSays,
                        List<String> netlintErrors, String engine25Reason, boolean asserted) {
        boolean agrees() {
            return daemonRejects == !netlintErrors.isEmpty();
        }
    }

    @BeforeAll
    static void prepare() throws IOException {
        DockerTestDaemon.requireDaemon("the daemon differential test");
        DockerTestDaemon.ensureBusyboxImage();
        DockerTestDaemon.removeByPrefix(PREFIX);
        removeVeth();
        DockerTestDaemon.Result veth = DockerTestDaemon.run(List.of("ip", "link", "add", VETH, "type", "veth", "peer",
                "name", VETH_PEER), Map.of(), 30);
        assertThat(veth.ok()).as("creating the veth pair for macvlan parents: " + veth.stderr()).isTrue();
        createdVeth = true;
        DockerTestDaemon.run(List.of("ip", "link", "set", VETH, "up"), Map.of(), 30);
        DockerTestDaemon.run(List.of("ip", "link", "set", VETH_PEER, "up"), Map.of(), 30);
    }

    @AfterAll
    static void cleanUp() throws IOException {
        if (DockerTestDaemon.available()) {
            DockerTestDaemon.removeByPrefix(PREFIX);
        }
        if (createdVeth) {
            removeVeth();
        }
    }

    /** Set once this run created the veth pair: a run skipped for want of a daemon must not remove another run's. */
    private static boolean createdVeth;

    private static void removeVeth() throws IOException {
        // deleting one end of a veth pair deletes both; only our own link, by name
        DockerTestDaemon.run(List.of("ip", "link", "del", VETH), Map.of(), 30);
    }

    @Test
    void netlintPredictsWhatTheDaemonRefuses() throws Exception {
        List<Path> scripts = new ArrayList<>();
        for (Path dir : List.of(SCRIPTS, MORE_SCRIPTS)) {
            try (Stream<Path> s = Files.list(dir)) {
                scripts.addAll(s.filter(p -> p.toString().endsWith(".sh")).sorted().toList());
            }
        }
        assertThat(scripts).isNotEmpty();
        List<Case> cases = new ArrayList<>();
        for (Path script : scripts) {
            cases.addAll(replay(script));
        }
        int agree = 0;
        List<String> disagreements = new ArrayList<>();
        StringBuilder table = new StringBuilder();
        for (Case c : cases) {
            table.append(String.format("%s:%d  daemon=%s netlint=%s  %s%n", c.file(), c.line(),
                    c.daemonRejects() ? "reject" : "accept", c.netlintErrors().isEmpty() ? "accept"
                            : String.join(",", c.netlintErrors()), c.daemonRejects() ? "| " + c.daemonSays() : ""));
            if (c.agrees()) {
                agree++;
            } else if (c.engine25Reason() == null && c.asserted()) {
                disagreements.add(c.file() + ":" + c.line() + " `" + c.command() + "`: daemon "
                        + (c.daemonRejects() ? "refused (" + c.daemonSays() + ")" : "accepted") + ", netlint "
                        + (c.netlintErrors().isEmpty() ? "reported no error" : "reported " + c.netlintErrors()));
            }
        }
        System.out.print(table);
        System.out.printf("DIFFERENTIAL: %d docker commands, netlint predicted the daemon's verdict for %d "
                + "(%.1f%%), %d Engine-25-only exemptions, %d not asserted (their rule family is not registered)%n",
                cases.size(), agree, 100.0 * agree / cases.size(),
                cases.stream().filter(c -> c.engine25Reason() != null).count(),
                cases.stream().filter(c -> !c.asserted()).count());
        assertThat(cases.size()).as("commands replayed").isGreaterThanOrEqualTo(60);
        assertThat(cases.stream().filter(Case::daemonRejects).count()).as("refused commands").isGreaterThan(20);
        assertThat(disagreements).as("commands where netlint and the daemon disagree").isEmpty();
    }

    private List<Case> replay(Path script) throws Exception {
        String file = script.toString().replace('\\', '/');
        String text = Files.readString(script, StandardCharsets.UTF_8);
        ShellSource source = ShellSource.whole(file, text);
        ShellParser.Variables vars = new ShellParser.Variables();
        List<ShellCommand> commands = ShellParser.parse(source, vars);

        LintResult lint = new Linter(new LintSettings()).lint(List.of(file));
        assertThat(lint.errors()).as("netlint read " + file).isEmpty();
        String[] lines = text.split("\n", -1);
        boolean asserted = true;
        for (String l : lines) {
            if (l.startsWith("# needs-rules: ")) {
                String family = l.substring("# needs-rules: ".length()).trim();
                asserted = RuleRegistry.all().stream().anyMatch(r -> r.info().id().startsWith(family));
            }
        }

        DockerTestDaemon.removeByPrefix(PREFIX);
        Map<String, String> env = new HashMap<>(vars.known());
        env.put("PATH", "/usr/bin:/bin:/usr/sbin:/sbin");
        List<Case> out = new ArrayList<>();
        for (ShellCommand c : commands) {
            List<ShellWord> w = c.words();
            if (w.isEmpty() || !w.get(0).value().equals("docker")) {
                continue;
            }
            SourceLocation where = source.location(c.start(), c.end());
            String command = text.substring(c.start(), c.end());
            DockerTestDaemon.Result r = DockerTestDaemon.run(List.of("sh", "-c", command), env, 180);
            List<String> errors = lint.findings().stream()
                    .filter(f -> f.severity() == Severity.ERROR)
                    .filter(f -> f.location().line() >= where.line() && f.location().line() <= where.endLine())
                    .map(Finding::ruleId).toList();
            String lastLine = lines[where.endLine() - 1];
            String engine25 = null;
            int mark = lastLine.indexOf("# engine25:");
            if (mark >= 0) {
                String reason = lastLine.substring(mark + "# engine25:".length()).trim();
                assertThat(ENGINE_25_ONLY).as("engine25 reason at " + file + ":" + where.endLine()).containsKey(reason);
                engine25 = reason;
            }
            out.add(new Case(file, where.line(), where.endLine(), command.replaceAll("\\s*\\\\\\n\\s*", " "),
                    !r.ok(), r.firstError(), errors, engine25, asserted));
        }
        DockerTestDaemon.removeByPrefix(PREFIX);
        return out;
    }
}
