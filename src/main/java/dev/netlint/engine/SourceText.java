package dev.netlint.engine;

import java.util.ArrayList;
import java.util.List;

/** Converts between 1-based line/column positions and character offsets of one text. */
final class SourceText {
    private final String text;
    private final int[] lineStarts;

    SourceText(String text) {
        this.text = text;
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    String text() {
        return text;
    }

    int lineCount() {
        return lineStarts.length;
    }

    /** The offset of a 1-based line and column, clamped to the text; -1 for a line that does not exist. */
    int offset(int line, int column) {
        if (line < 1) {
            return -1;
        }
        if (line > lineStarts.length) {
            return line == lineStarts.length + 1 && column == 1 ? text.length() : -1;
        }
        int start = lineStarts[line - 1];
        int end = line < lineStarts.length ? lineStarts[line] : text.length();
        return Math.min(start + Math.max(column, 1) - 1, end);
    }

    /** The offset just past the end of a line, including its line end. */
    int endOfLineIncluding(int line) {
        return line < lineStarts.length ? lineStarts[line] : text.length();
    }

    /** The 1-based line of an offset. */
    int lineOf(int offset) {
        int lo = 0;
        int hi = lineStarts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo + 1;
    }

    int columnOf(int offset) {
        return offset - lineStarts[lineOf(offset) - 1] + 1;
    }
}
