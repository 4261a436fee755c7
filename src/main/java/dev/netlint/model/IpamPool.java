package dev.netlint.model;

import java.util.LinkedHashMap;
import java.util.Map;

/** One IPAM config entry: a subnet with its optional range, gateway and reserved addresses. */
public final class IpamPool {
    private final SourceLocation location;
    private AddressValue subnet;
    private AddressValue ipRange;
    private AddressValue gateway;
    /** Allocated on the first aux address: most pools (a fleet's million) have none. */
    private Map<String, AddressValue> auxAddresses;
    private AddressValue leaseStart;
    private AddressValue leaseEnd;

    public IpamPool(SourceLocation location) {
        this.location = location;
    }

    public SourceLocation location() { return location; }
    public AddressValue subnet() { return subnet; }
    public AddressValue ipRange() { return ipRange; }
    public AddressValue gateway() { return gateway; }
    public Map<String, AddressValue> auxAddresses() { return auxAddresses == null ? java.util.Collections.emptyMap() : auxAddresses; }

    public IpamPool subnet(AddressValue v) { this.subnet = v; return this; }
    public IpamPool ipRange(AddressValue v) { this.ipRange = v; return this; }
    public IpamPool gateway(AddressValue v) { this.gateway = v; return this; }
    public IpamPool aux(String name, AddressValue v) {
        if (auxAddresses == null) {
            auxAddresses = new LinkedHashMap<>(4);
        }
        auxAddresses.put(name, v);
        return this;
    }

    /**
     * A dynamic range given as first and last address rather than a CIDR block (podman's
     * {@code lease_range}); null when the input had none.
     */
    public AddressValue leaseStart() { return leaseStart; }
    public AddressValue leaseEnd() { return leaseEnd; }
    public IpamPool leaseRange(AddressValue start, AddressValue end) { this.leaseStart = start; this.leaseEnd = end; return this; }
}
