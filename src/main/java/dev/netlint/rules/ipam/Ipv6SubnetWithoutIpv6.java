package dev.netlint.rules.ipam;

import dev.netlint.model.Model;
import dev.netlint.model.Network;
import dev.netlint.model.Severity;
import dev.netlint.rules.FindingSink;
import dev.netlint.rules.Rule;
import dev.netlint.rules.RuleInfo;


@RuleInfo(id = "NL112", name = "ipv6-subnet-without-ipv6", severity = Severity.WARNING,
        summary = "A network has an IPv6 subnet but IPv6 is not enabled on it, so the IPv6 configuration is ignored.")
public final class Ipv6SubnetWithoutIpv6 implements Rule {
    @Override
    public void check(Model model, FindingSink out) {
        Ipam.Net reported = null; // once per network: its pools come one after another
        for (Ipam.Pool p : Ipam.pools(model)) {
            // the pool first: most are IPv4, and then the network is not read at all
            if (p.subnet() == null || p.subnet().isIPv4() || !p.addressed() || p.net() == reported) {
                continue;
            }
            Network n = p.network();
            if (!Ipam.ipv6(n).map(on -> !on).orElse(false)) {
                continue;
            }
            String state = Boolean.FALSE.equals(n.enableIpv6()) ? "enable_ipv6 is false" : "enable_ipv6 is not set";
            out.report(this, p.pool().subnet().location(), "IPv6 subnet " + p.subnet() + " is on " + p.net().describe()
                    + ", but " + state + ": the daemon creates the network without IPv6 and ignores this pool, "
                    + "so containers get no IPv6 address and any ipv6_address on it is ignored too (20.10, V603). "
                    + "Set enable_ipv6: true on the network (docker network create --ipv6). Engine 27+ can turn "
                    + "IPv6 on for every network through default-network-opts in daemon.json; if yours does, "
                    + "say so with enable_ipv6: true here as well.");
            reported = p.net();
        }
    }
}
