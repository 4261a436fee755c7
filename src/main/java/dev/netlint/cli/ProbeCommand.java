package dev.netlint.cli;

import dev.netlint.engine.LintResult;
import dev.netlint.engine.LintSettings;
import dev.netlint.engine.Linter;
import dev.netlint.ingest.live.DaemonEndpoint;
import dev.netlint.ingest.live.EndpointResolver;
import dev.netlint.ingest.live.LiveProbe;
import dev.netlint.ingest.live.ProbeException;
import dev.netlint.model.Severity;
import dev.netlint.rules.Finding;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code netlint probe}: reads live daemons (read-only) into the model, runs every rule on that
 * state, and, for the PATHs given, predicts what deploying them on those daemons will hit.
 *
 * <p>Files and daemons: with one daemon, every file targets it. With several, every file is
 * checked against each daemon in turn (as if deployed there); findings that are the same on
 * every daemon are reported once.
 */
@Command(name = "probe", mixinStandardHelpOptions = true,
        description = {"Check live Docker daemons, read-only, and predict what deploying PATHs there will hit.",
                "Without --host/--context: DOCKER_HOST, else DOCKER_CONTEXT, else the current docker context, "
                        + "else unix:///var/run/docker.sock."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:nothing at or above --fail-on", "1:findings at or above --fail-on",
                "2:usage error, unreadable input, or the daemon could not be probed"})
public final class ProbeCommand implements Callable<Integer> {
    @Option(names = "--host", paramLabel = "URL",
            description = "Daemon to probe: unix:///path or tcp://HOST:PORT (repeatable).")
    List<String> hosts = new ArrayList<>();

    @Option(names = "--context", paramLabel = "NAME", description = "docker context to probe (repeatable).")
    List<String> contexts = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", description = "text, json or github (default: text).")
    String format = "text";

    @Option(names = "--output", paramLabel = "FILE", description = "Write the report to FILE.")
    Path output;

    @Option(names = "--fail-on", paramLabel = "LEVEL", description = "error, warning, note or none (default: error).")
    String failOn = "error";

    @Option(names = "--disable", split = ",", paramLabel = "ID", description = "Rules to turn off.")
    List<String> disable = new ArrayList<>();

    @Option(names = "--enable", split = ",", paramLabel = "ID", description = "Rules to turn on again.")
    List<String> enable = new ArrayList<>();

    @Option(names = "--no-color", description = "No colour (text output is only coloured on a terminal).")
    boolean noColor;

    @Option(names = "--debug", description = "Print stack traces of errors.")
    boolean debug;

    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "Compose files, scripts or directories to check against the daemons.")
    List<String> paths = new ArrayList<>();

    private Map<String, String> environment = System.getenv();
    private Path home = Path.of(System.getProperty("user.home", "/"));
    private PrintStream err = System.err;
    private PrintStream out = System.out;

    /** For tests: the environment and home directory endpoint resolution reads, and the streams. */
    ProbeCommand use(Map<String, String> env, Path homeDir, PrintStream stdout, PrintStream stderr) {
        this.environment = env;
        this.home = homeDir;
        this.out = stdout;
        this.err = stderr;
        return this;
    }

    @Override
    public Integer call() {
        Severity threshold;
        ProbeReport report;
        try {
            threshold = failOn.equalsIgnoreCase("none") ? null : Severity.parse(failOn);
            report = ProbeReport.forFormat(format);
        } catch (IllegalArgumentException e) {
            err.println("netlint probe: " + e.getMessage());
            return 2;
        }
        List<LiveProbe.Snapshot> snapshots;
        try {
            List<DaemonEndpoint> endpoints = new EndpointResolver(environment, home).resolve(hosts, contexts);
            snapshots = LiveProbe.read(endpoints);
        } catch (ProbeException e) {
            err.println("netlint probe: " + e.getMessage());
            if (debug && e.getCause() != null) {
                e.getCause().printStackTrace(err);
            }
            return 2;
        }
        LintResult result = analyse(snapshots);
        try {
            if (output != null) {
                try (OutputStream o = Files.newOutputStream(output);
                     PrintStream ps = new PrintStream(o, true, StandardCharsets.UTF_8)) {
                    report.write(result, snapshots, ps);
                }
            } else {
                report.write(result, snapshots, out);
                out.flush();
            }
        } catch (IOException e) {
            err.println("netlint probe: cannot write " + output + ": " + e.getMessage());
            return 2;
        }
        if (result.hasIoErrors()) {
            return 2;
        }
        return threshold != null && result.hasAtLeast(threshold) ? 1 : 0;
    }

    /** Lints the PATHs once per daemon, each time with all live state in the model; merges the results. */
    LintResult analyse(List<LiveProbe.Snapshot> snapshots) {
        Map<String, Finding> findings = new LinkedHashMap<>();
        Map<String, LintResult.InputError> errors = new LinkedHashMap<>();
        int files = 0;
        for (LiveProbe.Snapshot target : snapshots) {
            LintSettings settings = new LintSettings().environment(environment);
            disable.forEach(id -> settings.disabled().add(id.trim().toUpperCase(Locale.ROOT)));
            enable.forEach(id -> settings.enabled().add(id.trim().toUpperCase(Locale.ROOT)));
            String host = target.endpoint().label();
            settings.hostOfFile(file -> host);
            for (LiveProbe.Snapshot s : snapshots) {
                settings.modelFacts().add(m -> m.add(s.project()));
            }
            LintResult r = new Linter(settings).lint(paths);
            files = Math.max(files, r.filesRead());
            for (Finding f : r.findings()) {
                findings.putIfAbsent(f.ruleId() + "\u0000" + f.location() + "\u0000" + f.message(), f);
            }
            for (LintResult.InputError e : r.errors()) {
                errors.putIfAbsent(e.file() + ":" + e.line() + ":" + e.column() + " " + e.message(), e);
            }
        }
        List<Finding> sorted = new ArrayList<>(findings.values());
        sorted.sort(Finding.ORDER);
        return new LintResult(List.copyOf(sorted), List.copyOf(errors.values()), files);
    }

    /** Runs {@code netlint probe} on its own, until NetlintCommand lists it as a subcommand. */
    public static void main(String[] args) {
        CommandLine cl = new CommandLine(new ProbeCommand());
        System.exit(cl.execute(args));
    }
}
