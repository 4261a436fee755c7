package dev.netlint.model;

/**
 * One published or exposed port. Host ports are null when the entry is container-only (the daemon
 * picks a random host port); {@code hostIp} is null when omitted (all interfaces).
 * {@code sexagesimalRisk} is set when the entry was written unquoted in a way that YAML 1.1
 * readers turn into a base-60 number. {@code unknown} is set when any part is not known statically;
 * {@code hostIpUnknown}, {@code hostPortUnknown} and {@code containerPortUnknown} say which (a
 * variable with no value), so a rule that needs only the known parts can still use them.
 */
public record PortMapping(
        AddressValue hostIp,
        Integer hostPortStart,
        Integer hostPortEnd,
        int containerPortStart,
        int containerPortEnd,
        String protocol,
        String raw,
        SourceLocation location,
        boolean unknown,
        boolean sexagesimalRisk,
        boolean hostIpUnknown,
        boolean hostPortUnknown,
        boolean containerPortUnknown) {

    /** A mapping whose unknown parts are not told apart: all of it is unknown when {@code unknown} is set. */
    public PortMapping(AddressValue hostIp, Integer hostPortStart, Integer hostPortEnd, int containerPortStart,
                       int containerPortEnd, String protocol, String raw, SourceLocation location, boolean unknown,
                       boolean sexagesimalRisk) {
        this(hostIp, hostPortStart, hostPortEnd, containerPortStart, containerPortEnd, protocol, raw, location, unknown,
                sexagesimalRisk, unknown, unknown, unknown);
    }

    public boolean publishesHostPort() {
        return hostPortStart != null;
    }

    /** No host IP, 0.0.0.0 or :: : published on all interfaces. */
    public boolean onAllInterfaces() {
        if (hostIp == null) {
            return true;
        }
        return hostIp.asIp().map(ip -> ip.isUnspecified()).orElse(false);
    }

    public int hostPortCount() {
        return hostPortStart == null ? 0 : hostPortEnd - hostPortStart + 1;
    }
}
