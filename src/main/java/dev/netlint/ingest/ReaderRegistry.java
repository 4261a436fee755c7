package dev.netlint.ingest;

import java.util.ArrayList;
import java.util.List;

/** Every input format, in the order they are asked to claim a file. One line a reader. */
public final class ReaderRegistry {
    private ReaderRegistry() {
    }

    public static List<InputReader> all() {
        List<InputReader> readers = new ArrayList<>();
        readers.add(new dev.netlint.ingest.compose.ComposeReader());
        readers.add(new dev.netlint.ingest.shell.ShellScriptReader());
        readers.add(new dev.netlint.ingest.shell.MarkdownShellReader());
        readers.add(new dev.netlint.ingest.daemonjson.DaemonJsonReader());
        readers.add(new dev.netlint.ingest.inspect.InspectReader());
        return List.copyOf(readers);
    }
}
