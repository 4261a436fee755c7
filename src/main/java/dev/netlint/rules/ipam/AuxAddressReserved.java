package dev.netlint.rules.ipam;

import dev.netlint.address.Cidr;
import dev.netlint.address.Ip;
import dev.netlint.model.AddressValue;
import dev.netlint.model.IpamPool;
import dev.netlint.model.Model;
import dev.netlint.model.Project;
import dev.netlint.model.Severity;
import dev.netlint.rules.FindingSink;
import dev.netlint.rules.Rule;
import dev.netlint.rules.RuleInfo;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * libnetwork {@code ipamAllocateVersion}: the gateway is allocated first, then each auxiliary
 * address with {@code RequestAddress}; one that is already taken (the network or broadcast address,
 * the gateway, or an earlier aux address) fails the create with "failed to allocate secondary ip
 * address (NAME:IP): Address already in use". Aux addresses outside the subnet are NL103's.
 */
@RuleInfo(id = "NL120", name = "aux-address-reserved", severity = Severity.ERROR,
        summary = "An auxiliary address is the subnet's network, broadcast or gateway address, or repeats another aux address.")
public final class AuxAddressReserved implements Rule {
    @Override
    public void check(Model model, FindingSink out) {
        for (Ipam.Net net : Ipam.networks(model)) {
            if (net.project().kind() == Project.Kind.OBSERVED || net.project().live()
                    || Ipam.hasNoAddressing(net.network()) || !Ipam.defaultIpam(net.network())) {
                continue;
            }
            for (IpamPool pool : net.network().pools()) {
                Optional<Cidr> s = Ipam.cidr(pool.subnet());
                if (s.isEmpty() || pool.auxAddresses().isEmpty()) {
                    continue;
                }
                Cidr subnet = s.get().normalized();
                Optional<Ip> gateway = Ipam.gateway(pool);
                Map<Ip, String> seen = new HashMap<>();
                for (Map.Entry<String, AddressValue> e : pool.auxAddresses().entrySet()) {
                    Optional<Ip> ip = Ipam.ip(e.getValue());
                    if (ip.isEmpty() || !subnet.contains(ip.get())) {
                        continue;
                    }
                    String taken = takenBy(subnet, gateway, ip.get(), seen.get(ip.get()), pool.gateway() != null);
                    if (taken != null) {
                        out.report(this, e.getValue().location() != null ? e.getValue().location() : pool.location(),
                                "aux address " + e.getKey() + "=" + ip.get() + " of " + net.describe() + " is " + taken
                                        + ", which the daemon has already reserved; it refuses to create the network "
                                        + "(\"failed to allocate secondary ip address (" + e.getKey() + ":" + ip.get()
                                        + "): Address already in use\"). Pick a free host address of " + subnet + ".");
                    }
                    seen.putIfAbsent(ip.get(), e.getKey());
                }
            }
        }
    }

    private static String takenBy(Cidr subnet, Optional<Ip> gateway, Ip ip, String earlierAux, boolean gatewayWritten) {
        boolean v4 = subnet.isIPv4();
        if (subnet.prefixLength() < subnet.family().bits() && ip.equals(subnet.first())) {
            return "the network address of " + subnet;
        }
        if (v4 && subnet.prefixLength() < 31 && ip.equals(subnet.last())) {
            return "the broadcast address of " + subnet;
        }
        if (gateway.isPresent() && gateway.get().equals(ip)) {
            return gatewayWritten ? "the network's gateway" : "the address the daemon gives the gateway when none is "
                    + "written (the first free one)";
        }
        if (earlierAux != null) {
            return "already aux address " + earlierAux;
        }
        return null;
    }
}
