package dev.netlint.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/** Lets tests in other packages build a {@link ProbeCommand} with a chosen environment and streams. */
public final class ProbeCommandAccess {
    public ProbeCommand command(Map<String, String> env, Path home, PrintStream out, PrintStream err) {
        return new ProbeCommand().use(env, home, out, err);
    }
}
