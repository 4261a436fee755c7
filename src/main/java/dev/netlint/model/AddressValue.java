package dev.netlint.model;

import dev.netlint.address.AddressParser;
import dev.netlint.address.AddressSyntaxException;
import dev.netlint.address.Cidr;
import dev.netlint.address.Ip;

import java.util.Optional;

/**
 * An address or CIDR block as written in some input, with its location and its parse outcome:
 * parsed, unknown (not resolvable statically), or malformed (with the parser's reason).
 */
public final class AddressValue {
    public enum State { PARSED, UNKNOWN, MALFORMED }

    /** The text and its parse outcome, shared by every place the same text is written (see {@link #at}). */
    private record Parse(String raw, State state, Cidr cidr, Ip ip, String error) {
    }

    private final Parse parse;
    // The location, held compactly (see SourceLocation.compactWhere): a fleet has millions of address values.
    private final Object where;
    private final long position;

    private AddressValue(String raw, SourceLocation location, State state, Cidr cidr, Ip ip, String error) {
        this(new Parse(raw, state, cidr, ip, error), location);
    }

    private AddressValue(Parse parse, SourceLocation location) {
        this.parse = parse;
        this.where = SourceLocation.compactWhere(location);
        this.position = SourceLocation.compactPosition(location);
    }

    /** A CIDR block such as a subnet or ip-range. */
    public static AddressValue cidr(String raw, SourceLocation location) {
        try {
            return new AddressValue(raw, location, State.PARSED, AddressParser.parseCidr(raw), null, null);
        } catch (AddressSyntaxException e) {
            return new AddressValue(raw, location, State.MALFORMED, null, null, e.getMessage());
        }
    }

    /** A single address such as a gateway or a static container address. */
    public static AddressValue address(String raw, SourceLocation location) {
        try {
            return new AddressValue(raw, location, State.PARSED, null, AddressParser.parseAddress(raw), null);
        } catch (AddressSyntaxException e) {
            return new AddressValue(raw, location, State.MALFORMED, null, null, e.getMessage());
        }
    }

    public static AddressValue unknown(String raw, SourceLocation location) {
        return new AddressValue(raw, location, State.UNKNOWN, null, null, null);
    }

    /** Builds from a {@link Text}: unknown text stays unknown. */
    public static AddressValue cidr(Text text) {
        return text.unknown() ? unknown(text.value(), text.location()) : cidr(text.value(), text.location());
    }

    public static AddressValue address(Text text) {
        return text.unknown() ? unknown(text.value(), text.location()) : address(text.value(), text.location());
    }

    /**
     * The same value (text and parse outcome) written somewhere else: lets a reader parse text that
     * recurs across a fleet's dumps once. Parsed addresses are immutable, so sharing them is safe.
     */
    public AddressValue at(SourceLocation where) {
        return new AddressValue(parse, where);
    }

    public String raw() {
        return parse.raw();
    }

    public SourceLocation location() {
        return SourceLocation.expand(where, position);
    }

    public State state() {
        return parse.state();
    }

    public boolean isMalformed() {
        return parse.state() == State.MALFORMED;
    }

    public boolean isUnknown() {
        return parse.state() == State.UNKNOWN;
    }

    public Optional<Cidr> asCidr() {
        return Optional.ofNullable(parse.cidr());
    }

    public Optional<Ip> asIp() {
        return Optional.ofNullable(parse.ip());
    }

    /** The parser's reason, for malformed values. */
    public String error() {
        return parse.error();
    }

    @Override
    public String toString() {
        return parse.raw();
    }
}
