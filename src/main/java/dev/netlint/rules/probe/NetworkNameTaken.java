package dev.netlint.rules.probe;

import dev.netlint.model.Model;
import dev.netlint.model.Operation;
import dev.netlint.model.Project;
import dev.netlint.model.Severity;
import dev.netlint.rules.FindingSink;
import dev.netlint.rules.Rule;
import dev.netlint.rules.RuleInfo;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

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
            Set<String> removed = new HashSet<>();
            for (Operation op : p.operations()) {
                if (op instanceof Operation.RemoveNetwork rn && rn.network().known()) {
                    removed.add(rn.network().value());
                } else if (op instanceof Operation.CreateNetwork cn) {
                    String name = cn.network().name();
                    if (daemon.network(name).isPresent() && !removed.contains(name)) {
                        out.report(this, cn.network().location(), "network '" + name + "' already exists on "
                                + daemon.location() + "; the daemon refuses: 'network with name " + name
                                + " already exists'. Remove it first (docker network rm " + name
                                + ") or reuse it without creating it");
                    }
                    removed.remove(name);
                }
            }
        }
    }
}
