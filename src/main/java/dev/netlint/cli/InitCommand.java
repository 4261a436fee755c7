package dev.netlint.cli;

import dev.netlint.baseline.AtomicFiles;
import dev.netlint.config.ConfigLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code netlint init [FILE]}: writes a commented starter configuration. */
@Command(name = "init", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Write a commented starter .netlint.yaml. An existing file is kept unless --force is given.")
public final class InitCommand implements Callable<Integer> {
    @ParentCommand
    NetlintCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "0..1", description = "Where to write it (default: .netlint.yaml in the"
            + " working directory).")
    Path file;

    @Option(names = "--force", description = "Overwrite an existing file.")
    boolean force;

    /** The starter file's text, as shipped in the jar. */
    public static String starter() throws IOException {
        try (InputStream in = InitCommand.class.getResourceAsStream("starter.netlint.yaml")) {
            if (in == null) {
                throw new IOException("the starter configuration is missing from the netlint jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Path target = file != null ? file : parent.workingDirectory().resolve(ConfigLoader.FILE_NAME);
        if (Files.exists(target) && !force) {
            err.println("netlint: " + target + " already exists; use --force to overwrite it");
            err.flush();
            return NetlintCommand.EXIT_USAGE;
        }
        try {
            String text = starter();
            AtomicFiles.write(target, w -> w.write(text));
        } catch (IOException e) {
            err.println("netlint: cannot write " + target + ": " + e.getMessage());
            err.flush();
            return NetlintCommand.EXIT_USAGE;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("wrote " + target);
        out.flush();
        return NetlintCommand.EXIT_OK;
    }
}
