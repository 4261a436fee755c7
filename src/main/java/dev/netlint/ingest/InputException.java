package dev.netlint.ingest;

/** A file that cannot be read or parsed; line and column are 1-based, 0 when unknown. */
public final class InputException extends Exception {
    private final int line;
    private final int column;

    public InputException(int line, int column, String message) {
        super(message);
        this.line = line;
        this.column = column;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
