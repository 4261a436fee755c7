package dev.netlint.model;

/**
 * A scalar value with its location. {@code unknown} marks a value that could not be resolved
 * statically (an unset variable, a command substitution); rules stay quiet about unknown values.
 */
public record Text(String value, SourceLocation location, boolean unknown) {

    public static Text of(String value, SourceLocation location) {
        return new Text(value, location, false);
    }

    public static Text unknown(String raw, SourceLocation location) {
        return new Text(raw, location, true);
    }

    public boolean is(String expected) {
        return !unknown && value != null && value.equals(expected);
    }

    public boolean known() {
        return !unknown && value != null;
    }
}
