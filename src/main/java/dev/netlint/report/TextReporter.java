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
            out.write(paint(color, BOLD, l.toString() + ":") + " " + paint(color, colorOf(f.severity()), sev) + " "
                    + paint(color, BOLD, f.ruleId()) + " " + f.message() + "\n");
            Optional<String> line = ctx.lines().line(l.file(), l.line());
            if (line.isPresent()) {
                String text = line.get();
                out.write("    " + text + "\n");
                out.write("    " + paint(color, GREEN, caret(text, l)) + "\n");
            }
            // A value pulled in through compose extends:/include: also names the place that pulled it in.
            for (SourceLocation via = l.via(); via != null; via = via.via()) {
                out.write("    (through " + via + ")\n");
            }
        }
        out.write(plural(errors, "error") + ", " + plural(warnings, "warning") + ", " + plural(notes, "note")
                + " in " + plural(result.filesRead(), "file") + "\n");
        out.flush();
    }

    /** Spaces (tabs copied from the line, so the caret lines up) then ^ and ~ to the end of the span. */
    static String caret(String text, SourceLocation l) {
        int col = Math.max(1, l.column());
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < col - 1; i++) {
            sb.append(i < text.length() && text.charAt(i) == '\t' ? '\t' : ' ');
        }
        sb.append('^');
        int end = l.endLine() == l.line() ? Math.min(l.endColumn(), text.length() + 1) : col;
        for (int c = col + 1; c < end; c++) {
            sb.append('~');
        }
        return sb.toString();
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
