package dev.netlint.maven;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.netlint.cli.NetlintCommand;
import dev.netlint.ingest.ReaderRegistry;
import dev.netlint.rules.RuleRegistry;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import picocli.CommandLine;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Lints the project's container network configuration (Compose files, shell scripts, docker
 * inspect dumps, daemon.json) with netlint and fails the build on findings at or above
 * {@code failOn}. Findings are logged as {@code path:line:col: severity ID message}: errors at
 * ERROR level, warnings at WARNING, notes at INFO.
 *
 * <p>The plugin runs netlint's command-line entry point in this JVM, so configuration
 * ({@code .netlint.yaml} found from the project directory, or {@code configFile}), rule selection,
 * report formats and exit semantics are exactly those of {@code netlint lint}.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true, requiresProject = true)
public class CheckMojo extends AbstractMojo {
    static final String[] DEFAULT_INCLUDES = {
            "**/compose*.yaml", "**/compose*.yml", "**/docker-compose*.yaml", "**/docker-compose*.yml",
            "**/*.sh", "**/*.bash", "**/*.json"};
    static final String[] DEFAULT_EXCLUDES = {"**/target/**", "**/node_modules/**", "**/.git/**"};

    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    private File basedir;

    @Parameter(defaultValue = "${project.build.directory}", readonly = true, required = true)
    private File buildDirectory;

    /** Directories of this project's modules: their files are linted by those modules. */
    @Parameter(defaultValue = "${project.modules}", readonly = true)
    private List<String> modules;

    /**
     * Files to lint, as globs relative to the project directory ({@code **} crosses directories).
     * Default: compose files, shell scripts and JSON files (netlint reads docker/podman inspect dumps and
     * daemon.json, recognised by content, and leaves other JSON alone). Add {@code **}{@code /*.md} to
     * lint shell snippets in Markdown.
     */
    @Parameter
    private List<String> includes;

    /** Globs of files not to lint. Default: anything under target, node_modules or .git. */
    @Parameter
    private List<String> excludes;

    /** Fail the build on a finding of at least this severity: error, warning, note or none. */
    @Parameter(property = "netlint.failOn", defaultValue = "error")
    private String failOn;

    /** Format of the report file written to {@code outputFile}: text, json, sarif or github. */
    @Parameter(property = "netlint.format", defaultValue = "text")
    private String format;

    /** Where the report in {@code format} is written. Default: target/netlint/netlint.(txt|json|sarif). */
    @Parameter(property = "netlint.outputFile")
    private File outputFile;

    /** Also write a SARIF 2.1.0 report here (for code scanning), whatever {@code format} is. */
    @Parameter(property = "netlint.sarifOutput")
    private File sarifOutput;

    /** netlint configuration file; without it, .netlint.yaml is searched from the project directory up. */
    @Parameter(property = "netlint.configFile")
    private File configFile;

    /** Skip netlint. */
    @Parameter(property = "netlint.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("netlint: skipped");
            return;
        }
        String level = failOn.trim().toLowerCase(Locale.ROOT);
        if (!List.of("error", "warning", "note", "none").contains(level)) {
            throw new MojoExecutionException("netlint: failOn must be error, warning, note or none, not '" + failOn + "'");
        }
        String reportFormat = format.trim().toLowerCase(Locale.ROOT);
        if (!List.of("text", "json", "sarif", "github").contains(reportFormat)) {
            throw new MojoExecutionException("netlint: format must be text, json, sarif or github, not '" + format + "'");
        }
        Path root = basedir.toPath().toAbsolutePath().normalize();
        List<Path> files;
        try {
            files = new FileSelector(orDefault(includes, DEFAULT_INCLUDES), orDefault(excludes, DEFAULT_EXCLUDES),
                    modules == null ? List.of() : modules).select(root);
        } catch (IOException e) {
            throw new MojoExecutionException("netlint: cannot list the files of " + root + ": " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            getLog().info("netlint: no files to lint under " + root);
            return;
        }
        List<String> paths = files.stream().map(Path::toString).toList();
        List<String> common = new ArrayList<>();
        if (configFile != null) {
            common.add("--config");
            common.add(configFile.getAbsolutePath());
        }

        // 1. The findings, as JSON, for the log and the verdict.
        Run json = netlint(root, args(common, List.of("--format", "json", "--fail-on", level), paths));
        if (json.exit() == NetlintCommand.EXIT_USAGE) {
            throw new MojoExecutionException("netlint could not run: " + json.err().strip());
        }
        int[] counts = log(json.out());

        // 2. The report file(s).
        File report = outputFile != null ? outputFile
                : new File(buildDirectory, "netlint/netlint." + extension(reportFormat));
        writeReport(root, common, paths, reportFormat, report);
        if (sarifOutput != null) {
            writeReport(root, common, paths, "sarif", sarifOutput);
        }

        String summary = String.format(Locale.ROOT, "netlint: %d file(s), %d error(s), %d warning(s), %d note(s); report: %s",
                files.size(), counts[0], counts[1], counts[2], report);
        if (json.exit() == NetlintCommand.EXIT_FINDINGS) {
            getLog().info(summary);
            throw new MojoFailureException("netlint found problems at or above failOn=" + level
                    + " (see the findings above); fix them, or suppress one with a '# netlint disable=ID' comment");
        }
        getLog().info(summary);
    }

    private void writeReport(Path root, List<String> common, List<String> paths, String reportFormat, File file)
            throws MojoExecutionException {
        File parent = file.getAbsoluteFile().getParentFile();
        if (parent != null && !parent.isDirectory() && !parent.mkdirs()) {
            throw new MojoExecutionException("netlint: cannot create directory " + parent);
        }
        Run r = netlint(root, args(common,
                List.of("--format", reportFormat, "--output", file.getAbsolutePath(), "--fail-on", "none"), paths));
        if (r.exit() != NetlintCommand.EXIT_OK) {
            throw new MojoExecutionException("netlint could not write " + file + ": " + r.err().strip());
        }
    }

    /** Logs each finding and input error; returns {errors, warnings, notes}. */
    private int[] log(String jsonReport) throws MojoExecutionException {
        JsonNode report;
        try {
            report = new ObjectMapper().readTree(jsonReport);
        } catch (IOException e) {
            throw new MojoExecutionException("netlint: unreadable JSON report: " + e.getMessage(), e);
        }
        int[] counts = new int[3];
        for (JsonNode f : report.path("findings")) {
            String line = String.format(Locale.ROOT, "%s:%d:%d: %s %s %s", f.path("file").asText(), f.path("line").asInt(),
                    f.path("column").asInt(), f.path("severity").asText(), f.path("ruleId").asText(),
                    f.path("message").asText());
            switch (f.path("severity").asText()) {
                case "error" -> {
                    counts[0]++;
                    getLog().error(line);
                }
                case "warning" -> {
                    counts[1]++;
                    getLog().warn(line);
                }
                default -> {
                    counts[2]++;
                    getLog().info(line);
                }
            }
        }
        java.util.Set<String> reported = new java.util.HashSet<>();
        for (JsonNode f : report.path("findings")) {
            reported.add(f.path("file").asText() + ":" + f.path("line").asInt() + ":" + f.path("column").asInt());
        }
        for (JsonNode e : report.path("errors")) {
            int lineNo = e.path("line").asInt();
            if (reported.contains(e.path("file").asText() + ":" + lineNo + ":" + e.path("column").asInt())) {
                continue; // already logged as its NL001 finding
            }
            String where = lineNo > 0
                    ? e.path("file").asText() + ":" + lineNo + ":" + e.path("column").asInt()
                    : e.path("file").asText();
            getLog().error(where + ": " + e.path("message").asText());
        }
        return counts;
    }

    private record Run(int exit, String out, String err) {
    }

    /** netlint's command line, run in this JVM, with the project directory as its working directory. */
    private static Run netlint(Path root, List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = NetlintCommand.commandLine(new NetlintCommand(ReaderRegistry.all(), RuleRegistry.all(), root));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    private static List<String> args(List<String> common, List<String> options, List<String> paths) {
        List<String> all = new ArrayList<>();
        all.add("lint");
        all.add("--no-color");
        all.addAll(options);
        all.addAll(common);
        all.add("--");
        all.addAll(paths);
        return all;
    }

    private static String extension(String format) {
        return switch (format) {
            case "json" -> "json";
            case "sarif" -> "sarif";
            default -> "txt";
        };
    }

    private static List<String> orDefault(List<String> given, String[] defaults) {
        return given == null || given.isEmpty() ? List.of(defaults) : given;
    }
}
