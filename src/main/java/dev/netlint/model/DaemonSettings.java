package dev.netlint.model;

import java.util.ArrayList;
import java.util.List;

/** A host's daemon configuration (daemon.json), as far as networking goes. */
public final class DaemonSettings {
    /** One default-address-pools entry: base block and the prefix length carved from it. */
    public record AddressPool(AddressValue base, Integer size, SourceLocation location) { }

    private final SourceLocation location;
    private AddressValue bip;
    private AddressValue fixedCidr;
    private AddressValue fixedCidrV6;
    private final List<AddressPool> defaultAddressPools = new ArrayList<>();
    private Boolean ipv6;
    private Text icc;
    private AddressValue ip;
    private Text userlandProxy;

    public DaemonSettings(SourceLocation location) {
        this.location = location;
    }

    public SourceLocation location() { return location; }
    public AddressValue bip() { return bip; }
    public AddressValue fixedCidr() { return fixedCidr; }
    public AddressValue fixedCidrV6() { return fixedCidrV6; }
    public List<AddressPool> defaultAddressPools() { return defaultAddressPools; }
    public Boolean ipv6() { return ipv6; }
    public Text icc() { return icc; }
    public AddressValue ip() { return ip; }
    public Text userlandProxy() { return userlandProxy; }

    public DaemonSettings bip(AddressValue v) { this.bip = v; return this; }
    public DaemonSettings fixedCidr(AddressValue v) { this.fixedCidr = v; return this; }
    public DaemonSettings fixedCidrV6(AddressValue v) { this.fixedCidrV6 = v; return this; }
    public DaemonSettings pool(AddressPool p) { defaultAddressPools.add(p); return this; }
    public DaemonSettings ipv6(Boolean v) { this.ipv6 = v; return this; }
    public DaemonSettings icc(Text v) { this.icc = v; return this; }
    public DaemonSettings ip(AddressValue v) { this.ip = v; return this; }
    public DaemonSettings userlandProxy(Text v) { this.userlandProxy = v; return this; }
}
