package dev.netlint.report;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Source lines for reports (the caret display, fingerprints), taken from the text that was linted
 * ({@link dev.netlint.engine.Linter.Run#sources()}), never read again by path: a file swapped or
 * re-linked since cannot put anything else into a report. A file that was not decoded as text
 * (binary, not UTF-8, refused) has no lines to show.
 */
public final class SourceLines {
    private final Map<String, String> texts;
    private final Map<String, List<String>> split = new HashMap<>();

    /** @param texts the linted text of each file, by display name */
    public SourceLines(Map<String, String> texts) {
        this.texts = texts; // not copied: a run's large texts are read again only for the files asked about
    }

    /** No source at all (reports without source lines). */
    public SourceLines() {
        this(Map.of());
    }

    /** Line {@code line} (1-based) of {@code file} as shown in findings, without its line break. */
    public Optional<String> line(String file, int line) {
        if (line <= 0) {
            return Optional.empty();
        }
        List<String> lines = split.computeIfAbsent(file, f -> {
            String text = texts.get(f);
            return text == null ? List.of() : List.of(text.split("\r?\n", -1));
        });
        return line <= lines.size() ? Optional.of(lines.get(line - 1)) : Optional.empty();
    }
}
