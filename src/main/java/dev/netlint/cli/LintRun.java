package dev.netlint.cli;

import dev.netlint.baseline.AtomicFiles;
import dev.netlint.baseline.Baseline;
import dev.netlint.config.ConfigException;
import dev.netlint.config.SettingsResolver;
import dev.netlint.engine.FixApplier;
import dev.netlint.engine.LintResult;
import dev.netlint.engine.Linter;
import dev.netlint.ingest.Environment;
import dev.netlint.report.ConfigEffect;
import dev.netlint.report.ReportContext;
import dev.netlint.report.Reporter;
import dev.netlint.report.UnifiedDiff;
import dev.netlint.report.SourceLines;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One lint invocation: settings, engine, baseline, report, exit status. */
final class LintRun {
    private final NetlintCommand root;
    private final LintOptions o;
    private final CommandLine commandLine;

    LintRun(NetlintCommand root, LintOptions options, CommandLine commandLine) {
        this.root = root;
        this.o = options;
        this.commandLine = commandLine;
    }

    int execute() {
        PrintWriter err = commandLine.getErr();
        try {
            return run(err);
        } catch (CliException | ConfigException | IOException e) {
            if (o.debug) {
                e.printStackTrace(err);
            }
            err.println("netlint: " + e.getMessage());
            err.flush();
            return NetlintCommand.EXIT_USAGE;
        }
    }

    /**
     * ${VAR} values: --env, then --env-file lines (explicit, printed like file content), then the
     * process environment only when asked for (private: never printed).
     */
    private Environment environment(SettingsResolver.Resolved resolved) throws CliException {
        Map<String, String> explicit = new LinkedHashMap<>();
        for (String pair : o.env) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new CliException("--env: expected NAME=VALUE, not '" + pair + "'");
            }
            explicit.putIfAbsent(pair.substring(0, eq), pair.substring(eq + 1));
        }
        for (Path file : o.envFiles) {
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (IOException | java.io.UncheckedIOException e) {
                throw new CliException("--env-file " + file + ": cannot read it (" + e.getClass().getSimpleName() + ")");
            }
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int eq = line.indexOf('=');
                if (eq <= 0) {
                    throw new CliException("--env-file " + file + ":" + (i + 1) + ": expected NAME=VALUE");
                }
                explicit.putIfAbsent(line.substring(0, eq).strip(), line.substring(eq + 1));
            }
        }
        Environment env = Environment.of(explicit);
        boolean fromProcess = o.envFromProcess || resolved.config()
                .map(c -> Boolean.TRUE.equals(c.config().envFromProcess())).orElse(false);
        return fromProcess ? env.with(Environment.process(), Environment.Origin.PROCESS) : env;
    }

    /** At most this many fix-and-lint rounds: a fix can make room for another, never loop forever. */
    private static final int MAX_FIX_ROUNDS = 5;

    private int printFixDiff(LintResult result) {
        FixApplier.Plan plan = FixApplier.plan(result.findings(), o.fixUnsafe, Path.of("").toAbsolutePath());
        PrintWriter out = commandLine.getOut();
        for (FixApplier.FileChange c : plan.changes()) {
            out.print(UnifiedDiff.of(c.file(), c.before(), c.after()));
        }
        out.flush();
        PrintWriter err = commandLine.getErr();
        plan.notes().forEach(n -> err.println("netlint: " + n));
        err.println("netlint: " + plan.fixCount() + " fixes in " + plan.changes().size() + " files would be applied"
                + (o.fixUnsafe ? "" : skippedSuggestions(result)));
        err.flush();
        return plan.changes().isEmpty() ? NetlintCommand.EXIT_OK : NetlintCommand.EXIT_FINDINGS;
    }

    /** Applies fixes, re-linting after each round; returns the result of the last lint. */
    private Linter.Run fix(Linter linter, Linter.Run first, PrintWriter err) {
        Linter.Run run = first;
        LintResult result = first.result();
        int fixes = 0;
        java.util.Set<String> files = new java.util.TreeSet<>();
        for (int round = 0; round < MAX_FIX_ROUNDS; round++) {
            FixApplier.Plan plan = FixApplier.plan(result.findings(), o.fixUnsafe, Path.of("").toAbsolutePath());
            plan.notes().forEach(n -> err.println("netlint: " + n));
            List<String> failed = FixApplier.write(plan);
            failed.forEach(n -> err.println("netlint: " + n));
            if (plan.changes().isEmpty() || failed.size() == plan.changes().size()) {
                break;
            }
            fixes += plan.fixCount();
            plan.changes().forEach(c -> files.add(c.file()));
            run = linter.run(o.paths);
            result = run.result();
        }
        err.println("netlint: applied " + fixes + " fixes in " + files.size() + " files"
                + (o.fixUnsafe ? "" : skippedSuggestions(result)));
        return run;
    }

    private static String skippedSuggestions(LintResult result) {
        long n = result.findings().stream().filter(f -> f.hasFix() && !f.fix().isSafe()).count();
        return n == 0 ? "" : "; " + n + " suggestions need --fix-unsafe";
    }

    private int run(PrintWriter err) throws CliException, ConfigException, IOException {
        if (o.paths.isEmpty()) {
            throw new CliException("no PATH given: name the files or directories to lint, e.g. 'netlint .'"
                    + " (see 'netlint --help')");
        }
        long start = System.nanoTime();
        SettingsResolver.Resolved resolved = SettingsResolver.resolve(root.workingDirectory(),
                new SettingsResolver.Flags(o.config, o.disable, o.enable, o.reportUnusedDisables, o.failOn,
                        o.noConfig, o.maxFindingsPerFile),
                root::rules);
        resolved.settings().environment(environment(resolved));
        if (o.debug) {
            err.println("netlint: configuration: " + resolved.config().map(c -> c.displayName()).orElse("none"));
        }
        if (!o.profiles.isEmpty()) {
            java.util.Set<String> profiles = java.util.Set.copyOf(o.profiles);
            resolved.settings().modelFacts().add(m -> m.activeProfiles(profiles));
        }
        Linter linter = new Linter(resolved.settings(), root.readers(), root.rules());
        Linter.Run run = linter.run(o.paths);
        if (o.fixDryRun) {
            return printFixDiff(run.result());
        }
        if (o.fix || o.fixUnsafe) {
            run = fix(linter, run, err);
        }
        LintResult result = run.result();
        if (o.debug) {
            err.printf("netlint: read %d files, %d findings, %d input errors in %d ms%n", result.filesRead(),
                    result.findings().size(), result.errors().size(), (System.nanoTime() - start) / 1_000_000);
        }

        Path cwd = Path.of("").toAbsolutePath();
        SourceLines lines = new SourceLines(run.sources());
        LintResult reported = result;
        if (o.baseline != null) {
            Baseline baseline = Baseline.read(o.baseline);
            reported = baseline.filter(result, lines);
            if (o.debug) {
                err.printf("netlint: baseline %s hides %d of %d findings%n", o.baseline,
                        result.findings().size() - reported.findings().size(), result.findings().size());
            }
        }
        if (o.writeBaseline != null) {
            try {
                Baseline.write(o.writeBaseline, result.findings(), lines);
            } catch (IOException e) {
                throw new IOException("cannot write baseline " + o.writeBaseline + ": " + e.getMessage(), e);
            }
            err.println("netlint: recorded " + result.findings().size() + " findings in " + o.writeBaseline);
        }

        boolean color = o.format == Reporter.Format.TEXT && o.output == null && !o.noColor
                && System.console() != null && !Environment.noColorRequested();
        int ignoredFiles = run.ignoredFiles();
        ConfigEffect effect = resolved.config().map(c -> new ConfigEffect(c.displayName(),
                resolved.settings().disabledByConfig().size(), ignoredFiles)).orElse(ConfigEffect.none());
        ReportContext ctx = new ReportContext(root.rules(), VersionProvider.version(), lines, color, cwd, effect);
        Reporter reporter = o.format.reporter();
        LintResult toReport = reported;
        if (o.output != null) {
            try {
                AtomicFiles.write(o.output, w -> reporter.write(toReport, ctx, w));
            } catch (IOException e) {
                throw new IOException("cannot write " + o.output + ": " + e.getMessage(), e);
            }
        } else {
            PrintWriter out = commandLine.getOut();
            reporter.write(toReport, ctx, out);
            out.flush();
        }

        if (effect.file() != null && o.debug) {
            err.println("netlint: configuration" + effect.summary().substring(1));
        }
        boolean ioError = false;
        for (LintResult.InputError e : result.errors()) {
            if (e.ioError()) {
                err.println("netlint: " + e.file() + ": " + e.message());
                ioError = true;
            }
        }
        err.flush();
        if (ioError) {
            return NetlintCommand.EXIT_USAGE;
        }
        if (o.writeBaseline != null) {
            return NetlintCommand.EXIT_OK;
        }
        return resolved.failOn().threshold().filter(reported::hasAtLeast).isPresent()
                ? NetlintCommand.EXIT_FINDINGS : NetlintCommand.EXIT_OK;
    }
}
