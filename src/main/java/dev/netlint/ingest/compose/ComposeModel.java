package dev.netlint.ingest.compose;

import dev.netlint.ingest.IngestContext;
import dev.netlint.model.Attachment;
import dev.netlint.model.Container;
import dev.netlint.model.Network;
import dev.netlint.model.NetworkMode;
import dev.netlint.model.PortMapping;
import dev.netlint.model.Project;
import dev.netlint.model.SourceLocation;
import dev.netlint.model.Text;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static dev.netlint.ingest.compose.Scalars.describe;
import static dev.netlint.ingest.compose.Scalars.fields;
import static dev.netlint.ingest.compose.Scalars.ifPresent;
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
    private final PortParser portParser;
    private final Locations locations;
    private String imposedName;
    private Set<String> profileSelection = Set.of();

    ComposeModel(IngestContext context, Interpolator interpolator, Locations locations) {
        this.scalars = new Scalars(context, interpolator, locations);
        this.networkParser = new NetworkParser(scalars);
        this.portParser = new PortParser(scalars);
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
                Container c = service(t);
                if (c != null && enabled(c)) {
                    project.add(c);
                }
            }
        }
        scalars.reportSuppressed();
        return project;
    }

    // ---- services ----------------------------------------------------------------------------

    private Container service(NodeTuple t) {
        if (!(t.getKeyNode() instanceof ScalarNode key)) {
            scalars.problem(locations.of(t.getKeyNode()), "a service name must be a string");
            return null;
        }
        String service = key.getValue();
        Node v = t.getValueNode();
        if (!(v instanceof MappingNode m)) {
            scalars.problem(locations.of(v), "service \"" + service + "\" must be a mapping of settings, not " + describe(v));
            return null;
        }
        Map<String, NodeTuple> fields = fields(m);
        String name = service;
        NodeTuple cn = fields.get("container_name");
        Text containerName = null;
        if (cn != null) {
            Text n = scalars.text(cn.getValueNode(), "container_name");
            if (n != null && n.known() && !n.value().isBlank()) {
                name = n.value();
            }
            containerName = n;
        }
        Container c = new Container(name, locations.of(key)).serviceName(service).fixedName(containerName);

        NodeTuple mode = fields.containsKey("network_mode") ? fields.get("network_mode") : fields.get("net");
        if (mode != null) {
            Text m2 = scalars.text(mode.getValueNode(), "network_mode");
            if (m2 != null) {
                c.networkMode(m2.unknown() ? NetworkMode.unknown(m2.value(), m2.location())
                        : NetworkMode.parse(m2.value(), m2.location()));
            }
        }
        NodeTuple networks = fields.get("networks");
        if (networks != null) {
            c.networksKeyLocation(locations.of(networks.getKeyNode()));
            attachments(networks.getValueNode(), c);
        }
        NodeTuple ports = fields.get("ports");
        if (ports != null) {
            c.portsKeyLocation(locations.of(ports.getKeyNode()));
            for (Node item : scalars.list(ports.getValueNode(), "ports", false)) {
                PortMapping p = portParser.parse(item);
                if (p != null) {
                    c.port(p);
                }
            }
        }
        // A profile that stays unknown (a variable) still makes the service optional: keep its raw text.
        ifPresent(fields, "profiles", node -> scalars.list(node, "profiles", false)
                .forEach(i -> scalars.addText(i, "profiles", p -> c.profile(p.value()))));
        ifPresent(fields, "expose", node -> scalars.list(node, "expose", true).forEach(i -> scalars.addText(i, "expose", c::expose)));
        ifPresent(fields, "hostname", node -> c.hostname(scalars.text(node, "hostname")));
        ifPresent(fields, "mac_address", node -> c.macAddress(scalars.text(node, "mac_address")));
        ifPresent(fields, "dns", node -> scalars.list(node, "dns", true).forEach(i -> scalars.addText(i, "dns", c::dns)));
        ifPresent(fields, "links", node -> scalars.list(node, "links", true).forEach(i -> scalars.addText(i, "links", c::link)));
        ifPresent(fields, "extra_hosts", node -> {
            if (node instanceof MappingNode hosts) {
                for (NodeTuple h : hosts.getValue()) {
                    Text ip = scalars.text(h.getValueNode(), "extra_hosts");
                    if (ip != null && h.getKeyNode() instanceof ScalarNode hk) {
                        c.extraHost(new Text(hk.getValue() + ":" + ip.value(), ip.location(), ip.unknown()));
                    }
                }
            } else {
                scalars.list(node, "extra_hosts", true).forEach(i -> scalars.addText(i, "extra_hosts", c::extraHost));
            }
        });
        return c;
    }

    private void attachments(Node node, Container c) {
        if (Overrides.isNull(node)) {
            return;
        }
        if (node instanceof SequenceNode seq) {
            for (Node item : seq.getValue()) {
                Text net = scalars.text(item, "networks");
                if (net != null) {
                    c.attach(new Attachment(net, net.location()));
                }
            }
            return;
        }
        if (!(node instanceof MappingNode map)) {
            scalars.problem(locations.of(node), "service networks must be a list of names or a mapping, not " + describe(node));
            return;
        }
        for (NodeTuple t : map.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                scalars.problem(locations.of(t.getKeyNode()), "a network name must be a string");
                continue;
            }
            Text net = Text.of(k.getValue(), locations.of(k));
            Attachment a = new Attachment(net, locations.of(k));
            Node v = t.getValueNode();
            if (v instanceof MappingNode settings) {
                Map<String, NodeTuple> f = fields(settings);
                ifPresent(f, "ipv4_address", x -> a.ipv4(scalars.address(x, "ipv4_address")));
                ifPresent(f, "ipv6_address", x -> a.ipv6(scalars.address(x, "ipv6_address")));
                ifPresent(f, "aliases", x -> scalars.list(x, "aliases", true).forEach(i -> scalars.addText(i, "aliases", a::alias)));
            } else if (!Overrides.isNull(v)) {
                scalars.problem(locations.of(v), "the settings of network \"" + k.getValue() + "\" must be a mapping "
                        + "(aliases, ipv4_address, ipv6_address), not " + describe(v));
                continue;
            }
            c.attach(a);
        }
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
