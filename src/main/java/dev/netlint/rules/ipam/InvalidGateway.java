package dev.netlint.rules.ipam;

import dev.netlint.address.Cidr;
import dev.netlint.address.Ip;
import dev.netlint.model.IpamPool;
import dev.netlint.model.Model;
import dev.netlint.model.Project;
import dev.netlint.model.Severity;
import dev.netlint.rules.FindingSink;
import dev.netlint.rules.Rule;
import dev.netlint.rules.RuleInfo;


@RuleInfo(id = "NL102", name = "invalid-gateway", severity = Severity.ERROR,
        summary = "A gateway is outside its subnet, is the subnet's network or broadcast address, or has no subnet.")
public final class InvalidGateway implements Rule {
    @Override
    public void check(Model model, FindingSink out) {
        for (Ipam.Pool p : Ipam.pools(model)) {
            if (!p.addressed() || p.gateway() == null) {
                continue;
            }
            IpamPool pool = p.pool();
            Ip gw = p.gateway();
            if (p.subnet() == null) {
                if (pool.subnet() == null && p.project().kind() != Project.Kind.SEQUENTIAL) {
                    out.report(this, pool.gateway().location(), "gateway " + gw + " has no subnet in its ipam "
                            + "config entry: the daemon refuses it (docker CLI: 'every ip-range or gateway must "
                            + "have a corresponding subnet'; API: 'Invalid subnet  : invalid CIDR address: '). "
                            + "Add the subnet the gateway belongs to.");
                }
                continue;
            }
            Cidr subnet = p.subnet().normalized();
            Cidr written = p.subnet(); // as written; printed only in a finding
            if (subnet.family() != gw.family()) {
                out.report(this, pool.gateway().location(), "gateway " + gw + " is not in the address family of "
                        + "its subnet " + written + ": Engine 25+ rejects it ('invalid gateway " + gw + ": parent "
                        + "subnet is an " + IpRangeOutsideSubnet.fam(subnet) + " block'). Use an address inside "
                        + subnet + ".");
            } else if (!subnet.contains(gw)) {
                out.report(this, pool.gateway().location(), "gateway " + gw + " is outside its subnet " + written
                        + ": the daemon refuses to create the network ('failed to allocate gateway (" + gw
                        + "): Requested address is out of range'; the docker CLI says 'no matching subnet for "
                        + "gateway " + gw + "'). Use an address inside " + subnet + firstHost(subnet) + ".");
            } else if (subnet.prefixLength() < subnet.family().bits() && gw.equals(subnet.first())) {
                out.report(this, pool.gateway().location(), "gateway " + gw + " is the network address of "
                        + subnet + ", which the daemon reserves: it refuses to create the network ('failed to "
                        + "allocate gateway (" + gw + "): Address already in use')." + useInstead(subnet));
            } else if (subnet.isIPv4() && subnet.prefixLength() < 32 && gw.equals(subnet.last())) {
                out.report(this, pool.gateway().location(), "gateway " + gw + " is the broadcast address of "
                        + subnet + ", which the daemon reserves: it refuses to create the network ('failed to "
                        + "allocate gateway (" + gw + "): Address already in use')." + useInstead(subnet));
            }
        }
    }

    private static String firstHost(Cidr subnet) {
        return subnet.first().next().filter(subnet::contains).map(ip -> ", such as " + ip).orElse("");
    }

    private static String useInstead(Cidr subnet) {
        String f = firstHost(subnet);
        return f.isEmpty() ? "" : " Use a host address" + f + ".";
    }
}
