package dev.netlint.rules.ipam;

import dev.netlint.address.Ip;
import dev.netlint.address.IpFamily;
import dev.netlint.model.AddressValue;
import dev.netlint.model.Attachment;
import dev.netlint.model.Container;
import dev.netlint.model.IpamPool;
import dev.netlint.model.Model;
import dev.netlint.model.Project;
import dev.netlint.model.Severity;
import dev.netlint.rules.FindingSink;
import dev.netlint.rules.Rule;
import dev.netlint.rules.RuleInfo;

import java.util.Map;
import java.util.Optional;

/**
 * The one rule that speaks about malformed IPAM values and static addresses; every other IPAM
 * rule skips them, so each bad value is reported once.
 */
@RuleInfo(id = "NL105", name = "malformed-address", severity = Severity.ERROR,
        summary = "A subnet, ip_range, gateway, aux address or static container address is not a valid address or CIDR block.")
public final class MalformedAddress implements Rule {
    @Override
    public void check(Model model, FindingSink out) {
        for (Ipam.Pool p : Ipam.pools(model)) {
            IpamPool pool = p.pool();
            // a block or address the view holds was parsed: only the others can be malformed
            if (p.subnet() == null) {
                cidr(pool.subnet(), "subnet", out);
            }
            if (p.ipRange() == null) {
                cidr(pool.ipRange(), "ip-range", out);
            }
            if (p.gateway() == null && pool.gateway() != null) {
                address(pool.gateway(), "gateway", "invalid gateway " + raw(pool.gateway()), out);
            }
            for (Map.Entry<String, AddressValue> aux : p.aux().entrySet()) {
                address(aux.getValue(), "aux address " + aux.getKey(),
                        "invalid auxiliary address " + aux.getKey(), out);
            }
        }
        for (Project p : model.projects()) {
            for (Container c : p.containers()) {
                for (Attachment a : c.attachments()) {
                    staticAddress(a.ipv4(), IpFamily.IPV4, out);
                    staticAddress(a.ipv6(), IpFamily.IPV6, out);
                }
            }
        }
    }

    private void cidr(AddressValue v, String what, FindingSink out) {
        if (v == null || !v.isMalformed()) {
            return;
        }
        String key = what.equals("subnet") ? "subnet" : "ip_range";
        String daemon = what.equals("subnet")
                ? "the daemon refuses it ('Invalid subnet " + v.raw() + " : invalid CIDR address: " + v.raw()
                        + "'; Engine 25+: 'invalid subnet " + v.raw() + ": invalid CIDR block notation')"
                : "the daemon refuses it (Engine 25+: 'invalid ip-range " + v.raw() + ": invalid CIDR block notation')";
        out.report(this, v.location(), key + " " + problem(v, "CIDR block") + "; " + daemon + ".");
    }

    private void address(AddressValue v, String what, String daemonPrefix, FindingSink out) {
        if (v == null || !v.isMalformed()) {
            return;
        }
        out.report(this, v.location(), what + " " + problem(v, "IP address")
                + "; the daemon refuses it (Engine 25+: '" + daemonPrefix + ": invalid address').");
    }

    private void staticAddress(AddressValue v, IpFamily family, FindingSink out) {
        if (v == null) {
            return;
        }
        String key = family == IpFamily.IPV4 ? "ipv4_address" : "ipv6_address";
        if (v.isMalformed()) {
            out.report(this, v.location(), key + " " + problem(v, "IP address") + ", so the container cannot "
                    + "get it.");
            return;
        }
        Optional<Ip> ip = Ipam.ip(v);
        if (ip.isPresent() && ip.get().family() != family) {
            out.report(this, v.location(), key + " " + ip.get() + " is an "
                    + (family == IpFamily.IPV4 ? "IPv6" : "IPv4") + " address; write it as "
                    + (family == IpFamily.IPV4 ? "ipv6_address" : "ipv4_address") + ".");
        }
    }

    private static String raw(AddressValue v) {
        return v == null ? "" : v.raw();
    }

    /** "'10.0.0.0/33' has prefix /33, but ...": the parser's reason, which starts with the quoted value. */
    private static String problem(AddressValue v, String what) {
        String e = v.error();
        if (e != null && e.startsWith("'")) {
            return e;
        }
        return "'" + v.raw() + "' is not a valid " + what + (e == null ? "" : " (" + e + ")");
    }
}
