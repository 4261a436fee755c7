package dev.netlint.ingest.compose;

import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

import java.util.ArrayList;
import java.util.List;

/** Looking up and replacing keys of a mapping node; nodes are copied, never modified in place. */
final class Nodes {
    private Nodes() {
    }

    static NodeTuple field(MappingNode m, String key) {
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                return t;
            }
        }
        return null;
    }

    static String keyOf(NodeTuple t) {
        return t.getKeyNode() instanceof ScalarNode k ? k.getValue() : "";
    }

    static MappingNode without(MappingNode m, String key) {
        List<NodeTuple> tuples = new ArrayList<>();
        for (NodeTuple t : m.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key))) {
                tuples.add(t);
            }
        }
        return new MappingNode(m.getTag(), false, tuples, m.getFlowStyle(), m.getStartMark(), m.getEndMark());
    }

    static MappingNode with(MappingNode m, Node keyNode, Node value) {
        String key = ((ScalarNode) keyNode).getValue();
        List<NodeTuple> tuples = new ArrayList<>();
        boolean replaced = false;
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                tuples.add(new NodeTuple(t.getKeyNode(), value));
                replaced = true;
            } else {
                tuples.add(t);
            }
        }
        if (!replaced) {
            tuples.add(new NodeTuple(keyNode, value));
        }
        return new MappingNode(m.getTag(), false, tuples, m.getFlowStyle(), m.getStartMark(), m.getEndMark());
    }
}
