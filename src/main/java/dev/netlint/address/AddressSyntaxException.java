package dev.netlint.address;

/** The only exception the address parser throws: the text is not a valid address or CIDR. */
public final class AddressSyntaxException extends Exception {
    public AddressSyntaxException(String message) {
        super(message);
    }
}
