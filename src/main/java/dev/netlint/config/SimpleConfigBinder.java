package dev.netlint.config;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Binds a well-formed, simple {@code .netlint.yaml} with the YAML parser netlint already has on the
 * lint path (snakeyaml-engine's event parser), so that a lint run with a configuration file loads
 * neither Jackson databind nor a second YAML parser. "Simple" means: known keys with the expected
 * shapes, no anchors, aliases, tags or duplicate keys, and no scalar that YAML 1.1 might read as a
 * null, a float or an odd integer. Anything else, including every error, is left to the Jackson
 * binding in {@link ConfigLoader}, which gives the located messages; this binder never reports.
 * For every file it accepts it must bind exactly what Jackson binds (SimpleConfigBinderTest).
 */
final class SimpleConfigBinder {
    private static final Set<String> TOP_KEYS = Set.of("rules", "ignore", "hostNetworks", "bip",
            "defaultAddressPools", "failOn", "hosts", "segments", "reportUnusedDisables", "envFromProcess", "profiles",
            "ownedPublicBlocks", "documents", "freeSubnetCandidates");
    private static final Set<String> DOCUMENT_KEYS = Set.of("sequential", "independent");
    private static final Set<String> POOL_KEYS = Set.of("base", "size");
    private static final Set<String> SEGMENT_KEYS = Set.of("name", "hosts", "subnet", "gateway", "reserved");
    /** Words Jackson's YAML parser reads as booleans in a plain scalar (YAML 1.1), compared ignoring case. */
    private static final Set<String> TRUE_WORDS = Set.of("yes", "on", "true");
    private static final Set<String> FALSE_WORDS = Set.of("no", "off", "false");
    private static final Pattern DECIMAL = Pattern.compile("0|[1-9][0-9]{0,8}");

    /** Thrown inside the binder for anything it leaves to Jackson. */
    private static final class NotSimple extends Exception {
        NotSimple() {
            super(null, null, false, false);
        }
    }

    /** A parsed node: a scalar, a list or a mapping (key order kept), with where it starts. */
    private sealed interface Node permits Scalar, Seq, Mapping {
    }

    private record Scalar(String value, boolean plain, int line, int column) implements Node {
    }

    private record Seq(List<Node> items) implements Node {
    }

    private record Mapping(Map<String, Node> entries) implements Node {
    }

    private SimpleConfigBinder() {
    }

    /** The bound configuration, or empty when the file is not simple (Jackson then binds it). */
    static Optional<NetlintConfig> bind(String text) {
        try {
            Parser parser = new ParserImpl(LoadSettings.builder().build(),
                    new StreamReader(LoadSettings.builder().build(), text));
            expect(parser, Event.ID.StreamStart);
            if (parser.checkEvent(Event.ID.StreamEnd)) {
                return Optional.of(NetlintConfig.empty()); // comments only
            }
            expect(parser, Event.ID.DocumentStart);
            Node root = node(parser, 0);
            expect(parser, Event.ID.DocumentEnd);
            expect(parser, Event.ID.StreamEnd);
            return Optional.of(config(root));
        } catch (NotSimple | YamlEngineException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    // ---- the tree ----

    private static void expect(Parser parser, Event.ID id) throws NotSimple {
        if (!parser.hasNext() || !parser.checkEvent(id)) {
            throw new NotSimple();
        }
        parser.next();
    }

    private static Node node(Parser parser, int depth) throws NotSimple {
        if (depth > 8 || !parser.hasNext()) {
            throw new NotSimple();
        }
        Event e = parser.next();
        if (e instanceof NodeEvent ne && ne.getAnchor().isPresent()) {
            throw new NotSimple();
        }
        switch (e.getEventId()) {
            case Scalar -> {
                ScalarEvent s = (ScalarEvent) e;
                if (s.getTag().isPresent()) {
                    throw new NotSimple();
                }
                Mark m = s.getStartMark().orElseThrow(NotSimple::new);
                return new Scalar(s.getValue(), s.getScalarStyle() == ScalarStyle.PLAIN, m.getLine() + 1,
                        m.getColumn() + 1);
            }
            case SequenceStart -> {
                tagless((CollectionStartEvent) e);
                List<Node> items = new ArrayList<>();
                while (!parser.checkEvent(Event.ID.SequenceEnd)) {
                    items.add(node(parser, depth + 1));
                }
                parser.next();
                return new Seq(items);
            }
            case MappingStart -> {
                tagless((CollectionStartEvent) e);
                Map<String, Node> entries = new LinkedHashMap<>();
                while (!parser.checkEvent(Event.ID.MappingEnd)) {
                    String key = string(node(parser, depth + 1));
                    if (key.equals("<<") || entries.put(key, node(parser, depth + 1)) != null) {
                        throw new NotSimple(); // merge key or duplicate key
                    }
                }
                parser.next();
                return new Mapping(entries);
            }
            default -> throw new NotSimple(); // an alias, or a second document
        }
    }

    private static void tagless(CollectionStartEvent e) throws NotSimple {
        if (e.getTag().isPresent()) {
            throw new NotSimple();
        }
    }

    // ---- binding, mirroring NetlintConfig's Jackson binding ----

    private static NetlintConfig config(Node root) throws NotSimple {
        Map<String, Node> top = mapping(root, TOP_KEYS);
        Map<String, ConfigValue> rules = null;
        if (top.containsKey("rules")) {
            rules = new LinkedHashMap<>();
            for (Map.Entry<String, Node> r : mapping(top.get("rules"), null).entrySet()) {
                rules.put(r.getKey(), value(r.getValue()));
            }
        }
        List<String> ignore = top.containsKey("ignore") ? strings(top.get("ignore")) : null;
        List<ConfigValue> hostNetworks = top.containsKey("hostNetworks") ? values(top.get("hostNetworks")) : null;
        ConfigValue bip = top.containsKey("bip") ? value(top.get("bip")) : null;
        List<NetlintConfig.Pool> pools = null;
        if (top.containsKey("defaultAddressPools")) {
            pools = new ArrayList<>();
            for (Node n : seq(top.get("defaultAddressPools"))) {
                Map<String, Node> p = mapping(n, POOL_KEYS);
                if (!p.containsKey("base") || !p.containsKey("size")) {
                    throw new NotSimple();
                }
                pools.add(new NetlintConfig.Pool(value(p.get("base")), value(p.get("size"))));
            }
        }
        ConfigValue failOn = top.containsKey("failOn") ? value(top.get("failOn")) : null;
        Map<String, List<String>> hosts = null;
        if (top.containsKey("hosts")) {
            hosts = new LinkedHashMap<>();
            for (Map.Entry<String, Node> h : mapping(top.get("hosts"), null).entrySet()) {
                hosts.put(h.getKey(), strings(h.getValue()));
            }
        }
        List<NetlintConfig.SegmentConfig> segments = null;
        if (top.containsKey("segments")) {
            segments = new ArrayList<>();
            for (Node n : seq(top.get("segments"))) {
                Map<String, Node> s = mapping(n, SEGMENT_KEYS);
                if (!s.containsKey("name")) {
                    throw new NotSimple();
                }
                segments.add(new NetlintConfig.SegmentConfig(string(s.get("name")),
                        s.containsKey("hosts") ? strings(s.get("hosts")) : null,
                        s.containsKey("subnet") ? value(s.get("subnet")) : null,
                        s.containsKey("gateway") ? value(s.get("gateway")) : null,
                        s.containsKey("reserved") ? values(s.get("reserved")) : null));
            }
        }
        Boolean reportUnused = top.containsKey("reportUnusedDisables") ? bool(top.get("reportUnusedDisables")) : null;
        Boolean envFromProcess = top.containsKey("envFromProcess") ? bool(top.get("envFromProcess")) : null;
        List<String> profiles = top.containsKey("profiles") ? strings(top.get("profiles")) : null;
        List<ConfigValue> owned = top.containsKey("ownedPublicBlocks") ? values(top.get("ownedPublicBlocks")) : null;
        NetlintConfig.Documents documents = null;
        if (top.containsKey("documents")) {
            Map<String, Node> d = mapping(top.get("documents"), DOCUMENT_KEYS);
            documents = new NetlintConfig.Documents(d.containsKey("sequential") ? strings(d.get("sequential")) : null,
                    d.containsKey("independent") ? strings(d.get("independent")) : null);
        }
        List<ConfigValue> candidates = top.containsKey("freeSubnetCandidates")
                ? values(top.get("freeSubnetCandidates")) : null;
        // maxFindingsPerFile and projects are never simple: Jackson binds them (TOP_KEYS)
        return new NetlintConfig(rules, ignore, hostNetworks, bip, pools, failOn, hosts, segments, reportUnused,
                envFromProcess, null, profiles, null, owned, documents, candidates);
    }

    private static Map<String, Node> mapping(Node n, Set<String> allowed) throws NotSimple {
        if (!(n instanceof Mapping m) || (allowed != null && !allowed.containsAll(m.entries().keySet()))) {
            throw new NotSimple();
        }
        return m.entries();
    }

    private static List<Node> seq(Node n) throws NotSimple {
        if (!(n instanceof Seq s)) {
            throw new NotSimple();
        }
        return s.items();
    }

    private static List<String> strings(Node n) throws NotSimple {
        List<String> out = new ArrayList<>();
        for (Node item : seq(n)) {
            out.add(string(item));
        }
        return out;
    }

    private static List<ConfigValue> values(Node n) throws NotSimple {
        List<ConfigValue> out = new ArrayList<>();
        for (Node item : seq(n)) {
            out.add(value(item));
        }
        return out;
    }

    /** A scalar that YAML reads as a string in every schema. */
    private static String string(Node n) throws NotSimple {
        if (!(n instanceof Scalar s) || (s.plain() && !plainString(s.value()))) {
            throw new NotSimple();
        }
        return s.value();
    }

    /** As {@link ConfigValue.Reader}: strings and integers as written, booleans as "on"/"off". */
    private static ConfigValue value(Node n) throws NotSimple {
        if (!(n instanceof Scalar s)) {
            throw new NotSimple();
        }
        String v = s.value();
        if (s.plain() && !plainString(v)) {
            String lower = v.toLowerCase(java.util.Locale.ROOT);
            if (TRUE_WORDS.contains(lower)) {
                v = "on";
            } else if (FALSE_WORDS.contains(lower)) {
                v = "off";
            } else if (!DECIMAL.matcher(v).matches()) {
                throw new NotSimple();
            }
        }
        return new ConfigValue(v, s.line(), s.column());
    }

    private static Boolean bool(Node n) throws NotSimple {
        if (n instanceof Scalar s && s.plain()) {
            String lower = s.value().toLowerCase(java.util.Locale.ROOT);
            if (lower.equals("true")) {
                return Boolean.TRUE;
            }
            if (lower.equals("false")) {
                return Boolean.FALSE;
            }
        }
        throw new NotSimple();
    }

    /**
     * Whether a plain scalar is a string for YAML 1.1 and 1.2 alike: not empty, not a null, boolean
     * or number word, and not starting like a number unless it has a character no number has
     * (10.0.0.0/8 and 192.168.0.1 are strings; 1.5, 017, 0x1f, 1_000 and 1:20 are left to Jackson).
     */
    private static boolean plainString(String v) {
        if (v.isEmpty()) {
            return false;
        }
        String lower = v.toLowerCase(java.util.Locale.ROOT);
        if (TRUE_WORDS.contains(lower) || FALSE_WORDS.contains(lower) || lower.equals("null") || lower.equals("~")) {
            return false;
        }
        char c = v.charAt(0);
        if (c == '+' || c == '-' || c == '.') {
            return false;
        }
        if (c < '0' || c > '9') {
            return true;
        }
        int dots = 0;
        boolean numberChars = true;
        for (int i = 0; i < v.length(); i++) {
            char ch = v.charAt(i);
            if (ch == '.') {
                dots++;
            } else if (!(ch >= '0' && ch <= '9')) {
                numberChars &= "_:+-eExXoObBaAcCdDfF".indexOf(ch) >= 0;
            }
        }
        if (!numberChars) {
            return true; // e.g. 10.0.0.0/8: a '/' (or any such character) is in no number
        }
        if (v.chars().anyMatch(ch -> ch != '.' && (ch < '0' || ch > '9'))) {
            return false;
        }
        return dots >= 2; // a dotted quad is a string; one dot is a float
    }
}
