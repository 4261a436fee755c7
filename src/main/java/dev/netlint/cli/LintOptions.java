package dev.netlint.cli;

import dev.netlint.config.FailOn;
import dev.netlint.report.Reporter;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/** The options of {@code netlint [lint]}; shared by the top-level command and the lint subcommand. */
public final class LintOptions {
    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "Files or directories to lint. Directories are searched recursively for compose files,"
                    + " shell scripts, Markdown, inspect dumps and daemon.json (skipping .git, node_modules, target)."
                    + " A file named here is linted whatever its name.")
    List<String> paths = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", converter = FormatConverter.class,
            completionCandidates = FormatCandidates.class,
            description = "Output format: ${COMPLETION-CANDIDATES} (default: text).")
    Reporter.Format format = Reporter.Format.TEXT;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the report to FILE (atomically) instead of standard output.")
    Path output;

    @Option(names = "--fail-on", paramLabel = "LEVEL", converter = FailOnConverter.class,
            completionCandidates = FailOnCandidates.class,
            description = "Exit with status 1 when a finding is at or above LEVEL: ${COMPLETION-CANDIDATES}"
                    + " (default: error, or failOn from the configuration file).")
    FailOn failOn;

    @Option(names = "--disable", paramLabel = "ID", split = ",",
            description = "Do not run these rules (ids or names, comma-separated). Overrides the configuration file.")
    List<String> disable = new ArrayList<>();

    @Option(names = "--enable", paramLabel = "ID", split = ",",
            description = "Run these rules even if the configuration file turns them off.")
    List<String> enable = new ArrayList<>();

    @Option(names = "--no-color", description = "Never colour the text report (colour is used only on a terminal,"
            + " and never when NO_COLOR is set).")
    boolean noColor;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Use this configuration file instead of the nearest .netlint.yaml in the working"
                    + " directory or above it.")
    Path config;

    @Option(names = "--debug", description = "Print stack traces and progress details on standard error.")
    boolean debug;

    @Option(names = "--report-unused-disables",
            description = "Report '# netlint disable=' directives that suppressed nothing (NL003).")
    boolean reportUnusedDisables;

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "Report only findings that are not recorded in this baseline file.")
    Path baseline;

    @Option(names = "--write-baseline", paramLabel = "FILE",
            description = "Record the current findings in FILE (atomically) and exit with status 0"
                    + " unless an input could not be read.")
    Path writeBaseline;

    @Option(names = "--no-config",
            description = "Use no configuration file: ignore .netlint.yaml in the working directory and above"
                    + " (for untrusted checkouts; see --config).")
    boolean noConfig;

    @Option(names = "--env", paramLabel = "NAME=VALUE",
            description = "Set a variable for ${NAME} interpolation (repeatable). Wins over the project's .env files.")
    List<String> env = new ArrayList<>();

    @Option(names = "--env-file", paramLabel = "FILE",
            description = "Read NAME=VALUE lines (# comments) for ${NAME} interpolation, like --env.")
    List<Path> envFiles = new ArrayList<>();

    @Option(names = "--env-from-process",
            description = "Also resolve ${NAME} from netlint's own environment (off by default; envFromProcess in"
                    + " .netlint.yaml). Such values are never printed: messages show ${NAME}.")
    boolean envFromProcess;

    @Option(names = "--max-findings-per-file", paramLabel = "N",
            description = "Report at most N findings per file, then one NL005 finding counting the rest"
                    + " (default: 100, or maxFindingsPerFile from the configuration file).")
    Integer maxFindingsPerFile;

    @Option(names = "--profile", paramLabel = "NAME",
            description = "Analyse compose projects with this profile active, as 'docker compose --profile' does"
                    + " (repeatable). Services of other profiles do not run. Overrides profiles: in the configuration.")
    List<String> profiles = new ArrayList<>();

    @Option(names = "--fix",
            description = "Apply the safe fixes in place (atomically), then lint again: the report and the exit"
                    + " status are about what is left. 'netlint rules' marks the rules that have fixes.")
    boolean fix;

    @Option(names = "--fix-unsafe",
            description = "Like --fix, and also apply suggestions that may change intent (a subnet moved to a"
                    + " free block, ports that the daemon discards removed).")
    boolean fixUnsafe;

    @Option(names = {"--fix-dry-run", "--diff"},
            description = "Print the fixes as a unified diff and change nothing; exit 1 when there is something"
                    + " to fix. With --fix-unsafe, suggestions are included.")
    boolean fixDryRun;

    static final class FormatConverter implements ITypeConverter<Reporter.Format> {
        @Override
        public Reporter.Format convert(String value) {
            for (Reporter.Format f : Reporter.Format.values()) {
                if (f.toString().equals(value.trim().toLowerCase(Locale.ROOT))) {
                    return f;
                }
            }
            throw new TypeConversionException("'" + value + "' is not a format; use text, json, sarif or github");
        }
    }

    static final class FormatCandidates implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("text", "json", "sarif", "github").iterator();
        }
    }

    static final class FailOnConverter implements ITypeConverter<FailOn> {
        @Override
        public FailOn convert(String value) {
            return FailOn.parse(value).orElseThrow(() -> new TypeConversionException(
                    "'" + value + "' is not a level; use error, warning, note or none"));
        }
    }

    static final class FailOnCandidates implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("error", "warning", "note", "none").iterator();
        }
    }
}
