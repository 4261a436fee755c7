package dev.netlint.rules.modes;

import dev.netlint.model.Model;
import dev.netlint.model.Network;
import dev.netlint.model.Project;
import dev.netlint.model.Severity;
import dev.netlint.model.SourceLocation;
import dev.netlint.rules.FindingSink;
import dev.netlint.rules.Rule;
import dev.netlint.rules.RuleInfo;

import java.util.List;
import java.util.Map;

@RuleInfo(id = "NL208", name = "external-network-ignored-keys", severity = Severity.WARNING,
        summary = "An external network also sets creation keys (ipam, driver, enable_ipv6, ...) that compose never applies.")
public final class ExternalNetworkIgnoredKeys implements Rule {
    /** Keys that only matter when compose creates the network itself. */
    static final List<String> CREATION_KEYS = List.of("driver", "driver_opts", "ipam", "enable_ipv6", "internal",
            "attachable");

    @Override
    public void check(Model model, FindingSink out) {
        for (Project p : model.projects()) {
            if (p.kind() != Project.Kind.DECLARATIVE) {
                continue;
            }
            for (Network n : p.networks().values()) {
                if (!n.external()) {
                    continue;
                }
                for (Map.Entry<String, SourceLocation> e : n.declaredKeys().entrySet()) {
                    if (!CREATION_KEYS.contains(e.getKey())) {
                        continue;
                    }
                    out.report(this, e.getValue() != null ? e.getValue() : n.location(), "network \"" + n.name()
                            + "\" is external: true, so its " + e.getKey() + ": is never applied; the network already"
                            + " exists and keeps the settings it was created with (docker-compose 1.x refuses the file:"
                            + " 'Network " + n.name() + " declared as external but specifies additional attributes"
                            + " (" + e.getKey() + ")'). Remove " + e.getKey() + ": here and set it where the network"
                            + " is created (docker network create, or the project that owns it).");
                }
            }
        }
    }
}
