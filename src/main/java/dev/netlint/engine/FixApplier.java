package dev.netlint.engine;

import dev.netlint.baseline.AtomicFiles;
import dev.netlint.model.SourceLocation;
import dev.netlint.rules.Finding;
import dev.netlint.model.Fix;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Plans and applies fixes to files. A fix is all-or-nothing: it is taken only when every one of its
 * edits still finds the exact text it expects (the file has not changed since it was linted) and
 * touches no byte another taken fix touches. Only the characters of the edited values change:
 * comments, quoting, indentation and line ends stay as they were.
 */
public final class FixApplier {
    /** One file's text before and after, and how many fixes went into it. */
    public record FileChange(String file, Path path, String before, String after, int fixes) {
    }

    /** What a run would change, and what it left alone and why. */
    public record Plan(List<FileChange> changes, List<String> notes) {
        public int fixCount() {
            return changes.stream().mapToInt(FileChange::fixes).sum();
        }
    }

    private FixApplier() {
    }

    /**
     * The changes the findings' fixes make: SAFE fixes always, SUGGESTION fixes only with
     * {@code unsafe}. {@code cwd} resolves the findings' file names, which are as the user gave them.
     */
    public static Plan plan(List<Finding> findings, boolean unsafe, Path cwd) {
        Map<String, String> texts = new LinkedHashMap<>();
        Map<String, List<Fix.Edit>> taken = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        for (Finding f : findings) {
            Fix fix = f.fix();
            if (fix == null || fix.edits().isEmpty() || (!fix.isSafe() && !unsafe)) {
                continue;
            }
            boolean ok = true;
            for (Fix.Edit e : fix.edits()) {
                String file = e.region().file();
                if (!texts.containsKey(file) && !unreadable.contains(file)) {
                    String text = read(cwd.resolve(file), notes, file);
                    if (text == null) {
                        unreadable.add(file);
                    } else {
                        texts.put(file, text);
                    }
                }
                String text = texts.get(file);
                if (text == null || !matches(text, e)) {
                    if (text != null) {
                        notes.add(file + ":" + e.region().line() + ": changed since it was linted; "
                                + f.ruleId() + " left as it is");
                    }
                    ok = false;
                    break;
                }
                if (taken.getOrDefault(file, List.of()).stream().anyMatch(o -> overlaps(o.region(), e.region()))) {
                    ok = false; // another fix edits these bytes; the next lint run picks this one up
                    break;
                }
            }
            if (!ok) {
                continue;
            }
            for (Fix.Edit e : fix.edits()) {
                taken.computeIfAbsent(e.region().file(), k -> new ArrayList<>()).add(e);
            }
            String first = fix.edits().get(0).region().file();
            counts.merge(first, 1, Integer::sum);
        }
        List<FileChange> changes = new ArrayList<>();
        for (Map.Entry<String, List<Fix.Edit>> e : taken.entrySet()) {
            String before = texts.get(e.getKey());
            String after = apply(before, e.getValue());
            if (!after.equals(before)) {
                changes.add(new FileChange(e.getKey(), cwd.resolve(e.getKey()), before, after,
                        counts.getOrDefault(e.getKey(), 0)));
            }
        }
        return new Plan(changes, notes);
    }

    /** Writes the planned changes atomically; a file that changed on disk since planning is left alone. */
    public static List<String> write(Plan plan) {
        List<String> notes = new ArrayList<>();
        for (FileChange c : plan.changes()) {
            try {
                String now = decode(Files.readAllBytes(c.path()));
                if (!Objects.equals(now, c.before())) {
                    notes.add(c.file() + ": changed while netlint was fixing it; left as it is");
                    continue;
                }
                AtomicFiles.write(c.path(), w -> w.write(c.after()));
            } catch (IOException e) {
                notes.add(c.file() + ": not fixed: " + e.getMessage());
            }
        }
        return notes;
    }

    static String apply(String text, List<Fix.Edit> edits) {
        SourceText t = new SourceText(text);
        List<Fix.Edit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparingInt((Fix.Edit e) -> t.offset(e.region().line(), e.region().column())).reversed());
        StringBuilder sb = new StringBuilder(text);
        for (Fix.Edit e : sorted) {
            int start = t.offset(e.region().line(), e.region().column());
            sb.replace(start, start + e.expected().length(), e.replacement());
        }
        return sb.toString();
    }

    private static boolean matches(String text, Fix.Edit e) {
        SourceText t = new SourceText(text);
        int start = t.offset(e.region().line(), e.region().column());
        return start >= 0 && e.expected() != null && text.startsWith(e.expected(), start);
    }

    private static boolean overlaps(SourceLocation a, SourceLocation b) {
        return !FixResolver.before(a, b) && !FixResolver.before(b, a);
    }

    private static String read(Path path, List<String> notes, String shown) {
        try {
            if (!Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                notes.add(shown + ": not a regular file (or a symbolic link); not fixed");
                return null;
            }
            return decode(Files.readAllBytes(path));
        } catch (IOException e) {
            notes.add(shown + ": cannot read it to fix it: " + e.getMessage());
            return null;
        }
    }

    private static String decode(byte[] bytes) throws IOException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IOException("not UTF-8 text", e);
        }
    }
}
