package dev.netlint.ingest;

import dev.netlint.ingest.daemonjson.DaemonJsonReader;
import dev.netlint.ingest.inspect.InspectReader;

import java.util.List;

/** Every input format, in the order they are asked to claim a file. */
public final class ReaderRegistry {
    private ReaderRegistry() {
    }

    public static List<InputReader> all() {
        return List.of(new DaemonJsonReader(), new InspectReader());
    }
}
