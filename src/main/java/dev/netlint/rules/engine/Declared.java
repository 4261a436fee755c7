package dev.netlint.rules.engine;

import dev.netlint.model.Container;
import dev.netlint.model.Model;
import dev.netlint.model.Network;
import dev.netlint.model.Project;
import dev.netlint.model.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the inputs ask the daemon to create: networks and containers of compose files and scripts.
 * Observed state (inspect dumps, a probed daemon) is left out: the daemon already accepted it.
 * External networks are configured elsewhere; config-only networks are checked through the
 * --config-from network that takes their settings.
 */
final class Declared {
    private Declared() {
    }

    record Net(Project project, Network network) {
    }

    record Ctr(Project project, Container container) {
    }

    static boolean observed(Project p) {
        return p.kind() == Project.Kind.OBSERVED || p.live();
    }

    static List<Net> networks(Model model) {
        List<Net> out = new ArrayList<>();
        for (Project p : model.projects()) {
            if (observed(p)) {
                continue;
            }
            for (Network n : p.allNetworks()) {
                if (!n.external() && !n.configOnly() && !n.implicit()) {
                    out.add(new Net(p, n));
                }
            }
        }
        return out;
    }

    static List<Ctr> containers(Model model) {
        List<Ctr> out = new ArrayList<>();
        for (Project p : model.projects()) {
            if (!observed(p)) {
                p.allContainers().forEach(c -> out.add(new Ctr(p, c)));
            }
        }
        return out;
    }

    /** A driver option's value, when it is written and known. */
    static Optional<Text> knownOption(Network n, String key) {
        return n.option(key).filter(Text::known);
    }

    /** "-o key=value" for scripts, "driver_opts key" for compose: how the input spells a driver option. */
    static String optionSyntax(Project p, String key) {
        return p.kind() == Project.Kind.SEQUENTIAL ? "-o " + key : "driver_opts " + key;
    }
}
