package dev.netlint.ingest.shell;

import dev.netlint.model.SourceLocation;

/**
 * Shell text to parse, with the place in the original file of every character: a whole script
 * maps one to one, a Markdown block maps to the lines of its fence (prompts stripped).
 */
public final class ShellSource {
    private final String file;
    private final String text;
    private final int[] lines;
    private final int[] columns;

    ShellSource(String file, String text, int[] lines, int[] columns) {
        if (lines.length != text.length() + 1 || columns.length != text.length() + 1) {
            throw new IllegalArgumentException("position map does not match the text");
        }
        this.file = file;
        this.text = text;
        this.lines = lines;
        this.columns = columns;
    }

    /** A whole file: line and column of each character as it stands. */
    public static ShellSource whole(String file, String text) {
        int[] lines = new int[text.length() + 1];
        int[] cols = new int[text.length() + 1];
        int line = 1;
        int col = 1;
        for (int i = 0; i < text.length(); i++) {
            lines[i] = line;
            cols[i] = col;
            if (text.charAt(i) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        lines[text.length()] = line;
        cols[text.length()] = col;
        return new ShellSource(file, text, lines, cols);
    }

    public String file() {
        return file;
    }

    public String text() {
        return text;
    }

    /** The location of characters [start, end) of the text, end exclusive. */
    public SourceLocation location(int start, int end) {
        int s = clamp(start);
        int e = clamp(Math.max(end, start));
        // the end column points just past the last character, on the last character's line
        int lastChar = e > s ? e - 1 : s;
        return SourceLocation.of(file, lines[s], columns[s], lines[lastChar], columns[lastChar] + (e > s ? 1 : 0));
    }

    private int clamp(int i) {
        return Math.max(0, Math.min(i, text.length()));
    }

    /** Builds a source piece by piece, keeping each character's original position. */
    static final class Builder {
        private final String file;
        private final StringBuilder text = new StringBuilder();
        private int[] lines = new int[64];
        private int[] columns = new int[64];

        Builder(String file) {
            this.file = file;
        }

        /** Appends {@code s}, whose first character stands at (line, column) of the original, on one line. */
        void append(String s, int line, int column) {
            for (int i = 0; i < s.length(); i++) {
                put(s.charAt(i), line, column + i);
            }
        }

        void put(char c, int line, int column) {
            int n = text.length();
            if (n + 1 >= lines.length) {
                lines = java.util.Arrays.copyOf(lines, lines.length * 2);
                columns = java.util.Arrays.copyOf(columns, columns.length * 2);
            }
            text.append(c);
            lines[n] = line;
            columns[n] = column;
        }

        int length() {
            return text.length();
        }

        ShellSource build() {
            int n = text.length();
            int[] l = java.util.Arrays.copyOf(lines, n + 1);
            int[] c = java.util.Arrays.copyOf(columns, n + 1);
            l[n] = n > 0 ? l[n - 1] : 1;
            c[n] = n > 0 ? c[n - 1] + 1 : 1;
            return new ShellSource(file, text.toString(), l, c);
        }
    }
}
