package dev.netlint.cli;

import dev.netlint.ingest.InputReader;
import dev.netlint.ingest.ReaderRegistry;
import dev.netlint.rules.Rule;
import dev.netlint.rules.RuleRegistry;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code netlint [lint] [OPTIONS] PATH...}: the main class. Without a subcommand it lints, so
 * {@code netlint fixtures/} and {@code netlint lint fixtures/} are the same. To add a subcommand,
 * list its class in {@link #SUBCOMMANDS}; it can reach this command with {@code @ParentCommand}
 * (readers, rules, working directory). This command and {@code lint} are declared in code rather than
 * by picocli's annotations, which it reads by reflection on every run (see {@link LintOptions}).
 */
public final class NetlintCommand implements Callable<Integer> {
    public static final int EXIT_OK = 0;
    public static final int EXIT_FINDINGS = 1;
    public static final int EXIT_USAGE = 2;

    /** The exit statuses, as help lists them (this command and {@code lint}). */
    static final Map<String, String> EXIT_STATUS = exitStatus();

    final LintOptions options = new LintOptions();
    CommandSpec spec;

    /**
     * The subcommands, in the order help lists them. Registered only when an argument names one (or
     * asks for help): building a command's model costs start-up time that a plain lint never uses.
     */
    private static final List<Class<?>> SUBCOMMANDS = List.of(LintCommand.class, RulesCommand.class,
            InitCommand.class, ProbeCommand.class, AutoComplete.GenerateCompletion.class, CommandLine.HelpCommand.class);
    /**
     * Their names and aliases, written out: reading them from the annotations loads every subcommand's
     * class and picocli's annotation machinery before a plain lint needs either (LazySubcommandsTest
     * checks the two agree).
     */
    static final java.util.Set<String> SUBCOMMAND_NAMES = java.util.Set.of("lint", "rules", "init", "probe",
            "generate-completion", "help");

    private List<InputReader> readers;
    private List<Rule> rules;
    private final Path workingDirectory;

    /** Every reader and rule netlint ships, built on first use (so that main can build them in the background). */
    public NetlintCommand() {
        this.workingDirectory = Path.of("");
    }

    /** For tests and embedders: other readers and rules, and where .netlint.yaml is searched from. */
    public NetlintCommand(List<InputReader> readers, List<Rule> rules, Path workingDirectory) {
        this.readers = List.copyOf(readers);
        this.rules = List.copyOf(rules);
        this.workingDirectory = workingDirectory;
    }

    public List<InputReader> readers() {
        if (readers == null) {
            readers = ReaderRegistry.all();
        }
        return readers;
    }

    public List<Rule> rules() {
        if (rules == null) {
            rules = RuleRegistry.all();
        }
        return rules;
    }

    public Path workingDirectory() {
        return workingDirectory;
    }

    @Override
    public Integer call() {
        return new LintRun(this, options, spec.commandLine()).execute();
    }

    /** A command line with every subcommand and netlint's error handling (usage errors: one line on stderr, status 2). */
    public static CommandLine commandLine(NetlintCommand command) {
        return commandLine(command, true);
    }

    static CommandLine commandLine(NetlintCommand command, boolean withSubcommands) {
        CommandLine cl = new CommandLine(command.spec());
        if (withSubcommands) {
            for (Class<?> sub : SUBCOMMANDS) {
                if (sub == LintCommand.class) {
                    cl.addSubcommand("lint", LintCommand.commandLine(command));
                } else {
                    cl.addSubcommand(sub);
                }
            }
        }
        // No @file expansion: a file named "@x" in a pull request must stay a file name.
        cl.setExpandAtFiles(false);
        cl.setParameterExceptionHandler(NetlintCommand::usageError);
        cl.setExecutionExceptionHandler(NetlintCommand::executionError);
        cl.setExitCodeExceptionMapper(e -> EXIT_USAGE);
        return cl;
    }

    /** This command's model: its usage text, then the lint options, then --help and --version. */
    private CommandSpec spec() {
        spec = CommandSpec.wrapWithoutInspection(this).name("netlint").versionProvider(new VersionProvider());
        spec.usageMessage().sortOptions(false).autoWidth(true)
                .customSynopsis("netlint [lint] [OPTIONS] PATH...", "       netlint COMMAND [ARGS]...")
                .description("Static analyser for container network configuration: Docker Compose files, shell scripts"
                        + " and README snippets, docker network inspect dumps and daemon.json, read into one model"
                        + " and checked by CIDR-aware rules.", "")
                .exitCodeListHeading("%nExit status:%n").exitCodeList(EXIT_STATUS)
                .footerHeading("%n")
                .footer("Configuration: .netlint.yaml in the working directory or above (see `netlint init`).",
                        "Rule pages: `netlint rules ID`.");
        options.addTo(spec);
        addStandardHelpOptions(spec);
        return spec;
    }

    /** -h/--help and -V/--version, as picocli's mixinStandardHelpOptions declares them. */
    static void addStandardHelpOptions(CommandSpec spec) {
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                .description("Show this help message and exit.").build());
        spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true)
                .description("Print version information and exit.").build());
    }

    private static Map<String, String> exitStatus() {
        Map<String, String> status = new LinkedHashMap<>();
        status.put("0", "no finding at or above --fail-on");
        status.put("1", "a finding at or above --fail-on");
        status.put("2", "usage error, or an input, configuration or baseline could not be read");
        return java.util.Collections.unmodifiableMap(status);
    }

    public static void main(String[] args) {
        // The rules' constants and the address library take a while to initialise: on a second core,
        // that overlaps with the command line's set-up and parsing.
        Thread warmUp = new Thread(RuleRegistry::all, "netlint-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
        int status = commandLine(new NetlintCommand(), needsSubcommands(args)).execute(args);
        System.exit(status);
    }

    /**
     * Whether picocli must know the subcommands to read these arguments the way it would with all of
     * them registered: an argument that is a subcommand's name, or a request for help (which lists them).
     */
    static boolean needsSubcommands(String[] args) {
        for (String arg : args) {
            if (arg.equals("--")) {
                return false;
            }
            boolean shortCluster = arg.startsWith("-") && !arg.startsWith("--");
            if (SUBCOMMAND_NAMES.contains(arg) || arg.equals("--help") || shortCluster && arg.indexOf('h') > 0) {
                return true;
            }
        }
        return false;
    }

    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        PrintWriter err = cl.getErr();
        String message = e.getMessage().lines().findFirst().orElse("invalid arguments");
        err.println("netlint: " + message + " (see '" + cl.getCommandSpec().qualifiedName() + " --help')");
        err.flush();
        return EXIT_USAGE;
    }

    private static int executionError(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        if (debugRequested(parsed)) {
            e.printStackTrace(err);
        }
        err.println("netlint: internal error: " + e + (debugRequested(parsed) ? "" : " (run with --debug for details)"));
        err.flush();
        return EXIT_USAGE;
    }

    private static boolean debugRequested(CommandLine.ParseResult parsed) {
        for (CommandLine c : parsed.asCommandLineList()) {
            if (c.getParseResult() != null && c.getParseResult().hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }
}
