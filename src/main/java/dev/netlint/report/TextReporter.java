package dev.netlint.report;

import dev.netlint.engine.LintResult;
import dev.netlint.model.Severity;
import dev.netlint.model.SourceLocation;
import dev.netlint.rules.Finding;

import java.io.IOException;
import java.io.Writer;
import java.util.Optional;

/**
 * {@code path:line:col: severity ID message}, then the source line with a caret under the column
 * (and tildes to the end of the value when it is on the same line), and a one-line summary.
 */
public final class TextReporter implements Reporter {
    private static final String RESET = "\u001b[0m";
    private static final String BOLD = "\u001b[1m";
    private static final String RED = "\u001b[1;31m";
    private static final String YELLOW = "\u001b[1;33m";
    private static final String CYAN = "\u001b[1;36m";
    private static final String GREEN = "\u001b[1;32m";

    @Override
    public void write(LintResult result, ReportContext ctx, Writer out) throws IOException {
        boolean color = ctx.color();
        int errors = 0;
        int warnings = 0;
        int notes = 0;
        for (Finding f : result.findings()) {
            switch (f.severity()) {
                case ERROR -> errors++;
                case WARNING -> warnings++;
                case NOTE -> notes++;
            }
            SourceLocation l = f.location();
            String sev = f.severity().label();
            out.write(Escapes.line(paint(color, BOLD, Escapes.text(l.toString()) + ":") + " "
                    + paint(color, colorOf(f.severity()), sev) + " " + paint(color, BOLD, f.ruleId()) + " "
                    + Escapes.text(shorten(f.message(), MAX_MESSAGE))) + "\n");
            Optional<String> line = ctx.lines().line(l.file(), l.line());
            if (line.isPresent()) {
                Echo echo = Echo.of(line.get(), l);
                out.write(Escapes.line("    " + echo.text()) + "\n");
                out.write("    " + paint(color, GREEN, echo.caret()) + "\n");
            }
            // A value pulled in through compose extends:/include: also names the place that pulled it in.
            for (SourceLocation via = l.via(); via != null; via = via.via()) {
                out.write("    (through " + via + ")\n");
            }
        }
        out.write(plural(errors, "error") + ", " + plural(warnings, "warning") + ", " + plural(notes, "note")
                + " in " + plural(result.filesRead(), "file") + Escapes.text(ctx.configEffect().summary()) + "\n");
        out.flush();
    }

    /** Source lines longer than this are shown as a window around the column. */
    static final int MAX_ECHO = 160;
    /** Messages quote the input; a longer one is cut. */
    static final int MAX_MESSAGE = 1000;

    /**
     * A source line as echoed (escaped, at most {@link #MAX_ECHO} characters around the column,
     * "…" where cut) and its caret line: spaces (tabs copied, so the caret lines up) then ^ and ~
     * to the end of the span on that line.
     */
    record Echo(String text, String caret) {
        static Echo of(String raw, SourceLocation l) {
            int col = Math.min(Math.max(1, l.column()), raw.length() + 1);
            int start = 0;
            int end = raw.length();
            if (raw.length() > MAX_ECHO) {
                start = Math.max(0, Math.min(col - 1 - MAX_ECHO / 2, raw.length() - MAX_ECHO));
                end = Math.min(raw.length(), start + MAX_ECHO);
            }
            String lead = start > 0 ? "…" : "";
            String before = lead + Escapes.text(raw.substring(start, Math.min(col - 1, end)));
            int spanEnd = l.endLine() == l.line() ? Math.min(Math.max(l.endColumn(), col + 1), end + 1) : col + 1;
            String span = col - 1 < end ? Escapes.text(raw.substring(col - 1, Math.max(col - 1, spanEnd - 1))) : "";
            String text = before + Escapes.text(raw.substring(Math.min(col - 1, end), end))
                    + (end < raw.length() ? "…" : "");
            StringBuilder caret = new StringBuilder();
            for (int i = 0; i < before.length(); i++) {
                caret.append(before.charAt(i) == '\t' ? '\t' : ' ');
            }
            caret.append('^');
            for (int i = 1; i < span.length(); i++) {
                caret.append('~');
            }
            return new Echo(text, caret.toString());
        }
    }

    static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "… (" + (s.length() - max) + " more characters)";
    }

    private static String colorOf(Severity s) {
        return switch (s) {
            case ERROR -> RED;
            case WARNING -> YELLOW;
            case NOTE -> CYAN;
        };
    }

    private static String paint(boolean color, String code, String text) {
        return color ? code + text + RESET : text;
    }

    static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
