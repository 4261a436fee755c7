package dev.netlint.rules.engine;

import dev.netlint.model.Model;
import dev.netlint.model.Network;
import dev.netlint.model.Operation;
import dev.netlint.model.Project;
import dev.netlint.model.Severity;
import dev.netlint.model.Text;
import dev.netlint.rules.FindingSink;
import dev.netlint.rules.Rule;
import dev.netlint.rules.RuleInfo;

import java.util.Set;

/** moby {@code daemon.deleteNetwork}: {@code runconfig.IsPreDefinedNetwork} networks cannot be removed. */
@RuleInfo(id = "NL430", name = "predefined-network-removed", severity = Severity.ERROR,
        summary = "A script removes the bridge, host or none network, which the daemon never allows.")
public final class PredefinedNetworkRemoved implements Rule {
    private static final Set<String> PREDEFINED = Set.of(Network.DEFAULT_BRIDGE, Network.HOST, Network.NONE);

    @Override
    public void check(Model model, FindingSink out) {
        for (Project p : model.projects()) {
            if (Declared.observed(p)) {
                continue;
            }
            for (Operation op : p.operations()) {
                if (op instanceof Operation.RemoveNetwork r && r.network().known()
                        && PREDEFINED.contains(r.network().value())) {
                    Text t = r.network();
                    out.report(this, t.location() != null ? t.location() : r.location(), "'" + t.value() + "' is a "
                            + "predefined network; the daemon refuses: \"" + t.value() + " is a pre-defined network "
                            + "and cannot be removed\". Remove only networks the script created.");
                }
            }
        }
    }
}
