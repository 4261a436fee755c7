package dev.netlint.model;

/**
 * Where a model element came from. {@code file} is the path as the user gave it (relative to the
 * working directory) or, for live state, a logical name such as {@code docker://host/network/web}.
 * Lines and columns are 1-based; 0 means "not known" (logical locations have none).
 */
public record SourceLocation(String file, int line, int column, int endLine, int endColumn) {

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
