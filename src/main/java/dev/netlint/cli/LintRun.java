package dev.netlint.cli;

import dev.netlint.baseline.AtomicFiles;
import dev.netlint.baseline.Baseline;
import dev.netlint.config.ConfigException;
import dev.netlint.config.SettingsResolver;
import dev.netlint.engine.LintResult;
import dev.netlint.engine.Linter;
import dev.netlint.report.ReportContext;
import dev.netlint.report.Reporter;
import dev.netlint.report.SourceLines;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

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
        if (!o.profiles.isEmpty()) {
            java.util.Set<String> profiles = java.util.Set.copyOf(o.profiles);
            resolved.settings().modelFacts().add(m -> m.activeProfiles(profiles));
        }
        LintResult result = new Linter(resolved.settings(), root.readers(), root.rules()).lint(o.paths);
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
