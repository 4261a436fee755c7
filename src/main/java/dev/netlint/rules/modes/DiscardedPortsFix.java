package dev.netlint.rules.modes;

import dev.netlint.model.Container;
import dev.netlint.model.PortMapping;
import dev.netlint.model.SourceLocation;
import dev.netlint.model.Fix;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The suggestion for ports a network mode discards: drop them. A suggestion, never a safe fix: the
 * user may rather leave the mode and keep the mapping.
 */
public final class DiscardedPortsFix {
    /** {@code -p X}, {@code -pX}, {@code --publish X}, {@code --publish=X}, right before the value. */
    private static final Pattern PUBLISH_FLAG = Pattern.compile("(?<![\\w-])(?:-p[ \\t]*|--publish(?:=|[ \\t]+))$");

    private DiscardedPortsFix() {
    }

    /**
     * Removes a compose service's {@code ports:} list: the key and every entry, line by line. Null
     * when the entries cannot be told apart by line (a flow list such as {@code ports: ["80:80"]} is
     * removed with its key line), or when some entry is not known.
     */
    public static Fix forService(Container c, String mode) {
        SourceLocation key = c.portsKeyLocation();
        if (key == null || !key.hasLine() || c.ports().isEmpty() || c.ports().stream().anyMatch(PortMapping::unknown)) {
            return null;
        }
        List<Fix.Edit> edits = new ArrayList<>();
        edits.add(Fix.Edit.deleteLines(key));
        for (PortMapping m : c.ports()) {
            SourceLocation l = m.location();
            if (l == null || !l.hasLine() || !l.file().equals(key.file())) {
                return null;
            }
            if (l.line() > key.endLine()) {
                edits.add(Fix.Edit.deleteLines(l));
            }
        }
        return Fix.suggestion("remove the ports: the daemon discards them in " + mode + " mode",
                edits.toArray(Fix.Edit[]::new));
    }

    /** Removes {@code -p} flags with their values from a docker run command; null unless all can be. */
    public static Fix forFlags(List<PortMapping> ports, String mode) {
        List<Fix.Edit> edits = new ArrayList<>();
        for (PortMapping m : ports) {
            if (m.location() == null || !m.location().hasLine() || m.raw() == null) {
                return null;
            }
            edits.add(Fix.Edit.deleteWithFlag(m.location(), m.raw(), PUBLISH_FLAG));
        }
        return edits.isEmpty() ? null : Fix.suggestion("remove the -p flags: the daemon discards them in " + mode
                + " mode", edits.toArray(Fix.Edit[]::new));
    }
}
