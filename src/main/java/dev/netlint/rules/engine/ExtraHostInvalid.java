package dev.netlint.rules.engine;

import dev.netlint.model.Container;
import dev.netlint.model.Model;
import dev.netlint.model.Severity;
import dev.netlint.model.Text;
import dev.netlint.rules.FindingSink;
import dev.netlint.rules.Rule;
import dev.netlint.rules.RuleInfo;
import dev.netlint.rules.modes.ServiceNetworks;

/**
 * {@code opts.ValidateExtraHost} (docker/cli, and the daemon's {@code validateHostConfig}):
 * {@code name:ip} split at the first colon, a non-empty name, and an IP address or the word
 * {@code host-gateway}. The current CLI also takes {@code name=ip} and {@code [ipv6]}; those are
 * accepted here so that no current syntax is reported.
 */
@RuleInfo(id = "NL226", name = "extra-host-invalid", severity = Severity.ERROR,
        summary = "An extra host entry (extra_hosts, --add-host) is not NAME:IP with an IP address or host-gateway.")
public final class ExtraHostInvalid implements Rule {
    @Override
    public void check(Model model, FindingSink out) {
        for (Declared.Ctr d : Declared.containers(model)) {
            Container c = d.container();
            for (Text h : c.extraHosts()) {
                if (!h.known()) {
                    continue;
                }
                String problem = problem(h.value());
                if (problem != null) {
                    out.report(this, h.location(), ServiceNetworks.describe(d.project(), c) + " adds the host entry '"
                            + h.value() + "'; the daemon refuses it: " + problem + ". Write NAME:IP, such as "
                            + "db.internal:10.0.0.5, or NAME:host-gateway for the host's address.");
                }
            }
        }
    }

    /** Why the engine refuses the entry, or null when it takes it. */
    static String problem(String val) {
        int eq = val.indexOf('=');
        int colon = val.indexOf(':');
        String name;
        String ip;
        if (eq >= 0 && (colon < 0 || eq < colon)) {
            name = val.substring(0, eq);
            ip = val.substring(eq + 1);
        } else if (colon >= 0) {
            name = val.substring(0, colon);
            ip = val.substring(colon + 1);
        } else {
            return "\"bad format for add-host: \\\"" + val + "\\\"\"";
        }
        if (name.isEmpty()) {
            return "\"bad format for add-host: \\\"" + val + "\\\"\"";
        }
        if (ip.equals("host-gateway")) {
            return null;
        }
        String bare = ip.length() > 2 && ip.startsWith("[") && ip.endsWith("]") ? ip.substring(1, ip.length() - 1) : ip;
        return DnsServerInvalid.isIp(bare) ? null : "\"invalid IP address in add-host: \\\"" + ip + "\\\"\"";
    }
}
