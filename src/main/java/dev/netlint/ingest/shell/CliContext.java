package dev.netlint.ingest.shell;

import dev.netlint.model.Project;
import dev.netlint.model.SourceLocation;
import dev.netlint.model.Text;

/**
 * What the readers of one script's docker commands share: the script, for locations, and the
 * project the operations go to. Also the word helpers they all use.
 */
final class CliContext {
    final ShellSource source;
    final Project project;

    CliContext(ShellSource source, Project project) {
        this.source = source;
        this.project = project;
    }

    /** A word as text, unknown when its value is only known at run time. */
    Text text(ShellWord w) {
        SourceLocation l = loc(w);
        return w.unknown() ? Text.unknown(w.value(), l) : Text.of(w.value(), l);
    }

    /** A word as a name: its value, or {@code $NAME} when only known at run time. */
    String name(ShellWord w) {
        return w.unknown() ? "$" + w.value() : w.value();
    }

    SourceLocation loc(ShellWord w) {
        return source.location(w.start(), w.end());
    }

    /** The value of a flag as text, located at the value (or at the flag when the value is inside it). */
    Text value(FlagSpec.Flag f) {
        return text(f.value());
    }
}
