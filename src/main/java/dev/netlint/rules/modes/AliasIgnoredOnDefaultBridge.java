package dev.netlint.rules.modes;

import dev.netlint.model.Container;
import dev.netlint.model.Model;
import dev.netlint.model.NetworkMode;
import dev.netlint.model.Project;
import dev.netlint.model.Severity;
import dev.netlint.model.Text;
import dev.netlint.rules.FindingSink;
import dev.netlint.rules.Rule;
import dev.netlint.rules.RuleInfo;

/**
 * {@code docker run --network-alias foo} with no {@code --network}: the container lands on the
 * default bridge, the daemon accepts the alias and silently drops it. Compose services are never on
 * the default bridge by default (they get the project's network), so this is for scripts.
 */
@RuleInfo(id = "NL211", name = "alias-ignored-on-default-bridge", severity = Severity.WARNING,
        summary = "A network alias given without a network: the container lands on the default bridge and the alias is dropped.")
public final class AliasIgnoredOnDefaultBridge implements Rule {
    @Override
    public void check(Model model, FindingSink out) {
        for (Project p : model.projects()) {
            if (p.kind() == Project.Kind.DECLARATIVE) {
                continue;
            }
            for (Container c : p.allContainers()) {
                NetworkMode m = c.networkMode();
                if (c.networkAliases().isEmpty() || m.unknown() || m.kind() != NetworkMode.Kind.DEFAULT
                        || !c.attachments().isEmpty()) {
                    continue;
                }
                Text first = c.networkAliases().get(0);
                out.report(this, ServiceNetworks.where(c, first.location()), ServiceNetworks.describe(p, c)
                        + " sets network alias \"" + first.value() + "\" without --network, so it runs on the default"
                        + " bridge, where aliases do not exist: the daemon accepts the option and silently drops the"
                        + " alias, and no other container can resolve \"" + first.value() + "\". Add --network NAME"
                        + " with a user-defined network.");
            }
        }
    }
}
