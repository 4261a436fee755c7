package dev.netlint.model;

import java.util.ArrayList;
import java.util.List;

/** A container's membership of one network, with its static addresses and aliases. */
public final class Attachment {
    private final Text network;
    private final SourceLocation location;
    private AddressValue ipv4;
    private AddressValue ipv6;
    private final List<Text> aliases = new ArrayList<>();
    private AddressValue observedIpv4;
    private AddressValue observedIpv6;

    public Attachment(Text network, SourceLocation location) {
        this.network = network;
        this.location = location;
    }

    public Text network() { return network; }
    public SourceLocation location() { return location; }
    public AddressValue ipv4() { return ipv4; }
    public AddressValue ipv6() { return ipv6; }
    public List<Text> aliases() { return aliases; }

    public Attachment ipv4(AddressValue v) { this.ipv4 = v; return this; }
    public Attachment ipv6(AddressValue v) { this.ipv6 = v; return this; }
    public Attachment alias(Text v) { aliases.add(v); return this; }

    /**
     * The address the container actually holds, as observed (docker inspect's IPAddress); null for
     * declared inputs. {@link #ipv4()} stays the statically requested address only.
     */
    public AddressValue observedIpv4() { return observedIpv4; }
    public AddressValue observedIpv6() { return observedIpv6; }
    public Attachment observed(AddressValue v4, AddressValue v6) { this.observedIpv4 = v4; this.observedIpv6 = v6; return this; }
}
