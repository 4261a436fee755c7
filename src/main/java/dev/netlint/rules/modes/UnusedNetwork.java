package dev.netlint.rules.modes;

import dev.netlint.model.Container;
import dev.netlint.model.Model;
import dev.netlint.model.Network;
import dev.netlint.model.Project;
import dev.netlint.model.Severity;
import dev.netlint.model.Text;
import dev.netlint.rules.FindingSink;
import dev.netlint.rules.Rule;
import dev.netlint.rules.RuleInfo;

import java.util.HashSet;
import java.util.Set;

@RuleInfo(id = "NL207", name = "unused-network", severity = Severity.NOTE,
        summary = "A compose file declares a network that no service joins.")
public final class UnusedNetwork implements Rule {
    @Override
    public void check(Model model, FindingSink out) {
        for (Project p : model.projects()) {
            if (p.kind() != Project.Kind.DECLARATIVE || p.networks().isEmpty()) {
                continue;
            }
            Set<String> used = new HashSet<>();
            boolean unknownUse = false;
            for (Container c : p.containers()) {
                for (Text t : ServiceNetworks.joined(p, c)) {
                    used.add(t.value());
                }
                // A service that extends another may inherit its networks from a file this model has not seen.
                unknownUse |= ServiceNetworks.hasUnknownAttachment(c) || c.networkMode().unknown()
                        || c.extendsLocation() != null;
            }
            if (unknownUse) {
                // A service joins a network whose name could not be resolved: it may be any of them.
                continue;
            }
            for (Network n : p.networks().values()) {
                if (n.implicit() || used.contains(n.name()) || n.location() == null || !n.location().hasLine()) {
                    continue;
                }
                out.report(this, n.location(), "network \"" + n.name() + "\" is declared but no service joins it"
                        + (ServiceNetworks.COMPOSE_DEFAULT.equals(n.name())
                        ? " (every service names its networks or a network_mode), so its settings configure nothing."
                        : ": no container of this project will be on it.")
                        + " Remove it, or add it to the networks: of the services that should use it.");
            }
        }
    }
}
