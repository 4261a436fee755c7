package dev.netlint.cli;

import dev.netlint.baseline.AtomicFiles;
import dev.netlint.baseline.Baseline;
import dev.netlint.config.ConfigException;
import dev.netlint.config.SettingsResolver;
import dev.netlint.engine.FixApplier;
import dev.netlint.engine.LintResult;
import dev.netlint.engine.Linter;
import dev.netlint.report.ReportContext;
import dev.netlint.report.Reporter;
import dev.netlint.report.UnifiedDiff;
import dev.netlint.report.SourceLines;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

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
    private LintResult fix(Linter linter, LintResult first, PrintWriter err) {
        LintResult result = first;
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
            result = linter.lint(o.paths);
        }
        err.println("netlint: applied " + fixes + " fixes in " + files.size() + " files"
                + (o.fixUnsafe ? "" : skippedSuggestions(result)));
        return result;
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
                new SettingsResolver.Flags(o.config, o.disable, o.enable, o.reportUnusedDisables, o.failOn),
                root.rules());
        if (o.debug) {
            err.println("netlint: configuration: " + resolved.config().map(c -> c.displayName()).orElse("none"));
        }
        Linter linter = new Linter(resolved.settings(), root.readers(), root.rules());
        LintResult result = linter.lint(o.paths);
        if (o.fixDryRun) {
            return printFixDiff(result);
        }
        if (o.fix || o.fixUnsafe) {
            result = fix(linter, result, err);
        }
        if (o.debug) {
            err.printf("netlint: read %d files, %d findings, %d input errors in %d ms%n", result.filesRead(),
                    result.findings().size(), result.errors().size(), (System.nanoTime() - start) / 1_000_000);
        }

        Path cwd = Path.of("").toAbsolutePath();
        SourceLines lines = new SourceLines(cwd);
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
                && System.console() != null && System.getenv("NO_COLOR") == null;
        ReportContext ctx = new ReportContext(root.rules(), VersionProvider.version(), lines, color, cwd);
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
