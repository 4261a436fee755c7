package dev.netlint.ingest.compose;

import dev.netlint.ingest.compose.ProjectLoader.Environment;
import dev.netlint.ingest.compose.ProjectLoader.Failure;
import dev.netlint.model.SourceLocation;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies {@code include:} in one file of a project, as compose-go does: each included project is
 * loaded with its own directory and variables, and its resources imported, the including file
 * winning on a clash. A file that includes itself, directly or not, is refused.
 */
final class IncludeResolver {
    private final ProjectLoader loader;
    private final Locations locations;

    IncludeResolver(ProjectLoader loader, Locations locations) {
        this.loader = loader;
        this.locations = locations;
    }

    Node apply(MappingNode top, Path workingDir, Environment env, List<Path> chain) throws Failure {
        NodeTuple include = Nodes.field(top, "include");
        if (include == null) {
            return top;
        }
        MappingNode result = Nodes.without(top, "include");
        Node list = include.getValueNode();
        if (Overrides.isNull(list)) {
            return result;
        }
        if (!(list instanceof SequenceNode entries)) {
            throw new Failure(locations.of(list), "`include` must be a list, not " + Scalars.describe(list));
        }
        for (Node entry : entries.getValue()) {
            List<Node> pathNodes = new ArrayList<>();
            Node projectDirectory = null;
            List<Node> envFileNodes = new ArrayList<>();
            if (entry instanceof ScalarNode) {
                pathNodes.add(entry);
            } else if (entry instanceof MappingNode m) {
                NodeTuple p = Nodes.field(m, "path");
                if (p == null) {
                    throw new Failure(locations.of(entry), "an include entry needs \"path\"");
                }
                pathNodes.addAll(scalars(p.getValueNode(), "include path"));
                NodeTuple pd = Nodes.field(m, "project_directory");
                projectDirectory = pd == null ? null : pd.getValueNode();
                NodeTuple ef = Nodes.field(m, "env_file");
                if (ef != null) {
                    envFileNodes.addAll(scalars(ef.getValueNode(), "include env_file"));
                }
            } else {
                throw new Failure(locations.of(entry), "an include entry must be a path or a mapping with path:, "
                        + "not " + Scalars.describe(entry));
            }
            if (pathNodes.isEmpty()) {
                throw new Failure(locations.of(entry), "an include entry needs at least one path");
            }
            SourceLocation where = locations.of(pathNodes.get(0));
            List<Path> paths = new ArrayList<>();
            for (Node n : pathNodes) {
                paths.add(workingDir.resolve(loader.value(n, env)).normalize());
            }
            Path first = paths.get(0);
            if (chain.contains(first)) {
                StringBuilder msg = new StringBuilder("include cycle detected: ");
                for (Path c : chain) {
                    msg.append(loader.display(c)).append(" includes ");
                }
                msg.append(loader.display(first));
                throw new Failure(where, msg.toString());
            }
            Path projectDir = projectDirectory == null ? first.getParent()
                    : workingDir.resolve(loader.value(projectDirectory, env)).normalize();
            List<Path> envFiles = new ArrayList<>();
            for (Node n : envFileNodes) {
                String v = loader.value(n, env);
                if (!v.equals("/dev/null")) {
                    envFiles.add(workingDir.resolve(v).normalize());
                }
            }
            if (!Files.exists(first)) {
                loader.missing(where, first, "its services and networks are left out");
                continue;
            }
            Environment included = loader.environment(env, projectDir, envFiles, where);
            Node imported = loadIncludedProject(paths, included, where, chain);
            if (imported instanceof MappingNode im) {
                result = importResources(im, result);
            }
        }
        return result;
    }

    /** An included project: its files relative to its own project directory, each with include/extends. */
    private Node loadIncludedProject(List<Path> paths, Environment env, SourceLocation via, List<Path> chain)
            throws Failure {
        Node root = null;
        for (Path p : paths) {
            Node doc = loader.loadFile(p, env, via, chain, via, true);
            if (doc != null) {
                root = root == null ? Overrides.dropResets(doc) : loader.merge(root, doc, "");
            }
        }
        return root;
    }

    /** compose-go importResources: new names are added; on a clash the including file's value wins. */
    private MappingNode importResources(MappingNode imported, MappingNode target) throws Failure {
        MappingNode result = target;
        for (String key : List.of("services", "volumes", "networks", "secrets", "configs", "models")) {
            NodeTuple src = Nodes.field(imported, key);
            if (src == null || !(src.getValueNode() instanceof MappingNode from)) {
                continue;
            }
            NodeTuple dst = Nodes.field(result, key);
            Map<String, NodeTuple> merged = new LinkedHashMap<>();
            if (dst != null && dst.getValueNode() instanceof MappingNode to) {
                for (NodeTuple t : to.getValue()) {
                    merged.put(Nodes.keyOf(t), t);
                }
            }
            for (NodeTuple t : from.getValue()) {
                NodeTuple existing = merged.get(Nodes.keyOf(t));
                if (existing == null) {
                    merged.put(Nodes.keyOf(t), t);
                } else {
                    merged.put(Nodes.keyOf(t), new NodeTuple(existing.getKeyNode(),
                            loader.merge(t.getValueNode(), existing.getValueNode(), key + ".*")));
                }
            }
            Node anchor = dst == null ? src.getValueNode() : dst.getValueNode();
            MappingNode value = new MappingNode(Tag.MAP, false, new ArrayList<>(merged.values()), FlowStyle.BLOCK,
                    anchor.getStartMark(), anchor.getEndMark());
            result = Nodes.with(result, dst == null ? src.getKeyNode() : dst.getKeyNode(), value);
        }
        return result;
    }

    private List<Node> scalars(Node n, String what) throws Failure {
        if (n instanceof ScalarNode) {
            return List.of(n);
        }
        if (n instanceof SequenceNode s) {
            return s.getValue();
        }
        throw new Failure(locations.of(n), what + " must be a string or a list of strings");
    }
}
