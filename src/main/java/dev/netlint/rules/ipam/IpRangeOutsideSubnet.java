package dev.netlint.rules.ipam;

import dev.netlint.address.Cidr;
import dev.netlint.model.IpamPool;
import dev.netlint.model.Model;
import dev.netlint.model.Project;
import dev.netlint.model.Severity;
import dev.netlint.rules.FindingSink;
import dev.netlint.model.Fix;
import dev.netlint.rules.Rule;
import dev.netlint.rules.RuleInfo;


@RuleInfo(id = "NL101", name = "ip-range-outside-subnet", severity = Severity.ERROR,
        fixes = Fix.Applicability.SUGGESTION,
        summary = "An ip_range is not inside its subnet, is larger than it, or has no subnet.")
public final class IpRangeOutsideSubnet implements Rule {
    @Override
    public void check(Model model, FindingSink out) {
        for (Ipam.Pool p : Ipam.pools(model)) {
            if (!p.addressed() || p.ipRange() == null) {
                continue;
            }
            IpamPool pool = p.pool();
            Cidr range = p.ipRange();
            if (pool.subnet() == null) {
                // Scripts: the shell reader pairs --ip-range with a --subnet as the CLI does, and
                // NL414 reports a range that matches none.
                if (p.project().kind() != Project.Kind.SEQUENTIAL) {
                    out.report(this, pool.ipRange().location(), "ip_range " + range + " has no subnet in its "
                            + "ipam config entry: the daemon refuses it (docker CLI: 'every ip-range or gateway "
                            + "must have a corresponding subnet'; API: 'Invalid subnet  : invalid CIDR address: '). "
                            + "Add a subnet that contains it to the same entry.");
                }
                continue;
            }
            if (p.subnet() == null) {
                continue;
            }
            Cidr subnet = p.subnet();
            if (subnet.family() != range.family()) {
                out.report(this, pool.ipRange().location(), "ip_range " + range + " is " + fam(range)
                        + " but its subnet " + subnet + " is " + fam(subnet) + ": Engine 25+ rejects it ('invalid "
                        + "ip-range " + range + ": parent subnet is an " + fam(subnet) + " block'). Put the range "
                        + "in the config entry of an " + fam(range) + " subnet.");
                continue;
            }
            Cidr sn = subnet.normalized();
            Cidr rn = range.normalized();
            if (sn.contains(rn)) {
                continue;
            }
            if (rn.contains(sn)) {
                out.report(this, pool.ipRange().location(), "ip_range " + range + " is larger than its subnet "
                        + subnet + ": Engine 25+ rejects it ('invalid ip-range " + range + ": CIDR block is bigger "
                        + "than its parent subnet " + subnet + "') and the docker CLI refuses it ('no matching "
                        + "subnet for range " + range + "'). Remove ip_range to use the whole subnet, or write a "
                        + "block inside " + sn + ".");
            } else {
                out.report(this, pool.ipRange().location(), "ip_range " + range + " is not inside its subnet "
                        + subnet + ": Engine 25+ rejects it ('invalid ip-range " + range + ": parent subnet "
                        + subnet + " doesn't contain ip-range'), the docker CLI refuses it ('no matching subnet for "
                        + "range " + range + "'), and compose or the API on 20.10 accept it and silently shift the "
                        + "range into the subnet. Write a range inside " + sn + suggestion(sn, rn) + ".",
                        shiftFix(p.net(), pool, rn, sn));
            }
        }
    }

    private static String suggestion(Cidr subnet, Cidr range) {
        return range.shiftedInto(subnet).map(c -> ", such as " + c + " (the block 20.10 silently used)").orElse("");
    }

    /** The range moved into its subnet, as 20.10 did silently: one obvious block, offered as a suggestion. */
    private static Fix shiftFix(Ipam.Net net, IpamPool pool, Cidr range, Cidr subnet) {
        if (net.project().kind() == Project.Kind.OBSERVED || pool.ipRange().raw() == null) {
            return null;
        }
        return range.shiftedInto(subnet).map(c -> Fix.suggestion("write the range inside the subnet: " + c,
                Fix.Edit.replace(pool.ipRange().location(), pool.ipRange().raw().trim(), c.toString()))).orElse(null);
    }

    static String fam(Cidr c) {
        return c.isIPv4() ? "IPv4" : "IPv6";
    }
}
