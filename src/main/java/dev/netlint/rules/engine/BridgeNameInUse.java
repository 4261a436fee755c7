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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * libnetwork bridge {@code checkConflict}/{@code Conflicts}: two bridge networks cannot share a
 * Linux bridge name ({@code com.docker.network.bridge.name}). Compose networks all exist at once;
 * a script's are followed command by command, so removing the first frees the name.
 */
@RuleInfo(id = "NL222", name = "bridge-name-in-use", severity = Severity.ERROR,
        summary = "Two bridge networks set the same com.docker.network.bridge.name, which the daemon refuses for the second.")
public final class BridgeNameInUse implements Rule {
    static final String BRIDGE_NAME = "com.docker.network.bridge.name";

    @Override
    public void check(Model model, FindingSink out) {
        // Each declarative project's networks, in model order (one pass: a fleet holds thousands of projects).
        Map<Project, List<Network>> declared = new IdentityHashMap<>();
        for (Declared.Net d : Declared.networks(model)) {
            declared.computeIfAbsent(d.project(), k -> new ArrayList<>()).add(d.network());
        }
        for (Project p : model.projects()) {
            if (Declared.observed(p)) {
                continue;
            }
            if (p.kind() == Project.Kind.SEQUENTIAL) {
                script(p, out);
            } else {
                Map<String, Network> taken = new HashMap<>();
                for (Network n : declared.getOrDefault(p, List.of())) {
                    claim(p, n, taken, out);
                }
            }
        }
    }

    private void script(Project p, FindingSink out) {
        Map<String, Network> taken = new HashMap<>();
        for (Operation op : p.operations()) {
            if (op instanceof Operation.CreateNetwork c && c.network() != null) {
                if (c.conditional()) {
                    bridgeName(c.network()).ifPresent(b -> taken.remove(b.value())); // uncertain from here on
                    continue;
                }
                claim(p, c.network(), taken, out);
            } else if (op instanceof Operation.RemoveNetwork r) {
                if (!r.network().known()) {
                    taken.clear(); // an unknown name may free any bridge name
                } else {
                    taken.values().removeIf(n -> n.name().equals(r.network().value()));
                }
            }
        }
    }

    private void claim(Project p, Network n, Map<String, Network> taken, FindingSink out) {
        if (!n.isDriver("bridge")) {
            return;
        }
        bridgeName(n).ifPresent(b -> {
            Network first = taken.get(b.value());
            if (first != null && first != n && !first.name().equals(n.name())) {
                out.report(this, b.location(), "network '" + n.name() + "' asks for the Linux bridge '" + b.value()
                        + "', which network '" + first.name() + "' (line " + first.location().line() + ") already "
                        + "uses; the daemon refuses: \"cannot create network … (" + b.value() + "): conflicts with "
                        + "network … (" + b.value() + "): networks have same bridge name\". Give each network its own "
                        + Declared.optionSyntax(p, BRIDGE_NAME) + ".");
            } else if (first == null) {
                taken.put(b.value(), n);
            }
        });
    }

    private static java.util.Optional<Text> bridgeName(Network n) {
        return Declared.knownOption(n, BRIDGE_NAME).filter(t -> !t.value().isEmpty());
    }
}
