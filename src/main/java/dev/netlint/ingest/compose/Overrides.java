package dev.netlint.ingest.compose;

import dev.netlint.ingest.InputException;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Merges an override document onto a base one as Compose does (compose-go {@code override.Merge}):
 * mappings merge key by key, sequences append (ports, expose, dns, links, extra_hosts, aliases
 * without repeating an entry), scalars such as {@code network_mode} are replaced, a service's
 * {@code networks} merge by network name whatever their form, and {@code ipam.config} entries merge
 * by subnet. {@code !reset} removes a value, {@code !override} replaces it whole. Nodes are never
 * modified in place; every value keeps the marks (and so the file) it came from.
 */
final class Overrides {
    private static final Set<String> UNIQUE_SEQUENCES = Set.of("services.*.ports", "services.*.expose",
            "services.*.dns", "services.*.dns_search", "services.*.links", "services.*.extra_hosts",
            "services.*.networks.*.aliases", "services.*.external_links");
    private static final Set<String> TO_SEQUENCE = Set.of("services.*.dns", "services.*.dns_search",
            "services.*.extra_hosts");
    private static final int MAX_DEPTH = YamlLoader.MAX_RESOLVED_DEPTH;

    private Overrides() {
    }

    static Node merge(Node base, Node over) throws InputException {
        return merge(base, over, "", 0);
    }

    /**
     * Merges below the top level: {@code path} is where the two nodes sit, e.g. {@code services.*}
     * for a service merged onto the one it extends (compose-go's ExtendService uses the same rules).
     */
    static Node mergeAt(Node base, Node over, String path) throws InputException {
        Node merged = merge(base, over, path, 0);
        return merged == null ? null : dropResets(merged);
    }

    /** A copy without {@code !reset} values (with nothing below them to reset, they just disappear). */
    static Node dropResets(Node node) {
        return dropResets(node, 0);
    }

    private static Node dropResets(Node node, int depth) {
        if (depth > MAX_DEPTH) {
            return node;
        }
        if (node instanceof MappingNode m) {
            List<NodeTuple> tuples = new ArrayList<>();
            boolean changed = false;
            for (NodeTuple t : m.getValue()) {
                Node v = t.getValueNode();
                if (v.getTag().getValue().equals("!reset")) {
                    changed = true;
                    continue;
                }
                Node nv = dropResets(v, depth + 1);
                changed |= nv != v;
                tuples.add(nv == v ? t : new NodeTuple(t.getKeyNode(), nv));
            }
            return changed ? new MappingNode(m.getTag(), false, tuples, m.getFlowStyle(), m.getStartMark(),
                    m.getEndMark()) : m;
        }
        if (node instanceof SequenceNode s) {
            List<Node> items = new ArrayList<>();
            boolean changed = false;
            for (Node v : s.getValue()) {
                if (v.getTag().getValue().equals("!reset")) {
                    changed = true;
                    continue;
                }
                Node nv = dropResets(v, depth + 1);
                changed |= nv != v;
                items.add(nv);
            }
            return changed ? new SequenceNode(s.getTag(), false, items, s.getFlowStyle(), s.getStartMark(),
                    s.getEndMark()) : s;
        }
        return node;
    }

    private static Node merge(Node base, Node over, String path, int depth) throws InputException {
        if (depth > MAX_DEPTH) {
            throw YamlLoader.located(over.getStartMark(), "override nested deeper than " + MAX_DEPTH + " levels");
        }
        String tag = over.getTag().getValue();
        if (tag.equals("!reset")) {
            return null;
        }
        if (tag.equals("!override") || base == null || isNull(base)) {
            return over;
        }
        if (isNull(over)) {
            // Compose keeps the base for a null override, except for a service's network entry.
            return path.matches("services\\.\\*\\.networks\\.\\*") ? over : base;
        }
        if (path.equals("services.*.networks")) {
            return mergeMappings(networksAsMapping(base), networksAsMapping(over), path, depth);
        }
        if (path.equals("networks.*.ipam.config") && base instanceof SequenceNode b && over instanceof SequenceNode o) {
            return mergeIpamConfig(b, o, path, depth);
        }
        if (UNIQUE_SEQUENCES.contains(path)) {
            if (base instanceof MappingNode bm && over instanceof MappingNode om) {
                return mergeMappings(bm, om, path, depth);
            }
            if (TO_SEQUENCE.contains(path) || (base instanceof SequenceNode && over instanceof SequenceNode)) {
                return appendUnique(asSequence(base), asSequence(over));
            }
            return over;
        }
        if (base instanceof MappingNode bm && over instanceof MappingNode om) {
            return mergeMappings(bm, om, path, depth);
        }
        if (base instanceof SequenceNode bs && over instanceof SequenceNode os) {
            List<Node> all = new ArrayList<>(bs.getValue());
            all.addAll(os.getValue());
            return new SequenceNode(bs.getTag(), false, all, FlowStyle.BLOCK, bs.getStartMark(), os.getEndMark());
        }
        return over;
    }

    private static MappingNode mergeMappings(MappingNode base, MappingNode over, String path, int depth)
            throws InputException {
        Map<String, NodeTuple> result = new LinkedHashMap<>();
        List<NodeTuple> unnamed = new ArrayList<>();
        for (NodeTuple t : base.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k) {
                result.put(k.getValue(), t);
            } else {
                unnamed.add(t);
            }
        }
        for (NodeTuple t : over.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                unnamed.add(t);
                continue;
            }
            NodeTuple existing = result.get(k.getValue());
            String child = path.isEmpty() ? k.getValue() : path + "." + wildcard(path, k.getValue());
            Node merged = merge(existing == null ? null : existing.getValueNode(), t.getValueNode(), child, depth + 1);
            if (merged == null) {
                result.remove(k.getValue());
            } else if (existing == null) {
                result.put(k.getValue(), new NodeTuple(t.getKeyNode(), merged));
            } else {
                // The key keeps its place and its first declaration; the value says where it came from.
                result.put(k.getValue(), new NodeTuple(existing.getKeyNode(), merged));
            }
        }
        List<NodeTuple> tuples = new ArrayList<>(result.values());
        tuples.addAll(unnamed);
        return new MappingNode(base.getTag(), false, tuples, base.getFlowStyle(), base.getStartMark(), base.getEndMark());
    }

    /** Path segments below services, networks etc. are names: "services.web" is "services.*". */
    private static String wildcard(String path, String key) {
        return switch (path) {
            case "services", "networks", "volumes", "configs", "secrets", "services.*.networks" -> "*";
            default -> key;
        };
    }

    private static MappingNode networksAsMapping(Node node) {
        if (node instanceof MappingNode m) {
            return m;
        }
        List<NodeTuple> tuples = new ArrayList<>();
        if (node instanceof SequenceNode s) {
            for (Node item : s.getValue()) {
                tuples.add(new NodeTuple(item, nullNode(item)));
            }
        }
        return new MappingNode(Tag.MAP, false, tuples, FlowStyle.BLOCK, node.getStartMark(), node.getEndMark());
    }

    private static SequenceNode asSequence(Node node) {
        if (node instanceof SequenceNode s) {
            return s;
        }
        List<Node> items = new ArrayList<>();
        if (node instanceof MappingNode m) {
            // extra_hosts as a map: host: ip becomes "host:ip", located at the value.
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && t.getValueNode() instanceof ScalarNode v) {
                    items.add(new ScalarNode(Tag.STR, true, k.getValue() + ":" + v.getValue(), ScalarStyle.DOUBLE_QUOTED,
                            v.getStartMark(), v.getEndMark()));
                }
            }
        } else {
            items.add(node);
        }
        return new SequenceNode(Tag.SEQ, false, items, FlowStyle.BLOCK, node.getStartMark(), node.getEndMark());
    }

    /** Appends, replacing an entry equal to an earlier one in place (Compose's unicity of these lists). */
    private static SequenceNode appendUnique(SequenceNode base, SequenceNode over) {
        List<Node> items = new ArrayList<>();
        Map<String, Integer> index = new LinkedHashMap<>();
        for (SequenceNode s : List.of(base, over)) {
            for (Node item : s.getValue()) {
                String key = identity(item);
                Integer at = key == null ? null : index.get(key);
                if (at != null) {
                    items.set(at, item);
                } else {
                    if (key != null) {
                        index.put(key, items.size());
                    }
                    items.add(item);
                }
            }
        }
        return new SequenceNode(base.getTag(), false, items, FlowStyle.BLOCK, base.getStartMark(), over.getEndMark());
    }

    /** Override entries merge with the base entry of the same subnet; other base entries give way. */
    private static SequenceNode mergeIpamConfig(SequenceNode base, SequenceNode over, String path, int depth)
            throws InputException {
        if (over.getValue().isEmpty()) {
            return base;
        }
        List<Node> items = new ArrayList<>();
        for (Node o : over.getValue()) {
            String subnet = scalarAt(o, "subnet");
            Node merged = o;
            for (Node b : base.getValue()) {
                if (subnet != null && subnet.equals(scalarAt(b, "subnet"))) {
                    merged = merge(b, o, path + ".*", depth + 1);
                    break;
                }
            }
            items.add(merged);
        }
        return new SequenceNode(base.getTag(), false, items, FlowStyle.BLOCK, over.getStartMark(), over.getEndMark());
    }

    private static String scalarAt(Node mapping, String key) {
        if (mapping instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)
                        && t.getValueNode() instanceof ScalarNode v) {
                    return v.getValue();
                }
            }
        }
        return null;
    }

    /** A key for unicity: the scalar's text, or a canonical form of a flat mapping (long port syntax). */
    private static String identity(Node item) {
        if (item instanceof ScalarNode s) {
            return "s:" + s.getValue();
        }
        if (item instanceof MappingNode m) {
            StringBuilder sb = new StringBuilder("m:");
            m.getValue().stream()
                    .filter(t -> t.getKeyNode() instanceof ScalarNode && t.getValueNode() instanceof ScalarNode)
                    .map(t -> ((ScalarNode) t.getKeyNode()).getValue() + "=" + ((ScalarNode) t.getValueNode()).getValue())
                    .sorted()
                    .forEach(e -> sb.append(e).append(';'));
            return sb.toString();
        }
        return null;
    }

    static boolean isNull(Node n) {
        return n instanceof ScalarNode s && (s.getTag().equals(Tag.NULL)
                || (s.isPlain() && (s.getValue().isEmpty() || s.getValue().equals("~")
                || s.getValue().equalsIgnoreCase("null"))));
    }

    private static Node nullNode(Node at) {
        Optional<org.snakeyaml.engine.v2.exceptions.Mark> end = at.getEndMark();
        return new ScalarNode(Tag.NULL, true, "", ScalarStyle.PLAIN, end, end);
    }
}
