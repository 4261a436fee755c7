package dev.netlint.ingest.shell;

import dev.netlint.model.Model;
import dev.netlint.model.Project;
import dev.netlint.model.SourceLocation;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sequential projects one document (or one independent example of it) becomes: one per host
 * its commands run on, each on its host, created in the order the hosts first appear.
 */
final class HostProjects {
    private final String file;
    private final String defaultHost;
    private final String label;
    private final Map<String, Project> byHost = new LinkedHashMap<>();

    /** {@code label} tells apart the examples of an independent document ("" for a whole document). */
    HostProjects(String file, String defaultHost, String label) {
        this.file = file;
        this.defaultHost = defaultHost;
        this.label = label;
    }

    /** The project of {@code host} (null: the document's default host). */
    Project of(String host) {
        String h = host == null ? defaultHost : host;
        return byHost.computeIfAbsent(h, k -> new Project(
                file + label + (k.equals(defaultHost) ? "" : " @" + k), Project.Kind.SEQUENTIAL,
                SourceLocation.of(file, 1, 1), k));
    }

    Collection<Project> all() {
        return byHost.values();
    }

    /** Adds every project that holds a command to the model. */
    void addTo(Model model) {
        for (Project p : byHost.values()) {
            if (!p.operations().isEmpty()) {
                model.add(p);
            }
        }
    }
}
