package dev.netlint.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A LAN shared by the parent interfaces of several hosts (macvlan/ipvlan neighbours). Declared in
 * the configuration ({@code segments:}), or inferred by the topology rules when none is declared
 * (see docs/topology.md).
 *
 * <p>A member is a host, optionally narrowed to one parent interface (written {@code host:parent}
 * in {@code hosts:}): {@code node01} puts every
 * macvlan/ipvlan network of node01 on this LAN, {@code node01:eth1} only those whose parent is
 * {@code eth1} or a VLAN sub-interface of it ({@code eth1.20} is a different LAN, so it is not).
 */
public final class Segment {
    /** One host on the LAN; {@code parent} is null when every parent of the host is meant. */
    public record Member(String host, String parent) {
        public Member {
            Objects.requireNonNull(host, "host");
        }

        /** Parses {@code host} or {@code host:parent}. */
        public static Member parse(String text) {
            String t = text.trim();
            int colon = t.indexOf(':');
            if (colon > 0 && colon < t.length() - 1) {
                return new Member(t.substring(0, colon), t.substring(colon + 1));
            }
            return new Member(t, null);
        }

        /** Whether a network on {@code host} with parent interface {@code parentName} is on this member's LAN. */
        public boolean covers(String onHost, String parentName) {
            return host.equals(onHost) && (parent == null || parent.equals(parentName));
        }

        @Override
        public String toString() {
            return parent == null ? host : host + ":" + parent;
        }

        // Written out: the generated ones are bootstrapped through ObjectMethods on first use, which
        // a one-file lint pays for in start-up time.
        @Override
        public boolean equals(Object o) {
            return o instanceof Member m && host.equals(m.host) && Objects.equals(parent, m.parent);
        }

        @Override
        public int hashCode() {
            return host.hashCode() * 31 + Objects.hashCode(parent);
        }
    }

    private final String name;
    private final SourceLocation location;
    private final List<String> hosts = new ArrayList<>();
    private final List<Member> members = new ArrayList<>();
    private AddressValue subnet;
    private AddressValue gateway;
    private final List<AddressValue> reservedAddresses = new ArrayList<>();

    public Segment(String name, SourceLocation location) {
        this.name = name;
        this.location = location;
    }

    public String name() { return name; }
    public SourceLocation location() { return location; }
    /** The hosts on this LAN (one entry per host, in declaration order). */
    public List<String> hosts() { return hosts; }
    /** The hosts, with their parent interfaces when those were named. */
    public List<Member> members() { return members; }
    public AddressValue subnet() { return subnet; }
    /** The LAN's router: containers must never be handed this address. */
    public AddressValue gateway() { return gateway; }
    /** Addresses on the LAN that containers must not take (host NICs, routers, DHCP servers). */
    public List<AddressValue> reservedAddresses() { return reservedAddresses; }
    public Segment subnet(AddressValue v) { this.subnet = v; return this; }
    public Segment gateway(AddressValue v) { this.gateway = v; return this; }
    public Segment reserve(AddressValue v) { reservedAddresses.add(v); return this; }

    /** Adds a member; {@link #hosts()} is kept in step. */
    public Segment member(Member m) {
        members.add(m);
        if (!hosts.contains(m.host())) {
            hosts.add(m.host());
        }
        return this;
    }

    /** Adds a whole host (every parent interface). */
    public Segment host(String host) {
        return member(new Member(host, null));
    }

    /**
     * The members this segment really has: {@link #members()}, plus every entry of {@link #hosts()}
     * read as {@code host} or {@code host:parent} (the configuration fills {@code hosts()} with the
     * strings the user wrote).
     */
    public List<Member> effectiveMembers() {
        List<Member> out = new ArrayList<>(members);
        for (String h : hosts) {
            Member m = Member.parse(h);
            if (!out.contains(m) && members.stream().noneMatch(x -> x.host().equals(h))) {
                out.add(m);
            }
        }
        return out;
    }

    /** Whether a macvlan/ipvlan network on {@code host} with parent {@code parent} sits on this LAN. */
    public boolean covers(String host, String parent) {
        return effectiveMembers().stream().anyMatch(m -> m.covers(host, parent));
    }
}
