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
 * one long (line, column, end column); other spans keep their end and {@code via} in a subclass.
 */
public class SourceLocation {
    private static final int LINE_BITS = 24;
    private static final int COLUMN_BITS = 20;
    private static final long LINE_MAX = (1L << LINE_BITS) - 1;
    private static final long COLUMN_MAX = (1L << COLUMN_BITS) - 1;

    private final String file;
    /** line, column and end column of a one-line span; {@code -1} in a {@link Wide}. */
    private final long packed;

    /**
     * A span over several lines, one too long to pack, or one reached through {@code via}. A subclass,
     * not a field of every location: a one-line span is then 24 bytes, not 32, and a fleet's inspect
     * dumps hold six of them per network.
     */
    private static final class Wide extends SourceLocation {
        private final int line;
        private final int column;
        private final int endLine;
        private final int endColumn;
        private final SourceLocation via;

        Wide(String file, int line, int column, int endLine, int endColumn, SourceLocation via) {
            super(file, -1);
            this.line = line;
            this.column = column;
            this.endLine = endLine;
            this.endColumn = endColumn;
            this.via = via;
        }

        @Override
        public int line() {
            return line;
        }

        @Override
        public int column() {
            return column;
        }

        @Override
        public int endLine() {
            return endLine;
        }

        @Override
        public int endColumn() {
            return endColumn;
        }

        @Override
        public SourceLocation via() {
            return via;
        }
    }

    private SourceLocation(String file, long packed) {
        this.file = file;
        this.packed = packed;
    }

    public static SourceLocation of(String file, int line, int column, int endLine, int endColumn, SourceLocation via) {
        if (via == null && endLine == line && fits(line, LINE_MAX) && fits(column, COLUMN_MAX)
                && fits(endColumn, COLUMN_MAX)) {
            return new SourceLocation(file, ((long) line << (2 * COLUMN_BITS)) | ((long) column << COLUMN_BITS) | endColumn);
        }
        return new Wide(file, line, column, endLine, endColumn, via);
    }

    public static SourceLocation of(String file, int line, int column, int endLine, int endColumn) {
        return of(file, line, column, endLine, endColumn, null);
    }

    private static boolean fits(int v, long max) {
        return v >= 0 && v <= max;
    }

    public String file() {
        return file;
    }

    /*
     * Compact holding, for model elements a fleet has millions of (networks, pools, address values,
     * texts): a one-line location is kept as its file and a packed position, two fields of the
     * holder, instead of an object of its own; any other location is kept as it is. The holder
     * stores compactWhere(l) and compactPosition(l), and gets the location back with expand.
     */

    /** The file, for a location that packs into a position; else the location itself (or null). */
    static Object compactWhere(SourceLocation l) {
        return l != null && l.file != null && l.packed >= 0 ? l.file : l;
    }

    static long compactPosition(SourceLocation l) {
        return l != null && l.file != null ? l.packed : -1;
    }

    static SourceLocation expand(Object where, long position) {
        return where instanceof String file ? new SourceLocation(file, position) : (SourceLocation) where;
    }

    public int line() {
        return (int) (packed >>> (2 * COLUMN_BITS));
    }

    public int column() {
        return (int) ((packed >>> COLUMN_BITS) & COLUMN_MAX);
    }

    public int endLine() {
        return line();
    }

    public int endColumn() {
        return (int) (packed & COLUMN_MAX);
    }

    public SourceLocation via() {
        return null;
    }

    /** This location, reached through {@code via}. */
    public SourceLocation withVia(SourceLocation v) {
        return of(file, line(), column(), endLine(), endColumn(), v);
    }

    public static SourceLocation of(String file, int line, int column) {
        return of(file, line, column, line, column);
    }

    /** A location with no line, for live daemon state or whole-file facts. */
    public static SourceLocation logical(String name) {
        return of(name, 0, 0, 0, 0);
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
