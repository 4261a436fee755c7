package dev.netlint.rules.probe;

import dev.netlint.model.Model;
import dev.netlint.model.Network;
import dev.netlint.model.Operation;
import dev.netlint.model.Project;
import dev.netlint.model.Severity;
import dev.netlint.model.SourceLocation;
import dev.netlint.model.Text;
import dev.netlint.rules.FindingSink;
import dev.netlint.rules.Rule;
import dev.netlint.rules.RuleInfo;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

@RuleInfo(id = "NL702", name = "network-missing-on-daemon", severity = Severity.ERROR,
        summary = "An external network, or a network a script joins without creating it, does not exist on the probed daemon.")
public final class ExternalNetworkMissing implements Rule {
    private static final Set<String> BUILT_IN = Set.of("bridge", "host", "none", "default");

    @Override
    public void check(Model model, FindingSink out) {
        Map<String, LiveState.Daemon> daemons = LiveState.daemons(model);
        for (Project p : LiveState.declared(model)) {
            LiveState.Daemon daemon = daemons.get(p.host());
            if (daemon == null) {
                continue;
            }
            if (p.kind() == Project.Kind.DECLARATIVE) {
                for (LiveState.DeclaredNetwork d : LiveState.networks(p)) {
                    if (!d.external() || daemon.network(d.daemonName()).isPresent()) {
                        continue;
                    }
                    Network n = d.network();
                    SourceLocation at = n.externalName() != null ? n.externalName().location()
                            : n.declaredKeys().getOrDefault("external", n.location());
                    out.report(this, at, "external network '" + d.daemonName() + "' does not exist on "
                            + daemon.location() + "; compose stops with: 'Network " + d.daemonName()
                            + " declared as external, but could not be found. Please create the network manually "
                            + "using `docker network create " + d.daemonName() + "` and try again.'");
                }
            } else {
                script(p, daemon, out);
            }
        }
    }

    /** A script joins a network with docker run --network / docker network connect that nothing created. */
    private void script(Project p, LiveState.Daemon daemon, FindingSink out) {
        Set<String> created = new HashSet<>();
        Set<String> removed = new HashSet<>();
        boolean unknownCreate = false;
        for (Operation op : p.operations()) {
            if (op instanceof Operation.CreateNetwork cn) {
                // conditional creates count as done: the benefit of the doubt goes to the script
                if (cn.name() == null || !cn.name().known()) {
                    unknownCreate = true; // it may have created any name
                } else {
                    created.add(cn.name().value());
                    removed.remove(cn.name().value());
                }
            } else if (op instanceof Operation.RemoveNetwork rn && rn.network().known() && !rn.conditional()) {
                removed.add(rn.network().value());
                created.remove(rn.network().value());
            } else if (unknownCreate || op.conditional()) {
                continue;
            } else if (op instanceof Operation.RunContainer run) {
                for (Text net : run.networks()) {
                    check(net, created, removed, daemon, out);
                }
            } else if (op instanceof Operation.Connect c) {
                check(c.network(), created, removed, daemon, out);
            }
        }
    }

    private void check(Text net, Set<String> created, Set<String> removed, LiveState.Daemon daemon, FindingSink out) {
        if (net == null || !net.known()) {
            return;
        }
        String name = net.value();
        if (BUILT_IN.contains(name) || name.startsWith("container:") || name.startsWith("service:")
                || created.contains(name)) {
            return;
        }
        if (daemon.network(name).isPresent() && !removed.contains(name)) {
            return;
        }
        out.report(this, net.location(), "network '" + name + "' does not exist on " + daemon.location()
                + " and this script does not create it first; the daemon answers: 'network " + name
                + " not found'. Create it (docker network create " + name + ") before using it");
    }
}
