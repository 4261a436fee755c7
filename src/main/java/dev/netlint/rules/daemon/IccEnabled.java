package dev.netlint.rules.daemon;

import dev.netlint.model.DaemonSettings;
import dev.netlint.model.Model;
import dev.netlint.model.Severity;
import dev.netlint.rules.FindingSink;
import dev.netlint.rules.Rule;
import dev.netlint.rules.RuleInfo;

/**
 * "icc": true written in daemon.json. Absence is not reported, although the daemon's default is also
 * true: most daemon.json files set only what they change, and a note on every one of them would be
 * noise. Writing true is a decision worth a second look (docs/inspect-and-topology.md).
 */
@RuleInfo(id = "NL605", name = "icc-enabled", severity = Severity.NOTE,
        summary = "daemon.json sets \"icc\": true, so every container on the default bridge can reach every other (CIS Docker 2.2).")
public final class IccEnabled implements Rule {
    @Override
    public void check(Model model, FindingSink out) {
        for (DaemonSettings d : Daemons.of(model)) {
            if (d.icc() != null && d.icc().is("true")) {
                out.report(this, d.icc().location(), "\"icc\": true lets every container on the default bridge "
                        + "talk to every other on any port (CIS Docker Benchmark 2.2). Set \"icc\": false and put "
                        + "containers that must talk on a user-defined network.");
            }
        }
    }
}
