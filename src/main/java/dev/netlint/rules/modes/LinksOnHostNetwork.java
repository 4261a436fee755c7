package dev.netlint.rules.modes;

import dev.netlint.model.Container;
import dev.netlint.model.Model;
import dev.netlint.model.NetworkMode;
import dev.netlint.model.Project;
import dev.netlint.model.Severity;
import dev.netlint.rules.FindingSink;
import dev.netlint.rules.Rule;
import dev.netlint.rules.RuleInfo;

@RuleInfo(id = "NL212", name = "links-on-host-network", severity = Severity.ERROR,
        summary = "A container in host network mode sets links, which the daemon refuses.")
public final class LinksOnHostNetwork implements Rule {
    @Override
    public void check(Model model, FindingSink out) {
        for (Project p : model.projects()) {
            if (p.kind() != Project.Kind.DECLARATIVE) {
                // Scripts: the script simulation (NL4xx) reports refused options in command order.
                // Observed containers already passed the daemon's checks; an inspected container shows
                // its image's EXPOSE and other merged settings that were never options of its own.
                continue;
            }
            for (Container c : ServiceNetworks.containersOf(p)) {
                if (!c.networkMode().is(NetworkMode.Kind.HOST) || c.links().isEmpty()) {
                    continue;
                }
                out.report(this, ServiceNetworks.where(c, c.links().get(0).location()), ServiceNetworks.describe(p, c)
                        + " uses host networking and sets " + ServiceNetworks.option(p, "links", "--link")
                        + ": the daemon refuses it ('conflicting options: host type networking can't be used with"
                        + " links. This would result in undefined behavior'; the docker CLI says 'links are only"
                        + " supported for user-defined networks'). Remove the links and reach the other container"
                        + " through a published port, or move both to a user-defined network.");
            }
        }
    }
}
