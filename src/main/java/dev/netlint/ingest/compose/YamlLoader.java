package dev.netlint.ingest.compose;

import dev.netlint.ingest.InputException;
import dev.netlint.ingest.SourceFile;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Parses YAML text into snakeyaml-engine node trees (with marks) under fixed limits, and does what
 * the Compose API leaves out: duplicate-key detection, YAML merge keys ({@code <<}), recursive
 * aliases and alias bombs. Every failure is an {@link InputException} located at the offending
 * mark, 1-based.
 */
final class YamlLoader {
    /** Aliases to mappings and sequences per document (snakeyaml-engine counts them while composing). */
    static final int MAX_ALIASES_FOR_COLLECTIONS = 1000;
    /** Nested mappings and sequences, as written. */
    static final int MAX_NESTING_DEPTH = 100;
    /** Nesting once aliases are followed. */
    static final int MAX_RESOLVED_DEPTH = 1000;
    /**
     * YAML nodes (scalars, mappings, sequences, aliases) in one file, counted while composing: a
     * 10 MB one-line flow list is millions of nodes and gigabytes of heap before any other check.
     */
    static final int MAX_NODES = 250_000;
    /** Nodes in one document once every alias is expanded: stops "billion laughs". */
    static final long MAX_EXPANDED_NODES = 5_000_000L;
    /** Characters in one file; the same as the byte cap of {@link SourceFile}. */
    static final int CODE_POINT_LIMIT = (int) SourceFile.MAX_BYTES;

    private YamlLoader() {
    }

    /** Settings per label; building them is costly (a new schema each time), so they are shared. */
    private static final Map<String, LoadSettings> SETTINGS = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * All documents of a stream, checked and with merge keys applied; empty when there is no
     * document. {@code label} names the stream in every mark ({@link Locations} maps it to a file):
     * use a small fixed set of labels, such as one per role of a file in a project.
     */
    static List<Node> load(String label, String text) throws InputException {
        LoadSettings settings = SETTINGS.computeIfAbsent(label, l -> LoadSettings.builder()
                .setLabel(l)
                .setAllowDuplicateKeys(false)
                .setAllowRecursiveKeys(false)
                // our parser wrapper counts first and says where; this is a backstop
                .setMaxAliasesForCollections(MAX_ALIASES_FOR_COLLECTIONS + 1)
                .setCodePointLimit(CODE_POINT_LIMIT)
                .setUseMarks(true)
                .build());
        List<Node> docs = new ArrayList<>();
        try {
            Parser parser = new LimitingParser(new ParserImpl(settings, new StreamReader(settings, text)));
            Composer composer = new Composer(settings, parser);
            while (composer.hasNext()) {
                docs.add(composer.next());
            }
        } catch (Refused e) {
            throw located(e.mark, e.reason);
        } catch (MarkedYamlEngineException e) {
            throw syntaxError(e, text);
        } catch (YamlEngineException e) {
            throw new InputException(1, 1, limitMessage(e.getMessage()));
        } catch (RuntimeException e) {
            // The YAML library failed in an unexpected way on this input: still a clear, located answer.
            throw new InputException(1, 1, "the YAML parser could not read this file (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + oneLine(e.getMessage())) + ")");
        }
        for (Node doc : docs) {
            check(doc);
            new MergeKeys().flatten(doc, 0);
        }
        return docs;
    }

    // ---- errors ------------------------------------------------------------------------------

    private static InputException syntaxError(MarkedYamlEngineException e, String text) {
        Optional<Mark> mark = e.getProblemMark().isPresent() ? e.getProblemMark() : e.getContextMark();
        String problem = e.getProblem() == null ? "" : e.getProblem();
        if (problem.contains("(TAB)") || atTab(mark, text)) {
            return located(mark, "a tab character is used for indentation; YAML allows only spaces there");
        }
        if (problem.startsWith("Number of aliases")) {
            return located(mark, limitMessage(problem));
        }
        String context = e.getContext() == null ? "" : e.getContext();
        StringBuilder msg = new StringBuilder("YAML syntax error: ").append(oneLine(problem));
        if (!context.isBlank()) {
            msg.append(" (").append(oneLine(context));
            e.getContextMark().filter(m -> mark.isPresent() && m.getLine() != mark.get().getLine())
                    .ifPresent(m -> msg.append(" started at line ").append(m.getLine() + 1));
            msg.append(')');
        }
        if (problem.startsWith("expected <block end>")) {
            msg.append("; check the indentation of this line");
        }
        if (problem.startsWith("mapping values are not allowed")) {
            msg.append("; quote a value that contains \": \"");
        }
        return located(mark, msg.toString());
    }

    private static boolean atTab(Optional<Mark> mark, String text) {
        // the mark's index counts code points; for text without astral characters it is the char index
        return mark.isPresent() && mark.get().getIndex() >= 0 && mark.get().getIndex() < text.length()
                && text.charAt(mark.get().getIndex()) == '\t';
    }

    private static String limitMessage(String message) {
        String m = message == null ? "" : oneLine(message);
        if (m.startsWith("Number of aliases")) {
            return "more than " + MAX_ALIASES_FOR_COLLECTIONS + " aliases to mappings or sequences in one "
                    + "document: this looks like an alias bomb (\"billion laughs\"); the file was not read";
        }
        if (m.contains("exceeds the limit")) {
            return "the file is longer than " + CODE_POINT_LIMIT + " characters, the limit for one input; "
                    + "it was not read";
        }
        return "YAML error: " + m;
    }

    static InputException located(Optional<Mark> mark, String text) {
        String message = Scalars.oneLine(text);
        return mark.map(m -> new InputException(m.getLine() + 1, m.getColumn() + 1, message))
                .orElseGet(() -> new InputException(1, 1, message));
    }

    private static String oneLine(String s) {
        return Scalars.oneLine(s.replace("\r", " ").replace("\n", " ").replaceAll("[ \\t]+", " ").trim());
    }

    // ---- checks the Compose API does not make -------------------------------------------------

    /** Duplicate keys, recursive aliases and alias bombs, in one pass over the node graph. */
    private static void check(Node root) throws InputException {
        Map<Node, Long> sizes = new IdentityHashMap<>();
        Set<Node> onPath = Collections.newSetFromMap(new IdentityHashMap<>());
        expandedSize(root, sizes, onPath, 0);
    }

    private static long expandedSize(Node node, Map<Node, Long> sizes, Set<Node> onPath, int depth)
            throws InputException {
        Long known = sizes.get(node);
        if (known != null) {
            return known;
        }
        if (depth > MAX_RESOLVED_DEPTH) {
            throw located(node.getStartMark(), "nesting deeper than " + MAX_RESOLVED_DEPTH
                    + " levels once aliases are followed; the file was not read");
        }
        if (!onPath.add(node)) {
            throw located(node.getStartMark(), "an alias refers to a node that contains it (a recursive "
                    + "structure); Compose cannot read this");
        }
        long size = 1;
        if (node instanceof MappingNode map) {
            Map<String, Node> seen = new HashMap<>();
            for (NodeTuple t : map.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode key && !isMergeKey(key)) {
                    Node first = seen.putIfAbsent(key.getValue(), key);
                    if (first != null) {
                        String where = first.getStartMark()
                                .map(m -> " (first at line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1) + ")")
                                .orElse("");
                        throw located(key.getStartMark(), "duplicate key \"" + key.getValue() + "\" in one mapping"
                                + where + "; YAML forbids it and Compose refuses the file");
                    }
                }
                size += expandedSize(t.getKeyNode(), sizes, onPath, depth + 1);
                size += expandedSize(t.getValueNode(), sizes, onPath, depth + 1);
                size = Math.min(size, MAX_EXPANDED_NODES + 1);
            }
        } else if (node instanceof SequenceNode seq) {
            for (Node child : seq.getValue()) {
                size += expandedSize(child, sizes, onPath, depth + 1);
                size = Math.min(size, MAX_EXPANDED_NODES + 1);
            }
        }
        if (size > MAX_EXPANDED_NODES) {
            throw located(node.getStartMark(), "this node expands to more than " + MAX_EXPANDED_NODES
                    + " values once its aliases are resolved: an alias bomb (\"billion laughs\"); the file was not read");
        }
        onPath.remove(node);
        sizes.put(node, size);
        return size;
    }

    static boolean isMergeKey(Node key) {
        return key instanceof ScalarNode s && s.isPlain() && "<<".equals(s.getValue());
    }

    /**
     * YAML merge keys as go-yaml (and so Compose) applies them: keys written in the mapping win over
     * merged ones; among several merged mappings the first wins. Each mapping is rewritten once.
     */
    private static final class MergeKeys {
        private final Set<Node> done = Collections.newSetFromMap(new IdentityHashMap<>());

        void flatten(Node node, int depth) throws InputException {
            if (depth > MAX_RESOLVED_DEPTH || !done.add(node)) {
                return;
            }
            if (node instanceof SequenceNode seq) {
                for (Node child : seq.getValue()) {
                    flatten(child, depth + 1);
                }
                return;
            }
            if (!(node instanceof MappingNode map)) {
                return;
            }
            boolean hasMerge = false;
            for (NodeTuple t : map.getValue()) {
                flatten(t.getValueNode(), depth + 1);
                hasMerge |= isMergeKey(t.getKeyNode());
            }
            if (!hasMerge) {
                return;
            }
            Set<String> explicit = new HashSet<>();
            for (NodeTuple t : map.getValue()) {
                if (!isMergeKey(t.getKeyNode()) && t.getKeyNode() instanceof ScalarNode k) {
                    explicit.add(k.getValue());
                }
            }
            Set<String> added = new HashSet<>(explicit);
            List<NodeTuple> out = new ArrayList<>();
            for (NodeTuple t : map.getValue()) {
                if (!isMergeKey(t.getKeyNode())) {
                    out.add(t);
                    continue;
                }
                Node v = t.getValueNode();
                List<Node> sources = new ArrayList<>();
                if (v instanceof MappingNode) {
                    sources.add(v);
                } else if (v instanceof SequenceNode s && s.getValue().stream().allMatch(n -> n instanceof MappingNode)) {
                    sources.addAll(s.getValue());
                } else {
                    throw located(v.getStartMark(), "the value of a merge key (<<) must be a mapping or a list "
                            + "of mappings");
                }
                for (Node src : sources) {
                    for (NodeTuple st : ((MappingNode) src).getValue()) {
                        if (st.getKeyNode() instanceof ScalarNode k) {
                            if (added.add(k.getValue())) {
                                out.add(st);
                            }
                        } else {
                            out.add(st);
                        }
                    }
                }
            }
            map.setValue(out);
        }
    }

    // ---- limits checked while composing ----------------------------------------------------

    private static final class Refused extends RuntimeException {
        final transient Optional<Mark> mark;
        final String reason;

        Refused(Optional<Mark> mark, String reason) {
            super(reason, null, false, false);
            this.mark = mark;
            this.reason = reason;
        }
    }

    /**
     * Watches the events the composer pulls: open mappings and sequences (so the recursive
     * composer cannot go too deep), aliases to collections (counted per document), and aliases to
     * a collection that is still open (a recursive structure), each refused at its own mark.
     */
    private static final class LimitingParser implements Parser {
        private final Parser delegate;
        private final java.util.Deque<Optional<Anchor>> open = new java.util.ArrayDeque<>();
        private final Map<Anchor, Boolean> collectionAnchors = new HashMap<>();
        private int collectionAliases;
        private int nodes;

        LimitingParser(Parser delegate) {
            this.delegate = delegate;
        }

        @Override
        public boolean checkEvent(Event.ID choice) {
            return delegate.checkEvent(choice);
        }

        @Override
        public Event peekEvent() {
            return delegate.peekEvent();
        }

        @Override
        public boolean hasNext() {
            return delegate.hasNext();
        }

        @Override
        public Event next() {
            Event e = delegate.next();
            switch (e.getEventId()) {
                case MappingStart, SequenceStart, Scalar, Alias -> {
                    if (++nodes > MAX_NODES) {
                        throw new Refused(e.getStartMark(), "more than " + MAX_NODES + " YAML values (scalars,"
                                + " mappings, sequences) in one file; a compose file never needs this many, so it"
                                + " was not read");
                    }
                }
                default -> { }
            }
            switch (e.getEventId()) {
                case MappingStart, SequenceStart -> {
                    Optional<Anchor> anchor = ((NodeEvent) e).getAnchor();
                    anchor.ifPresent(a -> collectionAnchors.put(a, true));
                    open.push(anchor);
                    if (open.size() > MAX_NESTING_DEPTH) {
                        throw new Refused(e.getStartMark(), "nesting deeper than " + MAX_NESTING_DEPTH
                                + " levels of mappings and sequences; a compose file never needs this many");
                    }
                }
                case MappingEnd, SequenceEnd -> open.poll();
                case Scalar -> ((NodeEvent) e).getAnchor().ifPresent(a -> collectionAnchors.put(a, false));
                case Alias -> {
                    Anchor a = ((AliasEvent) e).getAlias();
                    if (open.contains(Optional.of(a))) {
                        throw new Refused(e.getStartMark(), "the alias *" + a.getValue() + " refers to a node that "
                                + "contains it (a recursive structure); Compose cannot read this");
                    }
                    if (Boolean.TRUE.equals(collectionAnchors.get(a)) && ++collectionAliases > MAX_ALIASES_FOR_COLLECTIONS) {
                        throw new Refused(e.getStartMark(), "more than " + MAX_ALIASES_FOR_COLLECTIONS + " aliases to "
                                + "mappings or sequences in one document: this looks like an alias bomb (\"billion "
                                + "laughs\"); the file was not read");
                    }
                }
                case DocumentStart -> {
                    collectionAnchors.clear();
                    collectionAliases = 0;
                }
                default -> { }
            }
            return e;
        }
    }
}
