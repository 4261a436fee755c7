package dev.netlint.model;

import java.util.ArrayList;
import java.util.List;

/** A LAN shared by the parent interfaces of several hosts (macvlan/ipvlan neighbours). */
public final class Segment {
    private final String name;
    private final SourceLocation location;
    private final List<String> hosts = new ArrayList<>();
    private AddressValue subnet;
    private AddressValue gateway;
    private final List<AddressValue> reservedAddresses = new ArrayList<>();

    public Segment(String name, SourceLocation location) {
        this.name = name;
        this.location = location;
    }

    public String name() { return name; }
    public SourceLocation location() { return location; }
    public List<String> hosts() { return hosts; }
    public AddressValue subnet() { return subnet; }
    public AddressValue gateway() { return gateway; }
    /** Addresses on the LAN that containers must not take (host NICs, routers, DHCP servers). */
    public List<AddressValue> reservedAddresses() { return reservedAddresses; }
    public Segment subnet(AddressValue v) { this.subnet = v; return this; }
    public Segment gateway(AddressValue v) { this.gateway = v; return this; }
}
