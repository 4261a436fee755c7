package dev.netlint.ingest.compose;

import dev.netlint.ingest.IngestContext;
import dev.netlint.model.Container;
import dev.netlint.model.Network;
import dev.netlint.model.Project;
import dev.netlint.model.SourceLocation;
import dev.netlint.model.Text;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static dev.netlint.ingest.compose.Scalars.describe;
import static dev.netlint.ingest.compose.Scalars.fields;
import static dev.netlint.ingest.compose.Scalars.oneLine;

/**
 * Builds one {@link Project} from a compose document (already merged with its overrides). Values
 * are interpolated; each keeps the location of its own scalar. An element of the wrong shape is
 * reported as a located input problem and skipped; the rest of the file is still read.
 */
final class ComposeModel {
    /** A structural error that makes the whole document unusable (Compose refuses it too). */
    static final class Fatal extends Exception {
        final transient SourceLocation location;

        Fatal(SourceLocation location, String message) {
            super(oneLine(message));
            this.location = location;
        }
    }

    static final Set<String> TOP_LEVEL_KEYS = Set.of("version", "name", "services", "networks", "volumes",
            "secrets", "configs", "include", "models");

    private final Scalars scalars;
    private final NetworkParser networkParser;
    private final ServiceParser serviceParser;
    private final Locations locations;
    private String imposedName;
    private Set<String> profileSelection = Set.of();

    ComposeModel(IngestContext context, Interpolator interpolator, Locations locations) {
        this.scalars = new Scalars(context, interpolator, locations);
        this.networkParser = new NetworkParser(scalars);
        this.serviceParser = new ServiceParser(scalars);
        this.locations = locations;
    }

    /** COMPOSE_PROJECT_NAME: wins over name: and the directory, as in compose. */
    ComposeModel imposedName(String name) {
        this.imposedName = name;
        return this;
    }

    /** COMPOSE_PROFILES (or a declared project's profiles): services of no selected profile do not run. */
    ComposeModel profileSelection(Set<String> selection) {
        this.profileSelection = Set.copyOf(selection);
        return this;
    }

    private boolean enabled(Container c) {
        return profileSelection.isEmpty() || c.profiles().isEmpty() || profileSelection.contains("*")
                || c.profiles().stream().anyMatch(profileSelection::contains);
    }

    Project build(Node root, String directoryName, SourceLocation projectLocation, String host) throws Fatal {
        if (root == null || Overrides.isNull(root)) {
            throw new Fatal(root == null ? projectLocation : locations.of(root),
                    "empty compose file: it declares no services or networks");
        }
        if (!(root instanceof MappingNode top)) {
            throw new Fatal(locations.of(root), "the top level of a compose file must be a mapping (services:, "
                    + "networks:, ...), not " + describe(root));
        }
        Map<String, NodeTuple> keys = fields(top);
        if (keys.isEmpty()) {
            throw new Fatal(locations.of(root), "empty compose file: it declares no services or networks");
        }
        for (NodeTuple t : top.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && !TOP_LEVEL_KEYS.contains(k.getValue())
                    && !k.getValue().startsWith("x-")) {
                String hint = looksLikeService(t.getValueNode())
                        ? "; this looks like a version 1 file with services at the top level, which Compose no "
                                + "longer reads: move them under \"services:\""
                        : "";
                scalars.problem(locations.of(k), "unknown top-level key \"" + k.getValue() + "\": Compose refuses "
                        + "the file (only version, name, services, networks, volumes, secrets, configs, include and "
                        + "x- keys are allowed)" + hint);
            }
        }

        String projectName = normalizeProjectName(directoryName);
        NodeTuple nameKey = keys.get("name");
        if (nameKey != null) {
            Text n = scalars.text(nameKey.getValueNode(), "name");
            if (n != null && n.known() && !normalizeProjectName(n.value()).isEmpty()) {
                projectName = normalizeProjectName(n.value());
            }
        }
        if (imposedName != null && !normalizeProjectName(imposedName).isEmpty()) {
            projectName = normalizeProjectName(imposedName);
        }
        if (projectName.isEmpty()) {
            projectName = "default";
        }
        Project project = new Project(projectName, Project.Kind.DECLARATIVE, projectLocation, host);
        project.mayBeOverlay(ENVIRONMENT_OVERLAY.matcher(baseName(projectLocation.file())).matches());

        NodeTuple networks = keys.get("networks");
        if (networks != null && !Overrides.isNull(networks.getValueNode())) {
            if (!(networks.getValueNode() instanceof MappingNode nets)) {
                throw new Fatal(locations.of(networks.getValueNode()), "\"networks\" must be a mapping of network "
                        + "names to their settings, not " + describe(networks.getValueNode()));
            }
            for (NodeTuple t : nets.getValue()) {
                Network n = networkParser.parse(t);
                if (n != null) {
                    project.add(n);
                }
            }
        }
        NodeTuple services = keys.get("services");
        if (services != null && !Overrides.isNull(services.getValueNode())) {
            if (!(services.getValueNode() instanceof MappingNode svcs)) {
                throw new Fatal(locations.of(services.getValueNode()), "\"services\" must be a mapping of service "
                        + "names to their settings, not " + describe(services.getValueNode()));
            }
            for (NodeTuple t : svcs.getValue()) {
                Container c = serviceParser.parse(t);
                if (c != null && enabled(c)) {
                    project.add(c);
                }
            }
        }
        scalars.reportSuppressed();
        return project;
    }

    private static boolean looksLikeService(Node v) {
        return v instanceof MappingNode m && (fields(m).containsKey("image") || fields(m).containsKey("build"));
    }

    /** Compose's project-name rule: lower case, only a-z 0-9 _ -, starting with a letter or digit. */
    static String normalizeProjectName(String s) {
        String lower = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "");
        int i = 0;
        while (i < lower.length() && !Character.isLetterOrDigit(lower.charAt(i))) {
            i++;
        }
        return lower.substring(i);
    }

    /** compose.prod.yaml, docker-compose.staging.yml (also with a prefix, app_compose.prod.yaml): by convention merged onto compose.yaml with -f. */
    private static final java.util.regex.Pattern ENVIRONMENT_OVERLAY =
            java.util.regex.Pattern.compile("(?:.*[-_])?(docker-)?compose\\.(?!override\\.)[^.]+\\.ya?ml");

    private static String baseName(String file) {
        String f = file.replace('\\', '/');
        return f.substring(f.lastIndexOf('/') + 1);
    }
}
