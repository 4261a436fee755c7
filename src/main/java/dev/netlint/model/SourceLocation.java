package dev.netlint.model;

import java.util.Objects;

/**
 * Where a model element came from. {@code file} is the path as the user gave it (relative to the
 * working directory) or, for live state, a logical name such as {@code docker://host/network/web}.
 * Lines and columns are 1-based; 0 means "not known" (logical locations have none). {@code via} is
 * where the value was pulled in from, when it was written elsewhere: the {@code extends:} or
 * {@code include:} that brought it into the project (null otherwise).
 *
 * <p>Compact: a fleet's inspect dumps hold millions of locations, so a one-line span is packed into
 * one long (line, column, end column); other spans keep their end and {@code via} in a {@link Wide}.
 */
public final class SourceLocation {
    private static final int LINE_BITS = 24;
    private static final int COLUMN_BITS = 20;
    private static final long LINE_MAX = (1L << LINE_BITS) - 1;
    private static final long COLUMN_MAX = (1L << COLUMN_BITS) - 1;

    private final String file;
    /** line, column and end column of a one-line span; {@code -1} when {@link #wide} holds them. */
    private final long packed;
    private final Wide wide;

    /** A span over several lines, one too long to pack, or one reached through {@code via}. */
    private record Wide(int line, int column, int endLine, int endColumn, SourceLocation via) {
    }

    public SourceLocation(String file, int line, int column, int endLine, int endColumn, SourceLocation via) {
        this.file = file;
        if (via == null && endLine == line && fits(line, LINE_MAX) && fits(column, COLUMN_MAX)
                && fits(endColumn, COLUMN_MAX)) {
            this.packed = ((long) line << (2 * COLUMN_BITS)) | ((long) column << COLUMN_BITS) | endColumn;
            this.wide = null;
        } else {
            this.packed = -1;
            this.wide = new Wide(line, column, endLine, endColumn, via);
        }
    }

    public SourceLocation(String file, int line, int column, int endLine, int endColumn) {
        this(file, line, column, endLine, endColumn, null);
    }

    private static boolean fits(int v, long max) {
        return v >= 0 && v <= max;
    }

    public String file() {
        return file;
    }

    public int line() {
        return wide != null ? wide.line() : (int) (packed >>> (2 * COLUMN_BITS));
    }

    public int column() {
        return wide != null ? wide.column() : (int) ((packed >>> COLUMN_BITS) & COLUMN_MAX);
    }

    public int endLine() {
        return wide != null ? wide.endLine() : line();
    }

    public int endColumn() {
        return wide != null ? wide.endColumn() : (int) (packed & COLUMN_MAX);
    }

    public SourceLocation via() {
        return wide != null ? wide.via() : null;
    }

    /** This location, reached through {@code via}. */
    public SourceLocation withVia(SourceLocation v) {
        return new SourceLocation(file, line(), column(), endLine(), endColumn(), v);
    }

    public static SourceLocation of(String file, int line, int column) {
        return new SourceLocation(file, line, column, line, column);
    }

    /** A location with no line, for live daemon state or whole-file facts. */
    public static SourceLocation logical(String name) {
        return new SourceLocation(name, 0, 0, 0, 0);
    }

    public boolean hasLine() {
        return line() > 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SourceLocation l && Objects.equals(file, l.file) && line() == l.line()
                && column() == l.column() && endLine() == l.endLine() && endColumn() == l.endColumn()
                && Objects.equals(via(), l.via());
    }

    @Override
    public int hashCode() {
        return Objects.hash(file, line(), column(), endLine(), endColumn(), via());
    }

    @Override
    public String toString() {
        return hasLine() ? file + ":" + line() + ":" + column() : file;
    }
}
