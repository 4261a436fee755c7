package dev.netlint.rules.ipam;

import dev.netlint.address.AddressSyntaxException;
import dev.netlint.address.Cidr;
import dev.netlint.address.Ip;
import dev.netlint.model.AddressValue;
import dev.netlint.model.IpamPool;
import dev.netlint.model.Model;
import dev.netlint.model.Severity;
import dev.netlint.rules.FindingSink;
import dev.netlint.rules.Rule;
import dev.netlint.rules.RuleInfo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A container network on address space that is not private: its route on the host takes every
 * packet for that space onto the bridge, so the real hosts there become unreachable from the
 * containers. IPv4: anything outside RFC 1918, RFC 6598, loopback, link-local, the documentation
 * and benchmarking blocks and multicast. IPv6: anything outside ULA, link-local and the
 * documentation prefix; global unicast is worded as "make sure you own it", other space as
 * reserved. Blocks listed in the configuration's {@code ownedPublicBlocks} are deliberate.
 * macvlan/ipvlan subnets describe an existing LAN, which may well be public, and are left alone.
 */
@RuleInfo(id = "NL111", name = "public-subnet", severity = Severity.WARNING,
        summary = "A container network is on public or reserved address space: its route hides the real hosts there from the containers.")
public final class PublicSubnet implements Rule {
    /** A block that is not public: nothing on the Internet lives there, so a route over it hides nothing. */
    private record Special(Cidr block, String name) {
    }

    private static final List<Special> NOT_PUBLIC_V4 = List.of(
            special("10.0.0.0/8", "RFC 1918"),
            special("172.16.0.0/12", "RFC 1918"),
            special("192.168.0.0/16", "RFC 1918"),
            special("100.64.0.0/10", "RFC 6598 shared address space"),
            special("127.0.0.0/8", "loopback"),
            special("169.254.0.0/16", "link-local"),
            special("192.0.2.0/24", "RFC 5737 documentation"),
            special("198.51.100.0/24", "RFC 5737 documentation"),
            special("203.0.113.0/24", "RFC 5737 documentation"),
            special("198.18.0.0/15", "RFC 2544 benchmarking"),
            special("224.0.0.0/4", "multicast"));
    /** The private blocks a mistaken block most often resembles, with the second octets that make them up. */
    private record Private(Cidr block, int firstOctet, int lo, int hi, String name) {
    }

    private static final List<Private> PRIVATE = List.of(
            new Private(parse("10.0.0.0/8"), 10, 0, 255, "RFC 1918"),
            new Private(parse("172.16.0.0/12"), 172, 16, 31, "RFC 1918"),
            new Private(parse("192.168.0.0/16"), 192, 168, 168, "RFC 1918"),
            new Private(parse("100.64.0.0/10"), 100, 64, 127, "RFC 6598 shared address space"));
    /** IPv4 space that is not assigned for use on the Internet at all (RFC 6890). */
    private static final List<Cidr> RESERVED_V4 = List.of(parse("0.0.0.0/8"), parse("192.0.0.0/24"),
            parse("240.0.0.0/4"));

    private static final List<Special> NOT_PUBLIC_V6 = List.of(
            special("fc00::/7", "unique local"),
            special("fe80::/10", "link-local"),
            special("2001:db8::/32", "documentation"));
    private static final Cidr GLOBAL_UNICAST = parse("2000::/3");
    /** An IPv6 prefix written with decimal-looking groups, like an IPv4 block with colons: 172:28:0::/64. */
    private static final Pattern LOOKS_LIKE_V4 = Pattern.compile("^\\d{1,3}:\\d{1,3}:.*");

    private static final Map<Ip, String> RESOLVERS = new LinkedHashMap<>();

    static {
        resolver("8.8.8.8", "Google Public DNS");
        resolver("8.8.4.4", "Google Public DNS");
        resolver("1.1.1.1", "Cloudflare DNS");
        resolver("1.0.0.1", "Cloudflare DNS");
        resolver("9.9.9.9", "Quad9 DNS");
        resolver("149.112.112.112", "Quad9 DNS");
        resolver("208.67.222.222", "OpenDNS");
        resolver("208.67.220.220", "OpenDNS");
    }

    @Override
    public void check(Model model, FindingSink out) {
        List<Cidr> owned = new ArrayList<>();
        for (AddressValue v : model.ownedPublicBlocks()) {
            v.asCidr().map(Cidr::normalized).ifPresent(owned::add);
        }
        for (Ipam.Pool p : Ipam.pools(model)) {
            if (!p.addressed() || p.subnet() == null) {
                continue;
            }
            Cidr s = p.subnet().normalized();
            if (insideAny(owned, s)) {
                continue;
            }
            IpamPool pool = p.pool();
            Optional<String> why = s.isIPv4() ? whyV4(s) : whyV6(s, pool.subnet().raw());
            // a macvlan/ipvlan subnet is the LAN's own addressing (asked last: it reads the network)
            if (why.isPresent() && !p.network().isLanDriver()) {
                out.report(this, pool.subnet().location(), "subnet " + p.subnet() + " " + why.get());
            }
        }
    }

    /** A plain loop: this runs once per subnet, a million times over a fleet's dumps. */
    private static boolean insideAny(List<Cidr> owned, Cidr subnet) {
        for (Cidr o : owned) {
            if (o.contains(subnet)) {
                return true;
            }
        }
        return false;
    }

    static Optional<String> whyV4(Cidr s) {
        for (Special p : NOT_PUBLIC_V4) {
            if (p.block().contains(s)) {
                return Optional.empty();
            }
        }
        String hides = hides(s);
        for (Cidr r : RESERVED_V4) {
            if (r.overlaps(s)) {
                return Optional.of("is reserved IPv4 space (" + r + ", RFC 6890), not a private block" + hides
                        + " Use a private block: 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16.");
            }
        }
        for (Private p : PRIVATE) {
            if (p.block().overlaps(s)) {
                return Optional.of("spills out of the private block " + p.block() + " (" + p.name() + ") into "
                        + "public address space" + hides + " Use a block inside " + p.block() + ".");
            }
        }
        String advice = " Use a private block (10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16), or, if this block "
                + "is yours, list it under ownedPublicBlocks in .netlint.yaml.";
        String[] octets = s.first().toString().split("\\.");
        int a = Integer.parseInt(octets[0]);
        for (Private p : PRIVATE) {
            if (p.firstOctet() == a && slipOf(octets[1], p)) {
                return Optional.of("is public address space, not the private block " + p.block() + " (" + p.name()
                        + ") it resembles" + hides + advice);
            }
        }
        for (Map.Entry<Ip, String> r : RESOLVERS.entrySet()) {
            if (s.contains(r.getKey())) {
                return Optional.of("is public address space and holds " + r.getKey() + " (" + r.getValue() + ")"
                        + hides + " DNS through that resolver breaks too." + advice);
            }
        }
        return Optional.of("is public address space, outside the private (RFC 1918, RFC 6598) and special-use "
                + "blocks" + hides + advice);
    }

    /** What the network's route does to the real hosts in {@code s}. */
    private static String hides(Cidr s) {
        return ": the network's route keeps traffic from the containers to real hosts in " + s
                + " on the bridge, so it never reaches them. The daemon accepts it silently (NC25).";
    }

    /**
     * A second octet that starts like one of the private block's but is not one of them: all but
     * the last digit of a private octet match ("100" and "15" for 16-31, "167" for 168).
     */
    private static boolean slipOf(String octet, Private p) {
        int value = Integer.parseInt(octet);
        if (value >= p.lo() && value <= p.hi()) {
            return false;
        }
        for (int v = p.lo(); v <= p.hi(); v++) {
            String priv = Integer.toString(v);
            int need = Math.max(1, priv.length() - 1);
            if (octet.length() >= need && priv.startsWith(octet.substring(0, need))) {
                return true;
            }
        }
        return false;
    }

    static Optional<String> whyV6(Cidr s, String written) {
        for (Special p : NOT_PUBLIC_V6) {
            if (p.block().contains(s)) {
                return Optional.empty();
            }
        }
        String ula = " Use a unique local prefix, e.g. a random /48 from fd00::/8 (RFC 4193)";
        if (GLOBAL_UNICAST.contains(s)) {
            return Optional.of("is global unicast IPv6 space, not a unique local (fc00::/7) prefix: make sure you "
                    + "own it (delegated to you by your provider). Otherwise it belongs to someone else, and the "
                    + "network's route keeps traffic from the containers to real hosts in " + s
                    + " on the bridge. The daemon accepts it silently." + ula
                    + ", or, if the prefix is yours, list it under ownedPublicBlocks in .netlint.yaml.");
        }
        String looks = written != null && LOOKS_LIKE_V4.matcher(written.trim()).matches()
                ? " (written like an IPv4 block with colons: it is not one)" : "";
        return Optional.of("is reserved IPv6 space outside global unicast (2000::/3)" + looks + ", not a unique "
                + "local (fc00::/7) prefix: it is not assigned to anyone and routers drop it." + ula + ".");
    }

    private static Special special(String cidr, String name) {
        return new Special(parse(cidr), name);
    }

    private static void resolver(String ip, String name) {
        try {
            RESOLVERS.put(Ip.parse(ip), name);
        } catch (AddressSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Cidr parse(String text) {
        try {
            return Cidr.parse(text);
        } catch (AddressSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
