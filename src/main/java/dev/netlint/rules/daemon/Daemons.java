package dev.netlint.rules.daemon;

import dev.netlint.model.DaemonSettings;
import dev.netlint.model.Host;
import dev.netlint.model.Model;

import java.util.ArrayList;
import java.util.List;

/** The daemon.json settings in a model, host by host. */
final class Daemons {
    private Daemons() {
    }

    static List<DaemonSettings> of(Model model) {
        List<DaemonSettings> out = new ArrayList<>();
        for (Host h : model.hosts().values()) {
            if (h.daemon() != null) {
                out.add(h.daemon());
            }
        }
        return out;
    }
}
