package dev.netlint.rules.ipam;

import dev.netlint.address.AddressSyntaxException;
import dev.netlint.address.Cidr;
import dev.netlint.address.Ip;
import dev.netlint.model.IpamPool;
import dev.netlint.model.Model;
import dev.netlint.model.Severity;
import dev.netlint.rules.FindingSink;
import dev.netlint.rules.Rule;
import dev.netlint.rules.RuleInfo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A subnet on public address space. For IPv4 the rule only speaks when the choice looks like a
 * mistake: a private block with a slipped digit (172.100/16 for 172.16/12, 192.167/16 for
 * 192.168/16), a block that spills out of a private block, or a block holding a well-known public
 * DNS resolver. Other public IPv4 blocks (172.72.0.0/16, say) stay silent: netlint cannot tell a
 * deliberate choice from a mistake there, and false alarms are bugs. For IPv6, any global unicast
 * prefix outside the documentation range is reported, since ULA is the private choice.
 * macvlan/ipvlan subnets describe an existing LAN, which may well be public, and are left alone.
 */
@RuleInfo(id = "NL111", name = "public-subnet", severity = Severity.WARNING,
        summary = "A subnet meant to be private is on public address space (172.100/16, 192.167/16, global IPv6), shadowing real hosts there.")
public final class PublicSubnet implements Rule {
    /** IPv4 private blocks, with the second octets that make them up (for the slipped-digit test). */
    private record Private(Cidr block, int firstOctet, int lo, int hi, String name) {
    }

    private static final List<Private> PRIVATE = List.of(
            new Private(parse("10.0.0.0/8"), 10, 0, 255, "RFC 1918"),
            new Private(parse("172.16.0.0/12"), 172, 16, 31, "RFC 1918"),
            new Private(parse("192.168.0.0/16"), 192, 168, 168, "RFC 1918"),
            new Private(parse("100.64.0.0/10"), 100, 64, 127, "RFC 6598 shared address space"));

    /** Not public and not routed on the Internet: nothing real to shadow. */
    private static final List<Cidr> SPECIAL_V4 = List.of(parse("0.0.0.0/8"), parse("127.0.0.0/8"),
            parse("169.254.0.0/16"), parse("192.0.0.0/24"), parse("192.0.2.0/24"), parse("198.18.0.0/15"),
            parse("198.51.100.0/24"), parse("203.0.113.0/24"), parse("224.0.0.0/4"), parse("240.0.0.0/4"));

    private static final Cidr GLOBAL_UNICAST = parse("2000::/3");
    private static final Cidr IPV6_DOCUMENTATION = parse("2001:db8::/32");

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
        for (Ipam.Net net : Ipam.networks(model)) {
            if (Ipam.hasNoAddressing(net.network()) || net.network().isLanDriver()) {
                continue;
            }
            for (IpamPool pool : net.network().pools()) {
                Optional<Cidr> c = Ipam.cidr(pool.subnet());
                if (c.isEmpty()) {
                    continue;
                }
                Optional<String> why = c.get().isIPv4() ? whyV4(c.get().normalized()) : whyV6(c.get().normalized());
                why.ifPresent(w -> out.report(this, pool.subnet().location(), "subnet " + c.get() + " " + w));
            }
        }
    }

    static Optional<String> whyV4(Cidr s) {
        for (Private p : PRIVATE) {
            if (p.block().contains(s)) {
                return Optional.empty();
            }
        }
        for (Cidr special : SPECIAL_V4) {
            if (special.contains(s)) {
                return Optional.empty();
            }
        }
        String consequence = ": the network's route shadows the real hosts there, so the host and the containers "
                + "can no longer reach them. The daemon accepts it silently (NC25).";
        for (Private p : PRIVATE) {
            if (p.block().overlaps(s)) {
                return Optional.of("spills out of the private block " + p.block() + " (" + p.name() + ") into "
                        + "public address space" + consequence + " Use a block inside " + p.block() + ".");
            }
        }
        String[] octets = s.first().toString().split("\\.");
        int a = Integer.parseInt(octets[0]);
        String b = octets[1];
        for (Private p : PRIVATE) {
            if (p.firstOctet() == a && slipOf(b, p)) {
                return Optional.of("is public address space, not the private block " + p.block() + " (" + p.name()
                        + ") it resembles" + consequence + " Use a private block: 10.0.0.0/8, 172.16.0.0/12 or "
                        + "192.168.0.0/16.");
            }
        }
        for (Map.Entry<Ip, String> r : RESOLVERS.entrySet()) {
            if (s.contains(r.getKey())) {
                return Optional.of("is public address space and holds " + r.getKey() + " (" + r.getValue() + ")"
                        + consequence + " DNS through that resolver breaks too. Use a private block such as "
                        + "10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16.");
            }
        }
        return Optional.empty();
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

    static Optional<String> whyV6(Cidr s) {
        if (!GLOBAL_UNICAST.contains(s) || IPV6_DOCUMENTATION.contains(s)) {
            return Optional.empty();
        }
        return Optional.of("is global unicast IPv6 space, not a unique local (fc00::/7) prefix: unless this prefix "
                + "is delegated to you, it belongs to someone else, and the network's route shadows the real hosts "
                + "in it. The daemon accepts it silently. Use a ULA prefix, e.g. a random /48 from fd00::/8 "
                + "(RFC 4193).");
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
