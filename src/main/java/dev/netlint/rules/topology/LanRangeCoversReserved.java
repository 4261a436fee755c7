package dev.netlint.rules.topology;

import dev.netlint.address.AddressSteps;
import dev.netlint.address.Ip;
import dev.netlint.model.AddressValue;
import dev.netlint.model.Host;
import dev.netlint.model.Model;
import dev.netlint.model.Segment;
import dev.netlint.model.Severity;
import dev.netlint.rules.FindingSink;
import dev.netlint.rules.Rule;
import dev.netlint.rules.RuleInfo;
import dev.netlint.rules.topology.Lans.LanPool;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A range that covers the LAN's gateway or an address the configuration reserves: the segment's
 * gateway and reserved addresses, the configured addresses of the segment's hosts, and the gateway
 * that another host's network on the same LAN names. The network's own gateway and aux addresses
 * are excluded: its daemon reserves those.
 */
@RuleInfo(id = "NL502", name = "lan-range-covers-reserved", severity = Severity.ERROR,
        summary = "A macvlan/ipvlan allocation range covers the LAN gateway or a host's address on the LAN, so a container can be given it.")
public final class LanRangeCoversReserved implements Rule {
    /** An address that must not be handed out, and why. */
    private record Reserved(Ip ip, BigInteger value, String why) { }

    @Override
    public void check(Model model, FindingSink out) {
        for (List<LanPool> lan : Lans.of(model).byLan().values()) {
            List<Reserved> reserved = reservedOn(model, lan);
            if (reserved.isEmpty()) {
                continue;
            }
            reserved.sort(Comparator.comparing((Reserved r) -> r.ip().family()).thenComparing(Reserved::value));
            for (LanPool p : lan) {
                Set<Ip> own = ownReserved(p);
                int i = firstAtOrAfter(reserved, p.range.family(), p.range.first());
                Set<Ip> reported = new HashSet<>();
                for (; i < reserved.size(); i++) {
                    Reserved r = reserved.get(i);
                    if (r.ip().family() != p.range.family() || r.value().compareTo(p.range.last()) > 0) {
                        break;
                    }
                    if (own.contains(r.ip()) || !reported.add(r.ip())) {
                        continue;
                    }
                    out.report(this, p.rangeValue.location(), p.describeRange() + " of " + p.describe()
                            + " covers " + r.ip() + ", " + r.why() + " on the " + p.describeLan()
                            + ". This daemon does not know the address is taken and can give it to a container, "
                            + "which then answers ARP for it. Shrink the range so it excludes " + r.ip()
                            + ", or reserve it with --aux-address (aux_addresses).");
                    break; // one finding per range is enough to act on
                }
            }
        }
    }

    private static List<Reserved> reservedOn(Model model, List<LanPool> lan) {
        Map<Ip, String> out = new LinkedHashMap<>();
        Segment segment = lan.get(0).segment;
        if (segment != null) {
            add(out, segment.gateway(), "the gateway of segment '" + segment.name() + "'");
            for (AddressValue v : segment.reservedAddresses()) {
                add(out, v, "an address segment '" + segment.name() + "' reserves");
            }
            for (Segment.Member m : segment.effectiveMembers()) {
                String h = m.host();
                Host host = model.hosts().get(h);
                if (host != null) {
                    for (AddressValue v : host.hostAddresses()) {
                        add(out, v, "the address of host " + h);
                    }
                }
            }
        }
        Set<String> hostsOnLan = new HashSet<>();
        for (LanPool p : lan) {
            hostsOnLan.add(p.host);
        }
        if (hostsOnLan.size() > 1) {
            // gateways other hosts' networks use: on a shared LAN they all name the same router
            for (LanPool p : lan) {
                if (p.pool.gateway() != null) {
                    add(out, p.pool.gateway(), "the gateway that " + p.describe() + " names (" + Lans.where(p.pool.gateway().location()) + ")");
                }
            }
        }
        // configured host addresses that fall inside the LAN's subnets
        for (String h : hostsOnLan) {
            Host host = model.hosts().get(h);
            if (host == null) {
                continue;
            }
            for (AddressValue v : host.hostAddresses()) {
                Optional<Ip> ip = v.asIp();
                if (ip.isPresent() && lan.stream().anyMatch(p -> p.subnet.contains(ip.get()))) {
                    out.putIfAbsent(ip.get(), "the address of host " + h);
                }
            }
        }
        List<Reserved> list = new ArrayList<>(out.size());
        out.forEach((ip, why) -> list.add(new Reserved(ip, ip.value(), why)));
        return list;
    }

    private static void add(Map<Ip, String> out, AddressValue v, String why) {
        if (v != null) {
            v.asIp().ifPresent(ip -> out.putIfAbsent(ip, why));
        }
    }

    /** What the pool's own daemon already keeps out of allocation: its gateway and aux addresses. */
    private static Set<Ip> ownReserved(LanPool p) {
        Set<Ip> own = new HashSet<>();
        p.gateway().ifPresent(own::add);
        for (AddressValue aux : p.pool.auxAddresses().values()) {
            aux.asIp().ifPresent(own::add);
        }
        // no gateway given: the daemon takes the subnet's first host address itself
        if (p.pool.gateway() == null) {
            AddressSteps.firstHost(p.subnet).ifPresent(own::add);
        }
        return own;
    }

    private static int firstAtOrAfter(List<Reserved> sorted, dev.netlint.address.IpFamily family, BigInteger value) {
        int lo = 0;
        int hi = sorted.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            Reserved r = sorted.get(mid);
            int c = r.ip().family() != family ? r.ip().family().compareTo(family) : r.value().compareTo(value);
            if (c < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
