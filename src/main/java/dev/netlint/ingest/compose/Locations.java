package dev.netlint.ingest.compose;

import dev.netlint.model.SourceLocation;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Turns snakeyaml-engine marks (0-based, end exclusive, labelled with the file's display name)
 * into 1-based {@link SourceLocation}s. A block collection's end mark sits at the start of the
 * next token, often a later line; such ends are pulled back to the end of the last line of content.
 */
final class Locations {
    private final Map<String, String> texts = new HashMap<>();
    private final Map<String, String> files = new HashMap<>();
    private final Map<String, String[]> lines = new HashMap<>();
    private final Map<String, SourceLocation> vias = new HashMap<>();
    private final Map<String, Interpolator> interpolators = new HashMap<>();
    private final String fallbackFile;

    Locations(String fallbackFile) {
        this.fallbackFile = fallbackFile;
    }

    /** A stream parsed with marks labelled {@code label}: the file it is, and its text. */
    void addFile(String label, String displayName, String text) {
        files.put(label, displayName);
        texts.put(label, text);
    }

    /**
     * A stream of a project of several files: its file, its text, where it was pulled in from (null
     * for a file of the project itself) and the variables its values are interpolated with.
     */
    void addFile(String label, String displayName, String text, SourceLocation via, Interpolator interpolator) {
        addFile(label, displayName, text);
        if (via != null) {
            vias.put(label, via);
        }
        interpolators.put(label, interpolator);
    }

    /** A second label for a stream already added, whose values were pulled in through {@code via}. */
    void alias(String label, String existing, SourceLocation via) {
        files.put(label, files.getOrDefault(existing, fallbackFile));
        String text = texts.get(existing);
        if (text != null) {
            texts.put(label, text);
        }
        if (via != null) {
            vias.put(label, via);
        }
        Interpolator i = interpolators.get(existing);
        if (i != null) {
            interpolators.put(label, i);
        }
    }

    /** The interpolator of the file a node came from, or {@code fallback}. */
    Interpolator interpolatorOf(Node node, Interpolator fallback) {
        Interpolator own = node.getStartMark().map(m -> interpolators.get(m.getName())).orElse(null);
        return own == null ? fallback : own;
    }

    SourceLocation of(Node node) {
        Optional<Mark> start = node.getStartMark();
        if (start.isEmpty()) {
            return SourceLocation.of(fallbackFile, 1, 1);
        }
        Mark s = start.get();
        Mark e = node.getEndMark().orElse(s);
        int endLine = e.getLine() + 1;
        int endCol = e.getColumn() + 1;
        if (!(node instanceof ScalarNode) && e.getLine() > s.getLine() && blankBefore(s.getName(), e)) {
            int[] back = lastContentBefore(s.getName(), e.getLine(), s.getLine());
            endLine = back[0];
            endCol = back[1];
        }
        return SourceLocation.of(files.getOrDefault(s.getName(), fallbackFile), s.getLine() + 1, s.getColumn() + 1, endLine,
                endCol, vias.get(s.getName()));
    }

    /** Whether the end mark is the first token of its line (nothing but indentation before it). */
    private boolean blankBefore(String label, Mark e) {
        if (e.getColumn() == 0) {
            return true;
        }
        String[] ls = linesOf(label);
        return e.getLine() < ls.length && ls[e.getLine()].length() >= e.getColumn()
                && ls[e.getLine()].substring(0, e.getColumn()).isBlank();
    }

    private String[] linesOf(String label) {
        return lines.computeIfAbsent(label, k -> {
            String t = texts.get(k);
            return t == null ? new String[0] : t.split("\n", -1);
        });
    }

    private int[] lastContentBefore(String label, int zeroBasedLine, int startLine) {
        String[] ls = linesOf(label);
        for (int i = Math.min(zeroBasedLine - 1, ls.length - 1); i >= startLine; i--) {
            String l = ls[i].stripTrailing();
            String t = l.strip();
            if (!t.isEmpty() && !t.startsWith("#")) {
                return new int[] {i + 1, l.length() + 1};
            }
        }
        return new int[] {zeroBasedLine, 1};
    }
}
