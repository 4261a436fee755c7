package dev.netlint.rules.modes;

import dev.netlint.model.Container;
import dev.netlint.model.Model;
import dev.netlint.model.NetworkMode;
import dev.netlint.model.Project;
import dev.netlint.model.Severity;
import dev.netlint.rules.FindingSink;
import dev.netlint.rules.Rule;
import dev.netlint.rules.RuleInfo;

/**
 * For compose services and observed containers. Scripts and README snippets use host networking for
 * throwaway tooling ({@code docker run --rm --net host nicolaka/netshoot}) far more than for
 * deployments, so they are not noted.
 */
@RuleInfo(id = "NL216", name = "host-network-mode", severity = Severity.NOTE,
        summary = "A container shares the host's network namespace (CIS Docker Benchmark 5.10).")
public final class HostNetworkMode implements Rule {
    @Override
    public void check(Model model, FindingSink out) {
        for (Project p : model.projects()) {
            if (p.kind() == Project.Kind.SEQUENTIAL) {
                continue;
            }
            for (Container c : p.allContainers()) {
                NetworkMode m = c.networkMode();
                if (!m.is(NetworkMode.Kind.HOST)) {
                    continue;
                }
                out.report(this, ServiceNetworks.where(c, m.location()), ServiceNetworks.describe(p, c)
                        + " shares the host's network namespace: it can bind any host port, see every host"
                        + " interface and reach services listening on the host's loopback (CIS Docker Benchmark 5.10)."
                        + " If it does not need that, use a bridge network and publish only the ports it serves.");
            }
        }
    }
}
