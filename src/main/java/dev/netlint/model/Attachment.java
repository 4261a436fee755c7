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
}
