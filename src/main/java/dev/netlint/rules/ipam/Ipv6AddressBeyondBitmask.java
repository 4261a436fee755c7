package dev.netlint.rules.ipam;

import dev.netlint.address.Cidr;
import dev.netlint.address.Ip;
import dev.netlint.model.AddressValue;
import dev.netlint.model.IpamPool;
import dev.netlint.model.Model;
import dev.netlint.model.Operation;
import dev.netlint.model.Project;
import dev.netlint.model.Severity;
import dev.netlint.rules.FindingSink;
import dev.netlint.rules.Rule;
import dev.netlint.rules.RuleInfo;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * libnetwork 20.10 {@code ipam.insertBitMask}: a pool's bitmask holds {@code 1 << hostBits}
 * addresses, which overflows to 0 for 64 host bits or more and is then set to 2^64-1. Addresses at
 * offset 2^64-1 and beyond (the last address of a /64, everything after the first /64 of a /48) are
 * outside the bitmask: "bit does not belong to the sequence".
 */
@RuleInfo(id = "NL121", name = "ipv6-address-beyond-bitmask", severity = Severity.ERROR,
        summary = "An IPv6 gateway, aux or static address lies where Engine 20.10's address bitmask cannot reach (the last address of a /64, or past the first /64 of a larger subnet).")
public final class Ipv6AddressBeyondBitmask implements Rule {
    private static final BigInteger LIMIT = BigInteger.TWO.pow(64).subtract(BigInteger.ONE);

    @Override
    public void check(Model model, FindingSink out) {
        for (Ipam.Net net : Ipam.networks(model)) {
            if (net.project().kind() == Project.Kind.OBSERVED || net.project().live() || !Ipam.defaultIpam(net.network())) {
                continue;
            }
            List<Cidr> subnets = new ArrayList<>();
            for (IpamPool pool : net.network().pools()) {
                Optional<Cidr> s = Ipam.cidr(pool.subnet()).map(Cidr::normalized);
                if (s.isEmpty() || s.get().isIPv4() || s.get().prefixLength() > 64) {
                    continue;
                }
                subnets.add(s.get());
                check(s.get(), pool.gateway(), "gateway", net, out);
                pool.auxAddresses().forEach((k, v) -> check(s.get(), v, "aux address " + k, net, out));
            }
            if (subnets.isEmpty() || net.project().kind() != Project.Kind.SEQUENTIAL) {
                continue;
            }
            for (Operation op : net.project().operations()) {
                AddressValue v6 = op instanceof Operation.RunContainer r && r.networks().size() == 1
                        && r.networks().get(0).is(net.network().name()) ? r.ipv6()
                        : op instanceof Operation.Connect c && c.network().is(net.network().name()) ? c.ipv6() : null;
                for (Cidr s : subnets) {
                    check(s, v6, "static address", net, out);
                }
            }
        }
    }

    private void check(Cidr subnet, AddressValue v, String what, Ipam.Net net, FindingSink out) {
        Optional<Ip> ip = Ipam.ip(v);
        if (ip.isEmpty() || !subnet.contains(ip.get())) {
            return;
        }
        BigInteger offset = ip.get().value().subtract(subnet.firstValue());
        if (offset.compareTo(LIMIT) >= 0) {
            out.report(this, v.location(), what + " " + ip.get() + " of " + net.describe() + " is " + offset
                    + " addresses into " + subnet + "; Engine 20.10's IPAM tracks only the first 2^64-1 addresses of "
                    + "an IPv6 pool and refuses it (\"bit does not belong to the sequence\"). Use an address near the "
                    + "start of the subnet, such as " + subnet.first().next().map(Ip::toString).orElse("::1") + ".");
        }
    }
}
