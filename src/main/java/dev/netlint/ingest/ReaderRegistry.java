package dev.netlint.ingest;

import dev.netlint.ingest.compose.ComposeReader;
import dev.netlint.ingest.shell.MarkdownShellReader;
import dev.netlint.ingest.shell.ShellScriptReader;

import java.util.List;

/** Every input format, in the order they are asked to claim a file. */
public final class ReaderRegistry {
    private ReaderRegistry() {
    }

    public static List<InputReader> all() {
        return List.of(new ComposeReader());
        return List.of(new ShellScriptReader(), new MarkdownShellReader());
    }
}
