package dev.netlint.engine;

import dev.netlint.model.SourceLocation;
import dev.netlint.rules.Finding;
import dev.netlint.model.Fix;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Pins each fix's edits to the exact characters of the text that was linted: a rule says "the value
 * 10.1.2.3/16 written here", and the resolver finds it inside the value's region (past quotes or a
 * {@code --subnet=} prefix). A fix whose edits cannot be pinned to one place is dropped, never guessed.
 */
final class FixResolver {
    private FixResolver() {
    }

    static LintResult resolve(LintResult result, Function<String, Optional<String>> textOf) {
        if (result.findings().stream().noneMatch(Finding::hasFix)) {
            return result;
        }
        Map<String, Optional<SourceText>> texts = new HashMap<>();
        List<Finding> out = new ArrayList<>(result.findings().size());
        for (Finding f : result.findings()) {
            if (!f.hasFix()) {
                out.add(f);
                continue;
            }
            Fix resolved = resolve(f.fix(), file -> texts.computeIfAbsent(file, n -> textOf.apply(n).map(SourceText::new)));
            out.add(f.withFix(resolved));
        }
        return new LintResult(List.copyOf(out), result.errors(), result.filesRead());
    }

    /** The fix with exact regions, or null when any edit cannot be pinned down. */
    static Fix resolve(Fix fix, Function<String, Optional<SourceText>> textOf) {
        List<Fix.Edit> edits = new ArrayList<>();
        for (Fix.Edit e : fix.edits()) {
            SourceLocation r = e.region();
            if (r == null || !r.hasLine()) {
                return null;
            }
            Optional<SourceText> text = textOf.apply(r.file());
            if (text.isEmpty()) {
                return null;
            }
            Fix.Edit exact = e.wholeLines() ? wholeLines(e, text.get()) : inRegion(e, text.get());
            if (exact == null) {
                return null;
            }
            edits.add(exact);
        }
        if (overlapping(edits)) {
            return null;
        }
        return new Fix(fix.description(), fix.applicability(), edits);
    }

    private static Fix.Edit wholeLines(Fix.Edit e, SourceText t) {
        SourceLocation r = e.region();
        int start = t.offset(r.line(), 1);
        int lastLine = Math.max(r.endLine(), r.line());
        if (start < 0 || lastLine > t.lineCount()) {
            return null;
        }
        int end = t.endOfLineIncluding(lastLine);
        return exact(r.file(), t, start, end, e.replacement());
    }

    private static Fix.Edit inRegion(Fix.Edit e, SourceText t) {
        SourceLocation r = e.region();
        String expected = e.expected();
        if (expected == null || expected.isEmpty()) {
            return null;
        }
        int from = t.offset(r.line(), r.column());
        int to = t.offset(Math.max(r.endLine(), r.line()), r.endLine() >= r.line() ? r.endColumn() : r.column());
        int at = from < 0 || to < from ? -1 : unique(t.text(), expected, from, to);
        if (at < 0) {
            // the region may be a bare position: look on its lines, and accept only one match
            int lineFrom = t.offset(r.line(), 1);
            int lastLine = Math.min(Math.max(r.endLine(), r.line()), t.lineCount());
            if (lineFrom < 0) {
                return null;
            }
            at = unique(t.text(), expected, lineFrom, t.endOfLineIncluding(lastLine));
        }
        if (at < 0) {
            return null;
        }
        int start = at;
        int end = at + expected.length();
        if (e.precededBy() != null) {
            int lineStart = t.offset(t.lineOf(at), 1);
            java.util.regex.Matcher m = e.precededBy().matcher(t.text().substring(lineStart, at));
            if (!m.find() || m.end() != at - lineStart) {
                return null;
            }
            start = lineStart + m.start();
        }
        if (e.replacement().isEmpty()) {
            // removing a word: take the blanks after it too, or before it at the end of a line
            String s = t.text();
            int after = end;
            while (after < s.length() && (s.charAt(after) == ' ' || s.charAt(after) == '\t')) {
                after++;
            }
            if (after > end && after < s.length() && s.charAt(after) != '\n' && s.charAt(after) != '\r') {
                end = after;
            } else {
                while (start > 0 && (s.charAt(start - 1) == ' ' || s.charAt(start - 1) == '\t')) {
                    start--;
                }
                end = after;
            }
        }
        return exact(r.file(), t, start, end, e.replacement());
    }

    /** The only offset of {@code needle} wholly inside [from, to), or -1. */
    private static int unique(String text, String needle, int from, int to) {
        int first = text.indexOf(needle, from);
        if (first < 0 || first + needle.length() > to) {
            return -1;
        }
        int second = text.indexOf(needle, first + 1);
        return second >= 0 && second + needle.length() <= to ? -1 : first;
    }

    private static Fix.Edit exact(String file, SourceText t, int start, int end, String replacement) {
        SourceLocation where = SourceLocation.of(file, t.lineOf(start), t.columnOf(start), t.lineOf(end), t.columnOf(end));
        return new Fix.Edit(where, t.text().substring(start, end), replacement, false);
    }

    private static boolean overlapping(List<Fix.Edit> edits) {
        for (int i = 0; i < edits.size(); i++) {
            for (int j = i + 1; j < edits.size(); j++) {
                Fix.Edit a = edits.get(i);
                Fix.Edit b = edits.get(j);
                if (a.region().file().equals(b.region().file()) && before(a.region(), b.region()) == before(b.region(), a.region())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether {@code a} ends at or before {@code b} starts. */
    static boolean before(SourceLocation a, SourceLocation b) {
        return a.endLine() < b.line() || (a.endLine() == b.line() && a.endColumn() <= b.column());
    }
}
