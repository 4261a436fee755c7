package dev.netlint.cli;

import picocli.AutoComplete;
import picocli.CommandLine;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Build step (pom.xml, process-classes): the completion script and the man pages, from the full
 * command tree. picocli's own tools take a class and read its annotation, which no longer lists the
 * subcommands (main registers them only when needed), so they would document the top command alone.
 * Usage: {@code CommandTreeDocs COMPLETION_FILE MAN_DIR}; picocli-codegen must be on the class path.
 */
public final class CommandTreeDocs {
    private CommandTreeDocs() {
    }

    public static void main(String[] args) throws Exception {
        CommandLine tree = NetlintCommand.commandLine(new NetlintCommand());
        Files.writeString(Path.of(args[0]), AutoComplete.bash("netlint", tree), StandardCharsets.UTF_8);
        // Reflection: picocli-codegen is a build-time tool, not a dependency of netlint.
        Class.forName("picocli.codegen.docgen.manpage.ManPageGenerator")
                .getMethod("generateManPage", File.class, File.class, boolean[].class, boolean.class,
                        CommandLine.Model.CommandSpec[].class)
                .invoke(null, new File(args[1]), null, new boolean[0], true,
                        new CommandLine.Model.CommandSpec[] {tree.getCommandSpec()});
    }
}
