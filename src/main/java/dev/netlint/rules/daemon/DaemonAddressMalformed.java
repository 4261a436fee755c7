package dev.netlint.rules.daemon;

import dev.netlint.model.AddressValue;
import dev.netlint.model.DaemonSettings;
import dev.netlint.model.Model;
import dev.netlint.model.Severity;
import dev.netlint.rules.FindingSink;
import dev.netlint.rules.Rule;
import dev.netlint.rules.RuleInfo;

@RuleInfo(id = "NL607", name = "daemon-address-malformed", severity = Severity.ERROR,
        summary = "An address or CIDR block in daemon.json does not parse, so the daemon refuses to start.")
public final class DaemonAddressMalformed implements Rule {
    @Override
    public void check(Model model, FindingSink out) {
        for (DaemonSettings d : Daemons.of(model)) {
            check(out, "bip", d.bip(), "a bridge address with its prefix length, e.g. \"10.210.0.1/24\"",
                    "Error initializing network controller: invalid CIDR address");
            check(out, "fixed-cidr", d.fixedCidr(), "a CIDR block inside bip, e.g. \"10.210.0.0/25\"", "invalid CIDR address");
            check(out, "fixed-cidr-v6", d.fixedCidrV6(), "an IPv6 CIDR block, e.g. \"fd00:db8:1::/64\"", "invalid CIDR address");
            check(out, "ip", d.ip(), "a single address, e.g. \"127.0.0.1\"", "invalid IP address");
            for (DaemonSettings.AddressPool p : d.defaultAddressPools()) {
                check(out, "default-address-pools base", p.base(), "a CIDR block, e.g. \"10.200.0.0/16\"",
                        "invalid base pool \"" + p.base().raw() + "\": invalid CIDR address");
            }
        }
    }

    private void check(FindingSink out, String key, AddressValue v, String expected, String daemonSays) {
        if (v != null && v.isMalformed()) {
            out.report(this, v.location(), key + " '" + v.raw() + "' is not valid: " + v.error()
                    + ". The daemon refuses to start ('" + daemonSays + "'). Write " + expected + ".");
        }
    }
}
