package dev.netlint.cli;

import dev.netlint.baseline.AtomicFiles;
import dev.netlint.config.ConfigException;
import dev.netlint.config.FailOn;
import dev.netlint.config.SettingsResolver;
import dev.netlint.engine.LintResult;
import dev.netlint.engine.LintSettings;
import dev.netlint.engine.Linter;
import dev.netlint.ingest.InputReader;
import dev.netlint.ingest.ReaderRegistry;
import dev.netlint.ingest.live.DaemonEndpoint;
import dev.netlint.ingest.live.EndpointResolver;
import dev.netlint.ingest.live.LiveProbe;
import dev.netlint.ingest.live.ProbeException;
import dev.netlint.report.ReportContext;
import dev.netlint.report.Reporter;
import dev.netlint.report.SourceLines;
import dev.netlint.rules.Finding;
import dev.netlint.rules.Rule;
import dev.netlint.rules.RuleRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code netlint probe}: reads live daemons (read-only) into the model, runs every rule on that
 * state, and, for the PATHs given, predicts what deploying them on those daemons will hit.
 *
 * <p>Files and daemons: with one daemon, every file targets it. With several, every file is
 * checked against each daemon in turn (as if deployed there, one run per daemon with all live
 * state in the model); a finding that comes out the same in several runs is reported once.
 */
@Command(name = "probe", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = {"Check live Docker daemons, read-only, and predict what deploying PATHs there will hit.",
                "Without --host/--context: DOCKER_HOST, else DOCKER_CONTEXT, else the current docker context, "
                        + "else unix:///var/run/docker.sock."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:no finding at or above --fail-on", "1:a finding at or above --fail-on",
                "2:usage error, an unreadable input or configuration, or a daemon that could not be probed"})
public final class ProbeCommand implements Callable<Integer> {
    @Option(names = {"-H", "--host"}, paramLabel = "URL",
            description = "Daemon to probe: unix:///path or tcp://HOST:PORT (repeatable). tcp:// uses TLS when"
                    + " DOCKER_TLS_VERIFY is set, with the files in DOCKER_CERT_PATH.")
    List<String> hosts = new ArrayList<>();

    @Option(names = "--context", paramLabel = "NAME", description = "docker context to probe (repeatable).")
    List<String> contexts = new ArrayList<>();

    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "Compose files, scripts or directories to check against the daemons (optional).")
    List<String> paths = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", converter = LintOptions.FormatConverter.class,
            completionCandidates = LintOptions.FormatCandidates.class,
            description = "Output format: ${COMPLETION-CANDIDATES} (default: text).")
    Reporter.Format format = Reporter.Format.TEXT;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE (atomically).")
    Path output;

    @Option(names = "--fail-on", paramLabel = "LEVEL", converter = LintOptions.FailOnConverter.class,
            completionCandidates = LintOptions.FailOnCandidates.class,
            description = "Exit with status 1 when a finding is at or above LEVEL: ${COMPLETION-CANDIDATES}"
                    + " (default: error, or failOn from the configuration file).")
    FailOn failOn;

    @Option(names = "--disable", paramLabel = "ID", split = ",", description = "Do not run these rules.")
    List<String> disable = new ArrayList<>();

    @Option(names = "--enable", paramLabel = "ID", split = ",",
            description = "Run these rules even if the configuration file turns them off.")
    List<String> enable = new ArrayList<>();

    @Option(names = "--no-color", description = "Never colour the text report.")
    boolean noColor;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Use this configuration file instead of the nearest .netlint.yaml.")
    Path config;

    @Option(names = "--debug", description = "Print stack traces and progress details on standard error.")
    boolean debug;

    @ParentCommand
    NetlintCommand parent;

    @Spec
    CommandSpec spec;

    private Map<String, String> environment = dev.netlint.ingest.Environment.process();
    private Path home = Path.of(System.getProperty("user.home", "/"));
    private PrintWriter out;
    private PrintWriter err;
    /** The text of the files linted, for source lines in the report. */
    private final Map<String, String> sources = new java.util.HashMap<>();

    /** For tests: the environment and home directory endpoint resolution reads, and the streams. */
    ProbeCommand use(Map<String, String> env, Path homeDir, java.io.PrintStream stdout, java.io.PrintStream stderr) {
        this.environment = env;
        this.home = homeDir;
        this.out = new PrintWriter(stdout, true);
        this.err = new PrintWriter(stderr, true);
        return this;
    }

    private List<InputReader> readers() {
        return parent != null ? parent.readers() : ReaderRegistry.all();
    }

    private List<Rule> rules() {
        return parent != null ? parent.rules() : RuleRegistry.all();
    }

    private Path workingDirectory() {
        return parent != null ? parent.workingDirectory() : Path.of("");
    }

    @Override
    public Integer call() {
        PrintWriter stdout = out != null ? out : spec.commandLine().getOut();
        PrintWriter stderr = err != null ? err : spec.commandLine().getErr();
        try {
            return run(stdout, stderr);
        } catch (ProbeException | ConfigException | IOException e) {
            if (debug && (e.getCause() != null || !(e instanceof ProbeException))) {
                (e.getCause() != null ? e.getCause() : e).printStackTrace(stderr);
            }
            stderr.println("netlint probe: " + e.getMessage());
            stderr.flush();
            return NetlintCommand.EXIT_USAGE;
        }
    }

    private int run(PrintWriter stdout, PrintWriter stderr) throws ProbeException, ConfigException, IOException {
        SettingsResolver.Flags flags = new SettingsResolver.Flags(config, disable, enable, false, failOn);
        FailOn threshold = SettingsResolver.resolve(workingDirectory(), flags, rules()).failOn();
        List<DaemonEndpoint> endpoints = new EndpointResolver(environment, home).resolve(hosts, contexts);
        List<LiveProbe.Snapshot> snapshots = LiveProbe.read(endpoints);
        if (format == Reporter.Format.TEXT || debug) {
            for (LiveProbe.Snapshot s : snapshots) {
                stderr.println("netlint probe: " + s.endpoint().location() + " (" + s.endpoint().uri() + "): Engine "
                        + s.engineVersion() + ", API " + s.apiVersion() + ", " + s.project().networks().size()
                        + " networks, " + s.project().containers().size() + " containers"
                        + (debug ? ", " + s.requests().size() + " GET requests" : ""));
            }
        }
        LintResult result = analyse(snapshots, flags);

        Path cwd = Path.of("").toAbsolutePath();
        boolean color = format == Reporter.Format.TEXT && output == null && !noColor
                && System.console() != null && !dev.netlint.ingest.Environment.noColorRequested();
        ReportContext ctx = new ReportContext(rules(), VersionProvider.version(), new SourceLines(sources), color, cwd);
        Reporter reporter = format.reporter();
        if (output != null) {
            try {
                AtomicFiles.write(output, w -> reporter.write(result, ctx, w));
            } catch (IOException e) {
                throw new IOException("cannot write " + output + ": " + e.getMessage(), e);
            }
        } else {
            reporter.write(result, ctx, stdout);
            stdout.flush();
        }
        boolean ioError = false;
        for (LintResult.InputError e : result.errors()) {
            if (e.ioError()) {
                stderr.println("netlint probe: " + e.file() + ": " + e.message());
                ioError = true;
            }
        }
        stderr.flush();
        if (ioError) {
            return NetlintCommand.EXIT_USAGE;
        }
        return threshold.threshold().filter(result::hasAtLeast).isPresent()
                ? NetlintCommand.EXIT_FINDINGS : NetlintCommand.EXIT_OK;
    }

    /** Lints the PATHs once per daemon, each time with all live state in the model; merges the results. */
    private LintResult analyse(List<LiveProbe.Snapshot> snapshots, SettingsResolver.Flags flags) throws ConfigException {
        Map<String, Finding> findings = new LinkedHashMap<>();
        Map<String, LintResult.InputError> errors = new LinkedHashMap<>();
        int files = 0;
        for (LiveProbe.Snapshot target : snapshots) {
            LintSettings settings = SettingsResolver.resolve(workingDirectory(), flags, rules()).settings();
            String host = target.endpoint().label();
            settings.hostOfFile(file -> host);
            for (LiveProbe.Snapshot s : snapshots) {
                settings.modelFacts().add(m -> m.add(s.project()));
            }
            // A probe runs where the stack is deployed: ${VAR} resolves as docker compose would, privately.
            settings.environment(settings.environment().with(environment, dev.netlint.ingest.Environment.Origin.PROCESS));
            Linter.Run run = new Linter(settings, readers(), rules()).run(paths);
            LintResult r = run.result();
            sources.putAll(run.sources());
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

    /** Runs {@code netlint probe} on its own (the same as {@code netlint probe ...}). */
    public static void main(String[] args) {
        String[] all = new String[args.length + 1];
        all[0] = "probe";
        System.arraycopy(args, 0, all, 1, args.length);
        NetlintCommand.main(all);
    }
}
