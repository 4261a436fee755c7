package dev.netlint.rules.daemon;

import dev.netlint.model.DaemonSettings;
import dev.netlint.model.Model;
import dev.netlint.model.Severity;
import dev.netlint.rules.FindingSink;
import dev.netlint.rules.Rule;
import dev.netlint.rules.RuleInfo;

/** "ip": "0.0.0.0" (or "::") written in daemon.json; absence (the same default) is not reported, as for NL605. */
@RuleInfo(id = "NL606", name = "ip-all-interfaces", severity = Severity.NOTE,
        summary = "daemon.json sets \"ip\" to 0.0.0.0, so published ports listen on every host interface (CIS Docker 5.14).")
public final class IpAllInterfaces implements Rule {
    @Override
    public void check(Model model, FindingSink out) {
        for (DaemonSettings d : Daemons.of(model)) {
            if (d.ip() != null && d.ip().asIp().map(ip -> ip.isUnspecified()).orElse(false)) {
                out.report(this, d.ip().location(), "\"ip\": \"" + d.ip().raw() + "\" publishes every port given "
                        + "without a host address on all interfaces of the host (CIS Docker Benchmark 5.14). Set "
                        + "\"ip\" to the one interface that should accept container traffic, e.g. \"127.0.0.1\".");
            }
        }
    }
}
