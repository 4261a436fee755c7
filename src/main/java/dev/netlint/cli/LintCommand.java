package dev.netlint.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

/**
 * {@code netlint lint [OPTIONS] PATH...}: the same as {@code netlint [OPTIONS] PATH...}. Declared in
 * code, like the top-level command, with the same {@link LintOptions}.
 */
public final class LintCommand implements Callable<Integer> {
    private final NetlintCommand parent;
    private final LintOptions options = new LintOptions();
    private CommandSpec spec;

    private LintCommand(NetlintCommand parent) {
        this.parent = parent;
    }

    /** The {@code lint} subcommand of {@code parent}. */
    static CommandLine commandLine(NetlintCommand parent) {
        LintCommand lint = new LintCommand(parent);
        lint.spec = CommandSpec.wrapWithoutInspection(lint).name("lint").versionProvider(new VersionProvider());
        lint.spec.usageMessage().sortOptions(false).autoWidth(true)
                .description("Lint files and directories (the default command).")
                .exitCodeListHeading("%nExit status:%n").exitCodeList(NetlintCommand.EXIT_STATUS);
        lint.options.addTo(lint.spec);
        NetlintCommand.addStandardHelpOptions(lint.spec);
        return new CommandLine(lint.spec);
    }

    @Override
    public Integer call() {
        return new LintRun(parent, options, spec.commandLine()).execute();
    }
}
