package dev.netlint.ingest.compose;

import dev.netlint.ingest.IngestContext;
import dev.netlint.model.AddressValue;
import dev.netlint.model.Network;
import dev.netlint.model.SourceLocation;
import dev.netlint.model.Text;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The value readers the parts of a compose file share, and the file's problem count: one instance
 * per file, so the cap on listed problems holds across networks, services and ports together.
 */
final class Scalars {
    private static final int MAX_PROBLEMS = 100;

    final Interpolator interpolator;
    final Locations locations;
    private final IngestContext context;
    private int problems;
    private SourceLocation firstSuppressed;

    Scalars(IngestContext context, Interpolator interpolator, Locations locations) {
        this.context = context;
        this.interpolator = interpolator;
        this.locations = locations;
    }

    /** The interpolated text of a scalar; null (and a problem) for a mapping or sequence. */
    Text text(Node node, String what) {
        if (!(node instanceof ScalarNode s)) {
            problem(locations.of(node), what + " must be a single value, not " + describe(node));
            return null;
        }
        SourceLocation where = locations.of(s);
        Interpolator.Result r = locations.interpolatorOf(s, interpolator).apply(s.getValue());
        if (r.error() != null) {
            problem(where, r.error() + " in " + what + "; Compose refuses the file");
            return Text.unknown(s.getValue(), where);
        }
        return r.unknown() ? Text.unknown(s.getValue(), where) : Text.of(r.value(), where);
    }

    AddressValue cidr(Node node, String what) {
        Text t = text(node, what);
        return t == null ? null : AddressValue.cidr(t);
    }

    AddressValue address(Node node, String what) {
        Text t = text(node, what);
        return t == null ? null : AddressValue.address(t);
    }

    /** Compose's boolean cast: true/false, and the YAML 1.1 spellings it still accepts with a warning. */
    Boolean bool(Node node, String key, Network n) {
        Text t = text(node, key);
        if (t == null) {
            return null;
        }
        if (t.unknown()) {
            n.unknownKey(key);
            return null;
        }
        switch (t.value().strip().toLowerCase(Locale.ROOT)) {
            case "true", "y", "yes", "on":
                return true;
            case "false", "n", "no", "off":
                return false;
            default:
                problem(t.location(), "invalid boolean \"" + t.value() + "\" for " + key + " (use true or false)");
                n.unknownKey(key);
                return null;
        }
    }

    void options(Node node, String what, java.util.function.BiConsumer<String, Text> sink) {
        if (Overrides.isNull(node)) {
            return;
        }
        if (!(node instanceof MappingNode m)) {
            problem(locations.of(node), what + " must be a mapping of option names to values, not " + describe(node));
            return;
        }
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k) {
                Text v = text(t.getValueNode(), what + "." + k.getValue());
                if (v != null) {
                    sink.accept(k.getValue(), v);
                }
            }
        }
    }

    /** A list's items; a single scalar counts as a one-item list where Compose allows it. */
    List<Node> list(Node node, String what, boolean scalarAllowed) {
        if (node instanceof SequenceNode seq) {
            return seq.getValue();
        }
        if (Overrides.isNull(node)) {
            return List.of();
        }
        if (scalarAllowed && node instanceof ScalarNode) {
            return List.of(node);
        }
        problem(locations.of(node), what + " must be a list, not " + describe(node));
        return List.of();
    }

    void addText(Node item, String what, java.util.function.Consumer<Text> sink) {
        Text t = text(item, what);
        if (t != null) {
            sink.accept(t);
        }
    }

    interface NodeConsumer {
        void accept(Node node);
    }

    static void ifPresent(Map<String, NodeTuple> fields, String key, NodeConsumer action) {
        NodeTuple t = fields.get(key);
        if (t != null) {
            action.accept(t.getValueNode());
        }
    }

    /** A mapping's entries by key (string keys only; duplicates were rejected while loading). */
    static Map<String, NodeTuple> fields(MappingNode m) {
        Map<String, NodeTuple> out = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k) {
                out.putIfAbsent(k.getValue(), t);
            }
        }
        return out;
    }

    static String describe(Node n) {
        if (n instanceof MappingNode) {
            return "a mapping";
        }
        if (n instanceof SequenceNode) {
            return "a list";
        }
        if (Overrides.isNull(n)) {
            return "an empty value";
        }
        String v = ((ScalarNode) n).getValue();
        return "the value \"" + (v.length() > 40 ? v.substring(0, 40) + "..." : v) + "\"";
    }

    /** Messages are one line: control characters from the input are shown escaped. */
    static String oneLine(String message) {
        StringBuilder sb = new StringBuilder(message.length());
        message.codePoints().forEach(c -> {
            if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029 || c == 0x85) {
                sb.append(String.format("\\u%04x", c));
            } else {
                sb.appendCodePoint(c);
            }
        });
        return sb.toString();
    }

    void problem(SourceLocation where, String message) {
        problems++;
        if (problems <= MAX_PROBLEMS) {
            context.problem(where, oneLine(message));
        } else if (firstSuppressed == null) {
            firstSuppressed = where;
        }
    }

    /** Once the file is read: how many problems went unlisted, at the first of them. */
    void reportSuppressed() {
        if (problems > MAX_PROBLEMS) {
            context.problem(firstSuppressed, (problems - MAX_PROBLEMS) + " more problems in this file were not "
                    + "listed (the first is here)");
        }
    }
}
