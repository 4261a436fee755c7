package dev.netlint.report;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Source lines for reports (the caret display, fingerprints), read lazily at report time and
 * once per file. A file that is gone, too large or not UTF-8 simply has no lines to show.
 */
public final class SourceLines {
    private static final long MAX_BYTES = 10L * 1024 * 1024;
    private final Path base;
    private final Map<String, Optional<List<String>>> cache = new HashMap<>();

    /** @param base the directory relative display names are resolved against (the working directory) */
    public SourceLines(Path base) {
        this.base = base;
    }

    public SourceLines() {
        this(Path.of(""));
    }

    /** Line {@code line} (1-based) of {@code file} as shown in findings, without its line break. */
    public Optional<String> line(String file, int line) {
        if (line <= 0) {
            return Optional.empty();
        }
        Optional<List<String>> lines = cache.computeIfAbsent(file, this::read);
        return lines.filter(l -> line <= l.size()).map(l -> l.get(line - 1));
    }

    private Optional<List<String>> read(String file) {
        try {
            Path p = base.resolve(file);
            if (!Files.isRegularFile(p) || Files.size(p) > MAX_BYTES) {
                return Optional.empty();
            }
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(p))).toString();
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            return Optional.of(List.of(text.split("\r?\n", -1)));
        } catch (CharacterCodingException | java.nio.file.InvalidPathException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
