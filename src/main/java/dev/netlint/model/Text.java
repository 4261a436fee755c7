package dev.netlint.model;

import java.util.Objects;

/**
 * A scalar value with its location. {@code unknown} marks a value that could not be resolved
 * statically (an unset variable, a command substitution); rules stay quiet about unknown values.
 * A value class as a record would be, but holding its location compactly (see
 * {@link SourceLocation#compactWhere}): every observed network of a fleet has one, for its driver.
 */
public final class Text {
    private final String value;
    private final Object where;
    private final long position;
    private final boolean unknown;

    public Text(String value, SourceLocation location, boolean unknown) {
        this.value = value;
        this.where = SourceLocation.compactWhere(location);
        this.position = SourceLocation.compactPosition(location);
        this.unknown = unknown;
    }

    public static Text of(String value, SourceLocation location) {
        return new Text(value, location, false);
    }

    public static Text unknown(String raw, SourceLocation location) {
        return new Text(raw, location, true);
    }

    public String value() {
        return value;
    }

    public SourceLocation location() {
        return SourceLocation.expand(where, position);
    }

    public boolean unknown() {
        return unknown;
    }

    public boolean is(String expected) {
        return !unknown && value != null && value.equals(expected);
    }

    public boolean known() {
        return !unknown && value != null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Text t && unknown == t.unknown && Objects.equals(value, t.value)
                && Objects.equals(location(), t.location());
    }

    @Override
    public int hashCode() {
        return Objects.hash(value, location(), unknown);
    }

    @Override
    public String toString() {
        return "Text[value=" + value + ", location=" + location() + ", unknown=" + unknown + "]";
    }
}
