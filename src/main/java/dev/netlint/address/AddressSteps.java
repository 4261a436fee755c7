package dev.netlint.address;

import java.util.Optional;

/** Stepping through addresses, done by IPAddress (no hand-written bit arithmetic). */
public final class AddressSteps {
    private AddressSteps() {
    }

    /** The address after {@code ip}; empty at the end of the family's space. */
    public static Optional<Ip> next(Ip ip) {
        var n = ip.raw().increment(1);
        return n == null ? Optional.empty() : Optional.of(new Ip(n));
    }

    /**
     * The address the daemon takes as gateway when none is given: the first address after the
     * block's network address. Empty for /32 and /128 blocks.
     */
    public static Optional<Ip> firstHost(Cidr block) {
        return next(block.first()).filter(block::contains);
    }
}
