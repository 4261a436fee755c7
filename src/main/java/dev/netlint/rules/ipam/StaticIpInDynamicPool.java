package dev.netlint.rules.ipam;

import dev.netlint.address.Cidr;
import dev.netlint.address.IpFamily;
import dev.netlint.model.Container;
import dev.netlint.model.IpamPool;
import dev.netlint.model.Model;
import dev.netlint.model.Project;
import dev.netlint.model.Severity;
import dev.netlint.rules.FindingSink;
import dev.netlint.rules.Rule;
import dev.netlint.rules.RuleInfo;

import dev.netlint.address.Ip;
import dev.netlint.model.AddressValue;

import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;

@RuleInfo(id = "NL109", name = "static-ip-in-dynamic-pool", severity = Severity.NOTE,
        summary = "A static address lies in the range the daemon hands out dynamically, where a container that starts earlier can take it.")
public final class StaticIpInDynamicPool implements Rule {
    @Override
    public void check(Model model, FindingSink out) {
        java.util.Map<dev.netlint.model.Project, Ipam.Members> members = new java.util.IdentityHashMap<>();
        for (Ipam.Net net : Ipam.networks(model)) {
            if (net.project().kind() == Project.Kind.SEQUENTIAL || Ipam.hasNoAddressing(net.network())
                    || !Ipam.defaultIpam(net.network())) {
                continue;
            }
            for (Ipam.Static s : Ipam.members(members, net.project()).statics(net.network())) {
                if (s.family() == IpFamily.IPV6 && !Ipam.ipv6(net.network()).orElse(false)) {
                    continue;
                }
                Optional<IpamPool> pool = Ipam.poolOf(net.network(), s.ip());
                if (pool.isEmpty() || dev.netlint.deploy.ReservedAddresses.why(pool.get(), s.ip()).isPresent()) {
                    continue;
                }
                Cidr subnet = Ipam.cidr(pool.get().subnet()).orElseThrow().normalized();
                Cidr dynamic = subnet;
                boolean hasRange = pool.get().ipRange() != null;
                if (hasRange) {
                    Optional<Cidr> range = Ipam.cidr(pool.get().ipRange()).map(Cidr::normalized);
                    if (range.isEmpty() || !subnet.contains(range.get())) {
                        continue; // unknown, malformed or misplaced range: other rules speak
                    }
                    dynamic = range.get();
                }
                if (!dynamic.contains(s.ip())) {
                    continue;
                }
                List<Container> others = Ipam.members(members, net.project()).dynamic(net.network(), s.family());
                if (others.isEmpty()) {
                    continue;
                }
                // The daemon hands out the lowest free address first: a dynamic container can only reach
                // this address when fewer free addresses lie below it than containers compete for them.
                BigInteger free = freeBelow(Ipam.members(members, net.project()).statics(net.network()), pool.get(), subnet, dynamic, s);
                if (free.compareTo(BigInteger.valueOf(others.size())) >= 0) {
                    continue;
                }
                String key = s.family() == IpFamily.IPV4 ? "ipv4_address" : "ipv6_address";
                out.report(this, s.value().location(), key + " " + s.ip() + " is inside the addresses the daemon "
                        + "hands out dynamically (" + (hasRange ? "ip_range " + dynamic
                                : "all of subnet " + dynamic + ", which has no ip_range") + "), lowest free address "
                        + "first, and only " + free + " free address" + (free.equals(BigInteger.ONE) ? " lies" : "es lie")
                        + " below it: " + Ipam.who(net.project(), others.get(0))
                        + (others.size() > 1 ? " and " + (others.size() - 1) + " more" : "") + " get"
                        + (others.size() > 1 ? "" : "s") + " an address dynamically on " + net.describe()
                        + ", and starting first can take " + s.ip() + "; then " + Ipam.who(net.project(), s.container())
                        + " fails to start ('Address already in use'). "
                        + (hasRange ? "Move the static address outside " + dynamic + "."
                                : "Add an ip_range that leaves the static addresses out, e.g. "
                                + suggestion(subnet, s.ip()) + "."));
            }
        }
    }

    /** Addresses of the dynamic range below the static one that neither the daemon nor another static container holds. */
    private static BigInteger freeBelow(List<Ipam.Static> statics, IpamPool pool, Cidr subnet, Cidr dynamic, Ipam.Static s) {
        BigInteger below = s.ip().value().subtract(dynamic.firstValue());
        Set<Ip> held = new HashSet<>();
        held.add(subnet.first());
        Ipam.gateway(pool).ifPresent(held::add);
        for (AddressValue aux : pool.auxAddresses().values()) {
            Ipam.ip(aux).ifPresent(held::add);
        }
        for (Ipam.Static other : statics) {
            held.add(other.ip());
        }
        long taken = held.stream().filter(ip -> dynamic.contains(ip) && ip.compareTo(s.ip()) < 0).count();
        return below.subtract(BigInteger.valueOf(taken)).max(BigInteger.ZERO);
    }

    /** The half of the subnet that does not hold the static address. */
    private static Cidr suggestion(Cidr subnet, Ip ip) {
        if (subnet.prefixLength() >= subnet.family().bits() - 1) {
            return subnet;
        }
        Cidr lower = Cidr.of(subnet.first(), subnet.prefixLength() + 1);
        return lower.contains(ip) ? Cidr.of(subnet.last(), subnet.prefixLength() + 1) : lower;
    }
}
