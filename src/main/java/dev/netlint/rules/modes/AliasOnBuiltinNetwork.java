package dev.netlint.rules.modes;

import dev.netlint.model.Attachment;
import dev.netlint.model.Container;
import dev.netlint.model.Model;
import dev.netlint.model.Network;
import dev.netlint.model.NetworkMode;
import dev.netlint.model.Project;
import dev.netlint.model.Severity;
import dev.netlint.model.Text;
import dev.netlint.rules.FindingSink;
import dev.netlint.rules.Rule;
import dev.netlint.rules.RuleInfo;

import java.util.Optional;

/**
 * Network-scoped aliases exist only on user-defined networks. Asked for explicitly on the default
 * bridge, on host or none, or in another container's stack, they are refused. (Given with no
 * network at all they are accepted and dropped: that is NL211.) Scripts are left to the script
 * simulation (NL406 and NL401), which knows the order of commands.
 */
@RuleInfo(id = "NL210", name = "alias-on-builtin-network", severity = Severity.ERROR,
        summary = "A network alias on the default bridge, host, none or a shared stack, which the daemon refuses.")
public final class AliasOnBuiltinNetwork implements Rule {
    private static final String CLI = "'network-scoped aliases are only supported for user-defined networks'";
    private static final String API = "'network-scoped alias is supported only for containers in user defined networks'";

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
                checkRunAliases(p, c, out);
                for (Attachment a : c.attachments()) {
                    if (!a.aliases().isEmpty() && a.network().known() && isDefaultBridge(p, a.network().value())) {
                        Text first = a.aliases().get(0);
                        out.report(this, ServiceNetworks.where(c, first.location(), a.location()),
                                ServiceNetworks.describe(p, c) + " asks for alias \"" + first.value() + "\" on network \""
                                        + a.network().value() + "\", which is the daemon's default bridge: the daemon"
                                        + " refuses it (" + API + "). Put the service on a user-defined network"
                                        + " to use aliases, or drop the aliases.");
                    }
                }
            }
        }
    }

    private void checkRunAliases(Project p, Container c, FindingSink out) {
        NetworkMode m = c.networkMode();
        if (c.networkAliases().isEmpty() || m.unknown()) {
            return;
        }
        String where;
        switch (m.kind()) {
            case BRIDGE -> where = "the default bridge (network mode " + m.spelled() + ")";
            case HOST -> where = "host networking";
            case NONE -> where = "network mode none";
            case CONTAINER, SERVICE -> where = "the network stack of " + m.spelled();
            default -> {
                return;
            }
        }
        Text first = c.networkAliases().get(0);
        out.report(this, ServiceNetworks.where(c, first.location()), ServiceNetworks.describe(p, c) + " sets network"
                + " alias \"" + first.value() + "\" on " + where + ": the daemon refuses it (" + CLI + "; through the"
                + " API: " + API + "). Run it on a user-defined network (--network NAME) to use aliases, or drop"
                + " --network-alias.");
    }

    /** The daemon's built-in bridge network, by whatever name the input reaches it. */
    static boolean isDefaultBridge(Project p, String name) {
        Optional<Network> declared = p.network(name);
        if (declared.isPresent()) {
            Network n = declared.get();
            if (!n.external()) {
                return false;
            }
            String real = n.externalName() != null && n.externalName().known() ? n.externalName().value() : n.name();
            return Network.DEFAULT_BRIDGE.equals(real);
        }
        if (p.kind() == Project.Kind.DECLARATIVE) {
            return false;
        }
        return Network.DEFAULT_BRIDGE.equals(name) && ServiceNetworks.resolve(p, name).isEmpty();
    }
}
