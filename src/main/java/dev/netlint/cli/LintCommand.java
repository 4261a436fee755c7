package dev.netlint.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code netlint lint [OPTIONS] PATH...}: the same as {@code netlint [OPTIONS] PATH...}. */
@Command(name = "lint", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = "Lint files and directories (the default command).",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
                "0:no finding at or above --fail-on",
                "1:a finding at or above --fail-on",
                "2:usage error, or an input, configuration or baseline could not be read"})
public final class LintCommand implements Callable<Integer> {
    @ParentCommand
    NetlintCommand parent;

    @Mixin
    LintOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return new LintRun(parent, options, spec.commandLine()).execute();
    }
}
