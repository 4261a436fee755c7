package dev.netlint.model;

/**
 * Where a model element came from. {@code file} is the path as the user gave it (relative to the
 * working directory) or, for live state, a logical name such as {@code docker://host/network/web}.
 * Lines and columns are 1-based; 0 means "not known" (logical locations have none). {@code via} is
 * where the value was pulled in from, when it was written elsewhere: the {@code extends:} or
 * {@code include:} that brought it into the project (null otherwise).
 */
public record SourceLocation(String file, int line, int column, int endLine, int endColumn, SourceLocation via) {

    public SourceLocation(String file, int line, int column, int endLine, int endColumn) {
        this(file, line, column, endLine, endColumn, null);
    }

    /** This location, reached through {@code via}. */
    public SourceLocation withVia(SourceLocation v) {
        return new SourceLocation(file, line, column, endLine, endColumn, v);
    }

    public static SourceLocation of(String file, int line, int column) {
        return new SourceLocation(file, line, column, line, column);
    }

    /** A location with no line, for live daemon state or whole-file facts. */
    public static SourceLocation logical(String name) {
        return new SourceLocation(name, 0, 0, 0, 0);
    }

    public boolean hasLine() {
        return line > 0;
    }

    @Override
    public String toString() {
        return hasLine() ? file + ":" + line + ":" + column : file;
    }
}
