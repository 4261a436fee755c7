package dev.netlint.rules.probe;

import dev.netlint.model.Model;
import dev.netlint.model.Operation;
import dev.netlint.model.Project;
import dev.netlint.model.Severity;
import dev.netlint.rules.FindingSink;
import dev.netlint.rules.Rule;
import dev.netlint.rules.RuleInfo;

import java.util.Map;

@RuleInfo(id = "NL708", name = "network-name-taken-on-daemon", severity = Severity.ERROR,
        summary = "A script creates a network whose name already exists on the probed daemon.")
public final class NetworkNameTaken implements Rule {
    @Override
    public void check(Model model, FindingSink out) {
        Map<String, LiveState.Daemon> daemons = LiveState.daemons(model);
        for (Project p : LiveState.declared(model)) {
            LiveState.Daemon daemon = daemons.get(p.host());
            if (daemon == null || p.kind() != Project.Kind.SEQUENTIAL) {
                continue;
            }
            for (Operation op : p.operations()) {
                if (!(op instanceof Operation.CreateNetwork cn) || cn.conditional() || cn.name() == null
                        || !cn.name().known()) {
                    continue; // `inspect || create` and unknown names are not judged
                }
                String name = cn.name().value();
                if (daemon.network(name).isEmpty()
                        || LiveState.removedBefore(p, op, true).mayHaveRemoved(name)
                        || createdBefore(p, op, name)) {
                    continue; // a create after a create of the script itself is NL409's business
                }
                out.report(this, cn.name().location(), "network '" + name + "' already exists on "
                        + daemon.location() + "; the daemon refuses: 'network with name " + name
                        + " already exists'. Remove it first (docker network rm " + name
                        + ") or create it only when missing (docker network inspect " + name + " || docker network create ...)");
            }
        }
    }

    private static boolean createdBefore(Project p, Operation until, String name) {
        for (Operation op : p.operations()) {
            if (op == until) {
                return false;
            }
            if (op instanceof Operation.CreateNetwork cn && cn.name() != null && cn.name().is(name)) {
                return true;
            }
        }
        return false;
    }
}
