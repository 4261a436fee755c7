package dev.netlint.cli;

import dev.netlint.config.FailOn;
import dev.netlint.report.Reporter;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.TypeConversionException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * The options of {@code netlint [lint]}; shared by the top-level command and the lint subcommand.
 * Declared in code, not by annotations: picocli reads annotations by reflection on every run, which
 * was a fifth of a one-file lint (annotation parsing, proxy classes, one per field). {@link #addTo}
 * adds them to a command in the order help lists them, each bound to its field here.
 */
public final class LintOptions {
    List<String> paths = new ArrayList<>();
    Reporter.Format format = Reporter.Format.TEXT;
    Path output;
    FailOn failOn;
    List<String> disable = new ArrayList<>();
    List<String> enable = new ArrayList<>();
    boolean noColor;
    Path config;
    boolean debug;
    boolean reportUnusedDisables;
    Path baseline;
    Path writeBaseline;
    boolean noConfig;
    List<String> env = new ArrayList<>();
    List<Path> envFiles = new ArrayList<>();
    boolean envFromProcess;
    Integer maxFindingsPerFile;
    List<String> profiles = new ArrayList<>();
    boolean fix;
    boolean fixUnsafe;
    boolean fixDryRun;

    /** Adds the PATH parameters and the options to {@code spec}, bound to this object's fields. */
    void addTo(CommandSpec spec) {
        spec.addPositional(PositionalParamSpec.builder().paramLabel("PATH").arity("0..*")
                .type(List.class).auxiliaryTypes(String.class).getter(bound(Field.PATHS)).setter(bound(Field.PATHS))
                .description("Files or directories to lint. Directories are searched recursively for compose files,"
                        + " shell scripts, Markdown, inspect dumps and daemon.json (skipping .git, node_modules, target)."
                        + " A file named here is linted whatever its name.")
                .build());
        spec.addOption(option(Field.FORMAT, Reporter.Format.class, "--format").paramLabel("FORMAT")
                .converters(new FormatConverter()).completionCandidates(new FormatCandidates())
                .description("Output format: ${COMPLETION-CANDIDATES} (default: text).").build());
        spec.addOption(option(Field.OUTPUT, Path.class, "-o", "--output").paramLabel("FILE")
                .description("Write the report to FILE (atomically) instead of standard output.").build());
        spec.addOption(option(Field.FAIL_ON, FailOn.class, "--fail-on").paramLabel("LEVEL")
                .converters(new FailOnConverter()).completionCandidates(new FailOnCandidates())
                .description("Exit with status 1 when a finding is at or above LEVEL: ${COMPLETION-CANDIDATES}"
                        + " (default: error, or failOn from the configuration file).").build());
        spec.addOption(list(Field.DISABLE, String.class, "--disable").paramLabel("ID").splitRegex(",")
                .description("Do not run these rules (ids or names, comma-separated). Overrides the configuration"
                        + " file.").build());
        spec.addOption(list(Field.ENABLE, String.class, "--enable").paramLabel("ID").splitRegex(",")
                .description("Run these rules even if the configuration file turns them off.").build());
        spec.addOption(flag(Field.NO_COLOR, "--no-color")
                .description("Never colour the text report (colour is used only on a terminal, and never when"
                        + " NO_COLOR is set).").build());
        spec.addOption(option(Field.CONFIG, Path.class, "-c", "--config").paramLabel("FILE")
                .description("Use this configuration file instead of the nearest .netlint.yaml in the working"
                        + " directory or above it.").build());
        spec.addOption(flag(Field.DEBUG, "--debug")
                .description("Print stack traces and progress details on standard error.").build());
        spec.addOption(flag(Field.REPORT_UNUSED_DISABLES, "--report-unused-disables")
                .description("Report '# netlint disable=' directives that suppressed nothing (NL003).").build());
        spec.addOption(option(Field.BASELINE, Path.class, "--baseline").paramLabel("FILE")
                .description("Report only findings that are not recorded in this baseline file.").build());
        spec.addOption(option(Field.WRITE_BASELINE, Path.class, "--write-baseline").paramLabel("FILE")
                .description("Record the current findings in FILE (atomically) and exit with status 0"
                        + " unless an input could not be read.").build());
        spec.addOption(flag(Field.NO_CONFIG, "--no-config")
                .description("Use no configuration file: ignore .netlint.yaml in the working directory and above"
                        + " (for untrusted checkouts; see --config).").build());
        // $${NAME}: a literal ${NAME}; picocli expands ${...} in descriptions
        spec.addOption(list(Field.ENV, String.class, "--env").paramLabel("NAME=VALUE")
                .description("Set a variable for $${NAME} interpolation (repeatable). Wins over the project's .env"
                        + " files.").build());
        spec.addOption(list(Field.ENV_FILES, Path.class, "--env-file").paramLabel("FILE")
                .description("Read NAME=VALUE lines (# comments) for $${NAME} interpolation, like --env.").build());
        spec.addOption(flag(Field.ENV_FROM_PROCESS, "--env-from-process")
                .description("Also resolve $${NAME} from netlint's own environment (off by default; envFromProcess"
                        + " in .netlint.yaml). Such values are never printed: messages show $${NAME}.").build());
        spec.addOption(option(Field.MAX_FINDINGS_PER_FILE, Integer.class, "--max-findings-per-file").paramLabel("N")
                .description("Report at most N findings per file, then one NL005 finding counting the rest"
                        + " (default: 100, or maxFindingsPerFile from the configuration file).").build());
        spec.addOption(list(Field.PROFILES, String.class, "--profile").paramLabel("NAME")
                .description("Analyse compose projects with this profile active, as 'docker compose --profile'"
                        + " does (repeatable). Services of other profiles do not run. Overrides profiles: in the"
                        + " configuration.").build());
        spec.addOption(flag(Field.FIX, "--fix")
                .description("Apply the safe fixes in place (atomically), then lint again: the report and the exit"
                        + " status are about what is left. 'netlint rules' marks the rules that have fixes.").build());
        spec.addOption(flag(Field.FIX_UNSAFE, "--fix-unsafe")
                .description("Like --fix, and also apply suggestions that may change intent (a subnet moved to a"
                        + " free block, ports that the daemon discards removed).").build());
        spec.addOption(flag(Field.FIX_DRY_RUN, "--fix-dry-run", "--diff")
                .description("Print the fixes as a unified diff and change nothing; exit 1 when there is something"
                        + " to fix. With --fix-unsafe, suggestions are included.").build());
    }

    private OptionSpec.Builder option(Field field, Class<?> type, String... names) {
        return OptionSpec.builder(names).type(type).getter(bound(field)).setter(bound(field));
    }

    private OptionSpec.Builder list(Field field, Class<?> element, String... names) {
        return option(field, List.class, names).auxiliaryTypes(element);
    }

    private OptionSpec.Builder flag(Field field, String... names) {
        return option(field, boolean.class, names).arity("0");
    }

    private Binding bound(Field field) {
        return new Binding(this, field);
    }

    /** The fields options are bound to; {@link Binding} reads and writes them without reflection. */
    private enum Field {
        PATHS, FORMAT, OUTPUT, FAIL_ON, DISABLE, ENABLE, NO_COLOR, CONFIG, DEBUG, REPORT_UNUSED_DISABLES, BASELINE,
        WRITE_BASELINE, NO_CONFIG, ENV, ENV_FILES, ENV_FROM_PROCESS, MAX_FINDINGS_PER_FILE, PROFILES, FIX, FIX_UNSAFE,
        FIX_DRY_RUN
    }

    /** One option's value, read from and written to its field (picocli's getter and setter). */
    private static final class Binding implements IGetter, ISetter {
        private final LintOptions o;
        private final Field field;

        Binding(LintOptions o, Field field) {
            this.o = o;
            this.field = field;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T get() {
            Object v;
            switch (field) {
                case PATHS: v = o.paths; break;
                case FORMAT: v = o.format; break;
                case OUTPUT: v = o.output; break;
                case FAIL_ON: v = o.failOn; break;
                case DISABLE: v = o.disable; break;
                case ENABLE: v = o.enable; break;
                case NO_COLOR: v = o.noColor; break;
                case CONFIG: v = o.config; break;
                case DEBUG: v = o.debug; break;
                case REPORT_UNUSED_DISABLES: v = o.reportUnusedDisables; break;
                case BASELINE: v = o.baseline; break;
                case WRITE_BASELINE: v = o.writeBaseline; break;
                case NO_CONFIG: v = o.noConfig; break;
                case ENV: v = o.env; break;
                case ENV_FILES: v = o.envFiles; break;
                case ENV_FROM_PROCESS: v = o.envFromProcess; break;
                case MAX_FINDINGS_PER_FILE: v = o.maxFindingsPerFile; break;
                case PROFILES: v = o.profiles; break;
                case FIX: v = o.fix; break;
                case FIX_UNSAFE: v = o.fixUnsafe; break;
                case FIX_DRY_RUN: v = o.fixDryRun; break;
                default: throw new IllegalStateException(field.name());
            }
            return (T) v;
        }

        /**
         * Sets the field; null (picocli resets every option to its initial value before a parse, and
         * these have none) means the field's default: an empty list, false, text, or no value.
         */
        @Override
        @SuppressWarnings("unchecked")
        public <T> T set(T given) {
            T old = get();
            Object value = given != null ? given : defaultValue();
            switch (field) {
                case PATHS: o.paths = (List<String>) value; break;
                case FORMAT: o.format = (Reporter.Format) value; break;
                case OUTPUT: o.output = (Path) value; break;
                case FAIL_ON: o.failOn = (FailOn) value; break;
                case DISABLE: o.disable = (List<String>) value; break;
                case ENABLE: o.enable = (List<String>) value; break;
                case NO_COLOR: o.noColor = (Boolean) value; break;
                case CONFIG: o.config = (Path) value; break;
                case DEBUG: o.debug = (Boolean) value; break;
                case REPORT_UNUSED_DISABLES: o.reportUnusedDisables = (Boolean) value; break;
                case BASELINE: o.baseline = (Path) value; break;
                case WRITE_BASELINE: o.writeBaseline = (Path) value; break;
                case NO_CONFIG: o.noConfig = (Boolean) value; break;
                case ENV: o.env = (List<String>) value; break;
                case ENV_FILES: o.envFiles = (List<Path>) value; break;
                case ENV_FROM_PROCESS: o.envFromProcess = (Boolean) value; break;
                case MAX_FINDINGS_PER_FILE: o.maxFindingsPerFile = (Integer) value; break;
                case PROFILES: o.profiles = (List<String>) value; break;
                case FIX: o.fix = (Boolean) value; break;
                case FIX_UNSAFE: o.fixUnsafe = (Boolean) value; break;
                case FIX_DRY_RUN: o.fixDryRun = (Boolean) value; break;
                default: throw new IllegalStateException(field.name());
            }
            return old;
        }

        private Object defaultValue() {
            switch (field) {
                case PATHS: case DISABLE: case ENABLE: case ENV: case ENV_FILES: case PROFILES:
                    return new ArrayList<>();
                case NO_COLOR: case DEBUG: case REPORT_UNUSED_DISABLES: case NO_CONFIG: case ENV_FROM_PROCESS: case FIX:
                case FIX_UNSAFE: case FIX_DRY_RUN:
                    return Boolean.FALSE;
                case FORMAT:
                    return Reporter.Format.TEXT;
                default:
                    return null;
            }
        }
    }

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
