package dev.netlint.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * main registers the subcommands only when the arguments need them (start-up time): every command
 * line must parse to the same commands, or fail with the same message, as with all of them registered.
 */
class LazySubcommandsTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "compose.yaml",
            "--format json a.yaml b.yaml",
            "-o out.txt compose.yaml",
            "--fail-on warning -- rules",
            "-- --help",
            "lint compose.yaml",
            "compose.yaml lint",
            "rules",
            "rules NL101",
            "-o rules compose.yaml",
            "init",
            "probe --help",
            "help",
            "help rules",
            "generate-completion",
            "--help",
            "-h",
            "-Vh",
            "--version",
            "-V",
            "--bogus",
            "--format",
            "--format nope x.yaml",
            ""})
    void parsesAsWithEverySubcommandRegistered(String line) {
        String[] args = line.isEmpty() ? new String[0] : line.split(" ");
        String lazy = outcome(NetlintCommand.commandLine(new NetlintCommand(), NetlintCommand.needsSubcommands(args)), args);
        String full = outcome(NetlintCommand.commandLine(new NetlintCommand()), args);
        assertThat(lazy).as(line).isEqualTo(full);
    }

    @ParameterizedTest
    @ValueSource(strings = {"compose.yaml", "--format sarif -o x.sarif a.yaml", "-- help", "-V", "--no-color ."})
    void aPlainLintRegistersNone(String line) {
        assertThat(NetlintCommand.needsSubcommands(line.split(" "))).as(line).isFalse();
    }

    @org.junit.jupiter.api.Test
    void theWrittenOutNamesAreTheSubcommandsNamesAndAliases() {
        java.util.Set<String> declared = new java.util.HashSet<>();
        NetlintCommand.commandLine(new NetlintCommand()).getSubcommands().forEach((name, sub) -> declared.add(name));
        assertThat(NetlintCommand.SUBCOMMAND_NAMES).containsExactlyInAnyOrderElementsOf(declared);
    }

    /** The commands matched, with their positional parameters, or the parse error's message. */
    private static String outcome(CommandLine cl, String[] args) {
        try {
            List<CommandLine> parsed = cl.parseArgs(args).asCommandLineList();
            StringBuilder out = new StringBuilder();
            for (CommandLine c : parsed) {
                out.append(c.getCommandName()).append(c.getParseResult().originalArgs())
                        .append(c.getParseResult().matchedPositionals().stream()
                                .map(p -> String.valueOf((Object) p.getValue())).toList()).append(c.getParseResult().isUsageHelpRequested())
                        .append(c.getParseResult().isVersionHelpRequested()).append(' ');
            }
            return out.toString();
        } catch (CommandLine.ParameterException e) {
            return "error: " + e.getMessage();
        }
    }
}
