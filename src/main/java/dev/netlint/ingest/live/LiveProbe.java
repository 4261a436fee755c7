package dev.netlint.ingest.live;

import dev.netlint.model.Model;
import dev.netlint.model.Project;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads every daemon of a probe, one after the other, into live projects. A daemon that cannot be
 * reached stops the probe with its {@link ProbeException}: predictions against a partial picture
 * would be wrong.
 */
public final class LiveProbe {
    /** One daemon's state and the requests it took to read it. */
    public record Snapshot(DaemonEndpoint endpoint, Project project, String engineVersion, String apiVersion,
                           List<String> requests) {
    }

    private LiveProbe() {
    }

    public static List<Snapshot> read(List<DaemonEndpoint> endpoints) throws ProbeException {
        List<Snapshot> out = new ArrayList<>();
        for (DaemonEndpoint ep : endpoints) {
            try (DaemonConnection c = DaemonConnection.open(ep)) {
                Project p = new LiveDaemonReader().read(c, new Model());
                out.add(new Snapshot(ep, p, c.engineVersion(), c.serverApi().toString(), c.requests()));
            }
        }
        return out;
    }
}
