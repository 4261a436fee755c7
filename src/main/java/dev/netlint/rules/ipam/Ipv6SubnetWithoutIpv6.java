package dev.netlint.rules.ipam;

import dev.netlint.address.Cidr;
import dev.netlint.model.IpamPool;
import dev.netlint.model.Model;
import dev.netlint.model.Network;
import dev.netlint.model.Severity;
import dev.netlint.rules.FindingSink;
import dev.netlint.rules.Rule;
import dev.netlint.rules.RuleInfo;

import java.util.Optional;

@RuleInfo(id = "NL112", name = "ipv6-subnet-without-ipv6", severity = Severity.WARNING,
        summary = "A network has an IPv6 subnet but IPv6 is not enabled on it, so the IPv6 configuration is ignored.")
public final class Ipv6SubnetWithoutIpv6 implements Rule {
    @Override
    public void check(Model model, FindingSink out) {
        for (Ipam.Net net : Ipam.networks(model)) {
            Network n = net.network();
            if (Ipam.hasNoAddressing(n) || !Ipam.ipv6(n).map(on -> !on).orElse(false)) {
                continue;
            }
            for (IpamPool pool : n.pools()) {
                Optional<Cidr> c = Ipam.cidr(pool.subnet());
                if (c.isEmpty() || c.get().isIPv4()) {
                    continue;
                }
                String state = Boolean.FALSE.equals(n.enableIpv6()) ? "enable_ipv6 is false" : "enable_ipv6 is not set";
                out.report(this, pool.subnet().location(), "IPv6 subnet " + c.get() + " is on " + net.describe()
                        + ", but " + state + ": the daemon creates the network without IPv6 and ignores this pool, "
                        + "so containers get no IPv6 address and any ipv6_address on it is ignored too (20.10, V603). "
                        + "Set enable_ipv6: true on the network (docker network create --ipv6). Engine 27+ can turn "
                        + "IPv6 on for every network through default-network-opts in daemon.json; if yours does, "
                        + "say so with enable_ipv6: true here as well.");
                break; // once per network
            }
        }
    }
}
