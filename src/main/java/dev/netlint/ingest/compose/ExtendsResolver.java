package dev.netlint.ingest.compose;

import dev.netlint.ingest.compose.ProjectLoader.Environment;
import dev.netlint.ingest.compose.ProjectLoader.Failure;
import dev.netlint.model.SourceLocation;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies {@code extends:} in one file of a project, as compose-go does: a service merged onto its
 * base, from the same file or another, by the same per-key rules as several files; cycles are
 * refused. Values taken from a base also name the {@code extends:} that pulled them in.
 */
final class ExtendsResolver {
    private final ProjectLoader loader;
    private final Locations locations;

    ExtendsResolver(ProjectLoader loader, Locations locations) {
        this.loader = loader;
        this.locations = locations;
    }

    Node apply(Node root, Path file, Environment env) throws Failure {
        if (!(root instanceof MappingNode top)) {
            return root;
        }
        NodeTuple services = Nodes.field(top, "services");
        if (services == null || !(services.getValueNode() instanceof MappingNode svcs)) {
            return root;
        }
        Map<String, Node> resolved = new LinkedHashMap<>();
        for (NodeTuple t : svcs.getValue()) {
            resolved.put(Nodes.keyOf(t), t.getValueNode());
        }
        Map<String, Node> done = new HashMap<>();
        Map<Path, Map<String, Node>> otherFiles = new HashMap<>();
        for (String name : new ArrayList<>(resolved.keySet())) {
            extendService(name, resolved, file, env, done, new ArrayList<>(), otherFiles);
        }
        List<NodeTuple> tuples = new ArrayList<>();
        for (NodeTuple t : svcs.getValue()) {
            tuples.add(new NodeTuple(t.getKeyNode(), done.getOrDefault(Nodes.keyOf(t), t.getValueNode())));
        }
        MappingNode newServices = new MappingNode(svcs.getTag(), false, tuples, svcs.getFlowStyle(),
                svcs.getStartMark(), svcs.getEndMark());
        return Nodes.with(top, services.getKeyNode(), newServices);
    }

    /**
     * The service with its extends: applied (memoised in {@code done}); cycles are refused. Other
     * files' services are read once per apply ({@code otherFiles}), however many services extend them.
     */
    private Node extendService(String name, Map<String, Node> services, Path file, Environment env,
                               Map<String, Node> done, List<String> chain, Map<Path, Map<String, Node>> otherFiles)
            throws Failure {
        Node cached = done.get(name);
        if (cached != null) {
            return cached;
        }
        Node service = services.get(name);
        if (!(service instanceof MappingNode sm)) {
            return service;
        }
        NodeTuple ext = Nodes.field(sm, "extends");
        if (ext == null) {
            return service;
        }
        String tracked = file + "#" + name;
        if (chain.contains(tracked)) {
            throw new Failure(locations.of(ext.getKeyNode()), "circular reference with extends: service \"" + name
                    + "\" extends itself through " + String.join(", ", chain.stream()
                    .map(c -> c.substring(c.lastIndexOf('#') + 1)).toList()));
        }
        List<String> nextChain = new ArrayList<>(chain);
        nextChain.add(tracked);
        Node spec = ext.getValueNode();
        String ref;
        Node fileNode = null;
        if (spec instanceof ScalarNode) {
            ref = loader.value(spec, env);
        } else if (spec instanceof MappingNode m) {
            NodeTuple s = Nodes.field(m, "service");
            if (s == null) {
                throw new Failure(locations.of(spec), "extends." + name + ".service is required");
            }
            ref = loader.value(s.getValueNode(), env);
            NodeTuple fn = Nodes.field(m, "file");
            fileNode = fn == null ? null : fn.getValueNode();
        } else {
            throw new Failure(locations.of(spec), "extends must be a service name or a mapping with service: and "
                    + "file:, not " + Scalars.describe(spec));
        }
        SourceLocation via = locations.of(ext.getKeyNode());
        Node base;
        if (fileNode != null) {
            Path other = file.getParent().resolve(loader.value(fileNode, env)).normalize();
            if (!Files.exists(other)) {
                loader.missing(locations.of(fileNode), other, "services that extend it are read without it");
                Node alone = Nodes.without(sm, "extends");
                done.put(name, alone);
                return alone;
            }
            Map<String, Node> otherServices = otherFiles.get(other);
            if (otherServices == null) {
                otherServices = servicesOf(loader.loadFile(other, env, null, List.of(), locations.of(fileNode), false));
                otherFiles.put(other, otherServices);
            }
            if (!otherServices.containsKey(ref)) {
                throw new Failure(locations.of(fileNode), "cannot extend service \"" + name + "\": service \"" + ref
                        + "\" not found in " + loader.display(other));
            }
            base = extendService(ref, otherServices, other, env, new HashMap<>(), nextChain, otherFiles);
        } else {
            if (!services.containsKey(ref)) {
                throw new Failure(locations.of(spec), "cannot extend service \"" + name + "\": service \"" + ref
                        + "\" not found");
            }
            base = extendService(ref, services, file, env, done, nextChain, otherFiles);
        }
        Node merged = base instanceof MappingNode
                ? loader.merge(relabel(base, via), Nodes.without(sm, "extends"), "services.*")
                : Nodes.without(sm, "extends");
        done.put(name, merged);
        return merged;
    }

    private static Map<String, Node> servicesOf(Node root) {
        Map<String, Node> services = new LinkedHashMap<>();
        NodeTuple s = root instanceof MappingNode m ? Nodes.field(m, "services") : null;
        if (s != null && s.getValueNode() instanceof MappingNode os) {
            for (NodeTuple t : os.getValue()) {
                services.put(Nodes.keyOf(t), t.getValueNode());
            }
        }
        return services;
    }

    /** A copy of a base service whose marks say they came through {@code via}: a new label per use. */
    private Node relabel(Node node, SourceLocation via) {
        Map<String, String> newLabels = new HashMap<>();
        return copy(node, via, newLabels, 0);
    }

    private Node copy(Node node, SourceLocation via, Map<String, String> newLabels, int depth) {
        Optional<Mark> start = node.getStartMark().map(m -> remark(m, via, newLabels));
        Optional<Mark> end = node.getEndMark().map(m -> remark(m, via, newLabels));
        if (depth > YamlLoader.MAX_RESOLVED_DEPTH) {
            return node;
        }
        if (node instanceof ScalarNode s) {
            return new ScalarNode(s.getTag(), s.isResolved(), s.getValue(), s.getScalarStyle(), start, end);
        }
        if (node instanceof SequenceNode s) {
            List<Node> items = new ArrayList<>();
            for (Node n : s.getValue()) {
                items.add(copy(n, via, newLabels, depth + 1));
            }
            return new SequenceNode(s.getTag(), s.isResolved(), items, s.getFlowStyle(), start, end);
        }
        MappingNode m = (MappingNode) node;
        List<NodeTuple> tuples = new ArrayList<>();
        for (NodeTuple t : m.getValue()) {
            tuples.add(new NodeTuple(copy(t.getKeyNode(), via, newLabels, depth + 1),
                    copy(t.getValueNode(), via, newLabels, depth + 1)));
        }
        return new MappingNode(m.getTag(), m.isResolved(), tuples, m.getFlowStyle(), start, end);
    }

    private Mark remark(Mark m, SourceLocation via, Map<String, String> newLabels) {
        String label = newLabels.computeIfAbsent(m.getName(), old -> {
            String fresh = loader.newLabel();
            locations.alias(fresh, old, via);
            return fresh;
        });
        return new Mark(label, m.getIndex(), m.getLine(), m.getColumn(), new int[0], 0);
    }
}
