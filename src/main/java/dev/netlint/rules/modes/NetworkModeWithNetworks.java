package dev.netlint.rules.modes;

import dev.netlint.model.Container;
import dev.netlint.model.Model;
import dev.netlint.model.NetworkMode;
import dev.netlint.model.Project;
import dev.netlint.model.Severity;
import dev.netlint.rules.FindingSink;
import dev.netlint.rules.Rule;
import dev.netlint.rules.RuleInfo;

@RuleInfo(id = "NL205", name = "network-mode-with-networks", severity = Severity.ERROR,
        summary = "A compose service sets both network_mode and networks, which compose refuses.")
public final class NetworkModeWithNetworks implements Rule {
    @Override
    public void check(Model model, FindingSink out) {
        for (Project p : model.projects()) {
            if (p.kind() != Project.Kind.DECLARATIVE) {
                continue;
            }
            for (Container c : p.containers()) {
                NetworkMode m = c.networkMode();
                if (m.location() == null || c.networksKeyLocation() == null) {
                    continue;
                }
                out.report(this, m.location(), "service \"" + c.serviceName() + "\" sets network_mode: "
                        + (m.unknown() ? m.target() : m.spelled()) + " and a networks: list (line "
                        + c.networksKeyLocation().line() + "); compose refuses the file: \"'network_mode' and"
                        + " 'networks' cannot be combined\". Keep networks: to join project networks, or keep"
                        + " network_mode: and delete networks:.");
            }
        }
    }
}
