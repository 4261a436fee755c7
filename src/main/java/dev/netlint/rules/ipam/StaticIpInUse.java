package dev.netlint.rules.ipam;

import dev.netlint.address.Cidr;
import dev.netlint.address.Ip;
import dev.netlint.address.IpFamily;
import dev.netlint.model.AddressValue;
import dev.netlint.model.IpamPool;
import dev.netlint.model.Model;
import dev.netlint.model.Severity;
import dev.netlint.rules.FindingSink;
import dev.netlint.rules.Rule;
import dev.netlint.rules.RuleInfo;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

@RuleInfo(id = "NL108", name = "static-ip-in-use", severity = Severity.ERROR,
        summary = "A static address is the network's gateway, network or broadcast address, an aux address, or is given to two containers.")
public final class StaticIpInUse implements Rule {
    @Override
    public void check(Model model, FindingSink out) {
        java.util.Map<dev.netlint.model.Project, Ipam.Members> members = new java.util.IdentityHashMap<>();
        for (Ipam.Net net : Ipam.networks(model)) {
            if (Ipam.hasNoAddressing(net.network())
                    || !Ipam.defaultIpam(net.network())) {
                continue;
            }
            Map<Ip, Ipam.Static> taken = new HashMap<>();
            boolean duplicatesKnown = !Ipam.releasesAddresses(net.project());
            for (Ipam.Static s : Ipam.members(members, net.project()).statics(net.network())) {
                if (s.family() == IpFamily.IPV6 && !Ipam.ipv6(net.network()).orElse(false)) {
                    continue;
                }
                String key = s.family() == IpFamily.IPV4 ? "ipv4_address" : "ipv6_address";
                String head = key + " " + s.ip() + " of " + Ipam.who(net.project(), s.container()) + " ";
                String tail = ": " + Ipam.refused(net.project()) + " ('Address already in use').";
                Optional<String> reserved = reservedBecause(net, s.ip());
                if (reserved.isPresent()) {
                    out.report(this, s.value().location(), head + reserved.get() + tail + " Pick another address.");
                    continue;
                }
                Ipam.Static first = taken.putIfAbsent(s.ip(), s);
                if (first != null && duplicatesKnown) {
                    out.report(this, s.value().location(), head + "is also given to "
                            + Ipam.who(net.project(), first.container()) + Ipam.line(first.value().location())
                            + " on " + net.describe() + "; whichever starts second fails ('Address already in use'). "
                            + "Give each container its own address.");
                }
            }
        }
    }

    /** Why the daemon already holds this address, if it does. */
    static Optional<String> reservedBecause(Ipam.Net net, Ip ip) {
        Optional<IpamPool> pool = Ipam.poolOf(net.network(), ip);
        if (pool.isEmpty()) {
            return Optional.empty();
        }
        Cidr subnet = Ipam.cidr(pool.get().subnet()).orElseThrow().normalized();
        if (subnet.prefixLength() < subnet.family().bits() && ip.equals(subnet.first())) {
            return Optional.of("is the network address of " + subnet + ", which the daemon reserves");
        }
        if (subnet.isIPv4() && subnet.prefixLength() < 32 && ip.equals(subnet.last())) {
            return Optional.of("is the broadcast address of " + subnet + ", which the daemon reserves");
        }
        Optional<Ip> gw = Ipam.gateway(pool.get());
        if (gw.isPresent() && gw.get().equals(ip)) {
            if (pool.get().gateway() != null) {
                return Optional.of("is the gateway of " + net.describe() + Ipam.line(pool.get().gateway().location()));
            }
            return Optional.of("is the address the daemon gives the gateway of " + net.describe() + " (no gateway "
                    + "is set, so it takes the first free address of the " + (pool.get().ipRange() != null ? "ip_range" : "subnet") + ")");
        }
        for (Map.Entry<String, AddressValue> aux : pool.get().auxAddresses().entrySet()) {
            if (Ipam.ip(aux.getValue()).filter(ip::equals).isPresent()) {
                return Optional.of("is reserved as aux address " + aux.getKey() + Ipam.line(aux.getValue().location()));
            }
        }
        return Optional.empty();
    }
}
