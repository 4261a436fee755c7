package dev.netlint.model;

import java.util.LinkedHashMap;
import java.util.Map;

/** One IPAM config entry: a subnet with its optional range, gateway and reserved addresses. */
public final class IpamPool {
    // The location held compactly (see SourceLocation.compactWhere): a fleet has a million pools.
    private final Object where;
    private final long position;
    private AddressValue subnet;
    private AddressValue ipRange;
    private AddressValue gateway;
    /** Aux addresses and lease ranges, allocated on the first: most pools (a fleet's million) have none. */
    private Reserved reserved;

    private static final class Reserved {
        private Map<String, AddressValue> auxAddresses;
        private AddressValue leaseStart;
        private AddressValue leaseEnd;
    }

    public IpamPool(SourceLocation location) {
        this.where = SourceLocation.compactWhere(location);
        this.position = SourceLocation.compactPosition(location);
    }

    public SourceLocation location() { return SourceLocation.expand(where, position); }
    /** Nothing set: an IPAM config entry printed as {@code {}}. */
    public boolean isEmpty() { return subnet == null && ipRange == null && gateway == null && reserved == null; }
    public AddressValue subnet() { return subnet; }
    public AddressValue ipRange() { return ipRange; }
    public AddressValue gateway() { return gateway; }
    public Map<String, AddressValue> auxAddresses() {
        return reserved == null || reserved.auxAddresses == null ? java.util.Collections.emptyMap() : reserved.auxAddresses;
    }

    public IpamPool subnet(AddressValue v) { this.subnet = v; return this; }
    public IpamPool ipRange(AddressValue v) { this.ipRange = v; return this; }
    public IpamPool gateway(AddressValue v) { this.gateway = v; return this; }
    public IpamPool aux(String name, AddressValue v) {
        Reserved r = reserved();
        if (r.auxAddresses == null) {
            r.auxAddresses = new LinkedHashMap<>(4);
        }
        r.auxAddresses.put(name, v);
        return this;
    }

    /**
     * A dynamic range given as first and last address rather than a CIDR block (podman's
     * {@code lease_range}); null when the input had none.
     */
    public AddressValue leaseStart() { return reserved == null ? null : reserved.leaseStart; }
    public AddressValue leaseEnd() { return reserved == null ? null : reserved.leaseEnd; }
    public IpamPool leaseRange(AddressValue start, AddressValue end) {
        Reserved r = reserved();
        r.leaseStart = start;
        r.leaseEnd = end;
        return this;
    }

    private Reserved reserved() {
        if (reserved == null) {
            reserved = new Reserved();
        }
        return reserved;
    }
}
