package dev.netlint.ingest.compose;

import dev.netlint.ingest.IngestContext;
import dev.netlint.ingest.InputException;
import dev.netlint.ingest.SourceFile;
import dev.netlint.model.InputProblem;
import dev.netlint.model.SourceLocation;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Loads a compose project the way compose-go's loader does: the files in order, each with its
 * {@code include:} applied (included projects loaded with their own directory and variables, their
 * resources imported, the including file winning on a clash) and then its {@code extends:} (a
 * service merged onto its base, from the same file or another, by the same per-key rules as several
 * files), and then merged onto the files before it ({@link Overrides}, with {@code !reset} and
 * {@code !override}).
 *
 * <p>Every node keeps the marks of the file it was written in; a value pulled in through
 * {@code include:} or {@code extends:} also names that place ({@link SourceLocation#via()}). Files
 * are opened only inside the scan root ({@link #open}).
 */
final class ProjectLoader {
    /** Files loaded for one project, counting repeats: stops include/extends fan-out bombs. */
    static final int MAX_FILE_LOADS = 200;

    /** A problem that stops the project from loading, as compose would refuse it. */
    static final class Failure extends Exception {
        final transient SourceLocation location;

        Failure(SourceLocation location, String message) {
            super(Scalars.oneLine(message));
            this.location = location;
        }
    }

    /** The variables of a (sub-)project: what interpolation and COMPOSE_* lookups see. */
    record Environment(Map<String, String> values, dev.netlint.ingest.Environment given) {
        /** The run's variables win over env files, as compose lets the shell override .env. */
        String get(String name) {
            return given.contains(name) ? given.get(name) : values.get(name);
        }

        Interpolator interpolator() {
            return new Interpolator(this::get);
        }
    }

    /** A loaded project: the merged document, its locations, every file read, and the problems met. */
    record Loaded(Node root, Locations locations, Set<Path> files, List<InputProblem> problems,
                  Interpolator interpolator, Environment environment) {
    }

    private final IngestContext context;
    private final Path scanRoot;
    private final Path displayBase;
    /** The run's record of linted texts (reports print source lines from it), when the anchor has one. */
    private final dev.netlint.ingest.ScanRoot texts;
    private final String displayPrefix;
    private final Locations locations;
    private final Set<Path> files = new LinkedHashSet<>();
    private final List<InputProblem> problems = new ArrayList<>();
    private int labels;
    private int loads;
    private final Set<Path> reportedMissing = new java.util.HashSet<>();
    /** Texts read, by display name, whose directives reach the run's record only through {@link #publishDirectives}. */
    private final List<Map.Entry<String, String>> scanned = new ArrayList<>();

    /**
     * @param scanRoot      files outside it are not read
     * @param displayAnchor a file of the project as the user named it: other files are shown relative to it
     */
    ProjectLoader(IngestContext context, Path scanRoot, SourceFile displayAnchor) {
        this.context = context;
        this.scanRoot = scanRoot.toAbsolutePath().normalize();
        this.texts = displayAnchor.root() == null ? null : displayAnchor.root().at(this.scanRoot);
        Path anchorDir = displayAnchor.path().toAbsolutePath().normalize().getParent();
        this.displayBase = anchorDir == null ? Path.of("/") : anchorDir;
        String d = displayAnchor.displayName();
        int slash = d.lastIndexOf('/');
        this.displayPrefix = slash < 0 ? "" : d.substring(0, slash + 1);
        this.locations = new Locations(d);
    }

    /**
     * Records the directives of every file this loader read so far. Loading itself leaves the run's
     * state alone, so that projects can be loaded on several threads and the ones that turn out to
     * belong to another project dropped; the reader publishes the rest in input order.
     */
    void publishDirectives() {
        for (Map.Entry<String, String> e : scanned) {
            context.directives().scanHashComments(e.getKey(), e.getValue());
        }
        scanned.clear();
    }

    /** The environment of a project in {@code workingDir}: the given variables, then its env files (or .env). */
    Environment environment(dev.netlint.ingest.Environment given, Path workingDir, List<Path> envFiles,
                            SourceLocation at) {
        return environment(new Environment(Map.of(), given), workingDir, envFiles, at);
    }

    /** The environment of an included project: the including project's variables, then its own env files. */
    Environment environment(Environment parent, Path workingDir, List<Path> envFiles, SourceLocation at) {
        Map<String, String> values = new HashMap<>(parent.values());
        dev.netlint.ingest.Environment given = parent.given();
        List<Path> sources = envFiles;
        if (sources.isEmpty()) {
            Path dotEnv = workingDir.resolve(".env");
            sources = Files.isRegularFile(dotEnv) ? List.of(dotEnv) : List.of();
        }
        for (Path p : sources) {
            SourceFile f;
            try {
                f = open(p, at);
            } catch (Failure e) {
                problems.add(new InputProblem(e.location, e.getMessage(), true));
                continue;
            }
            try {
                // Variables already set (the environment, an earlier file) win, as compose's Mapping.Merge.
                DotEnv.parse(f.text(), (String name) -> given.contains(name) ? given.get(name) : values.get(name))
                        .forEach(values::putIfAbsent);
            } catch (InputException e) {
                problems.add(new InputProblem(SourceLocation.of(f.displayName(), Math.max(1, e.line()),
                        Math.max(1, e.column())), e.getMessage(), true));
            } catch (DotEnv.SyntaxError e) {
                problems.add(new InputProblem(SourceLocation.of(f.displayName(), e.line, 1),
                        "cannot read " + p.getFileName() + ": " + e.getMessage() + "; Compose refuses it", true));
            }
        }
        return new Environment(values, given);
    }

    /** Loads the project made of {@code paths} (the first is the main file), merged in order. */
    Loaded load(List<Path> paths, Environment env, SourceLocation at) throws Failure {
        Node root = loadFiles(paths, env, null, List.of(), at);
        return new Loaded(root, locations, files, problems, env.interpolator(), env);
    }

    private Node loadFiles(List<Path> paths, Environment env, SourceLocation via, List<Path> includeChain,
                           SourceLocation at) throws Failure {
        Node root = null;
        for (Path p : paths) {
            Node doc;
            try {
                doc = loadFile(p, env, via, includeChain, at, true);
            } catch (Failure e) {
                if (root == null) {
                    throw e;
                }
                // A broken later file (an override) is reported in it; the files before it are still read.
                problems.add(new InputProblem(e.location, e.getMessage(), true));
                continue;
            }
            if (doc == null) {
                continue;
            }
            root = root == null ? Overrides.dropResets(doc) : merge(root, doc, "");
        }
        return root;
    }

    /** One file: parsed, its include: and extends: applied. */
    private Node loadFile(Path path, Environment env, SourceLocation via, List<Path> includeChain,
                          SourceLocation at, boolean applyIncludesAndExtends) throws Failure {
        SourceFile f = open(path, at);
        String text;
        try {
            text = f.text();
        } catch (InputException e) {
            throw new Failure(SourceLocation.of(f.displayName(), Math.max(1, e.line()), Math.max(1, e.column())),
                    e.getMessage());
        }
        scanned.add(Map.entry(f.displayName(), text));
        String label = "f" + labels++;
        Interpolator interpolator = env.interpolator();
        locations.addFile(label, f.displayName(), text, via, interpolator);
        Node root;
        try {
            root = mergeDocuments(YamlLoader.load(label, text));
        } catch (InputException e) {
            throw new Failure(SourceLocation.of(f.displayName(), Math.max(1, e.line()), Math.max(1, e.column())),
                    e.getMessage());
        }
        if (!(root instanceof MappingNode top) || !applyIncludesAndExtends) {
            return root;
        }
        Path abs = path.toAbsolutePath().normalize();
        List<Path> chain = new ArrayList<>(includeChain);
        chain.add(abs);
        Node withIncludes = applyIncludes(top, abs.getParent(), env, chain);
        return applyExtends(withIncludes, abs, env);
    }

    // ---- include -------------------------------------------------------------------------------

    private Node applyIncludes(MappingNode top, Path workingDir, Environment env, List<Path> chain) throws Failure {
        NodeTuple include = field(top, "include");
        if (include == null) {
            return top;
        }
        MappingNode result = without(top, "include");
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
                NodeTuple p = field(m, "path");
                if (p == null) {
                    throw new Failure(locations.of(entry), "an include entry needs \"path\"");
                }
                pathNodes.addAll(scalars(p.getValueNode(), "include path"));
                NodeTuple pd = field(m, "project_directory");
                projectDirectory = pd == null ? null : pd.getValueNode();
                NodeTuple ef = field(m, "env_file");
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
                paths.add(workingDir.resolve(value(n, env)).normalize());
            }
            Path first = paths.get(0);
            if (chain.contains(first)) {
                StringBuilder msg = new StringBuilder("include cycle detected: ");
                for (Path c : chain) {
                    msg.append(display(c)).append(" includes ");
                }
                msg.append(display(first));
                throw new Failure(where, msg.toString());
            }
            Path projectDir = projectDirectory == null ? first.getParent()
                    : workingDir.resolve(value(projectDirectory, env)).normalize();
            List<Path> envFiles = new ArrayList<>();
            for (Node n : envFileNodes) {
                String v = value(n, env);
                if (!v.equals("/dev/null")) {
                    envFiles.add(workingDir.resolve(v).normalize());
                }
            }
            if (!Files.exists(first)) {
                missing(where, first, "its services and networks are left out");
                continue;
            }
            Environment included = environment(env, projectDir, envFiles, where);
            Node imported = loadIncludedProject(paths, included, where, chain, projectDir);
            if (imported instanceof MappingNode im) {
                result = importResources(im, result);
            }
        }
        return result;
    }

    /** An included project: its files relative to its own project directory, each with include/extends. */
    private Node loadIncludedProject(List<Path> paths, Environment env, SourceLocation via, List<Path> chain,
                                     Path projectDir) throws Failure {
        Node root = null;
        for (Path p : paths) {
            Node doc = loadFile(p, env, via, chain, via, true);
            if (doc != null) {
                root = root == null ? Overrides.dropResets(doc) : merge(root, doc, "");
            }
        }
        return root;
    }

    /** compose-go importResources: new names are added; on a clash the including file's value wins. */
    private MappingNode importResources(MappingNode imported, MappingNode target) throws Failure {
        MappingNode result = target;
        for (String key : List.of("services", "volumes", "networks", "secrets", "configs", "models")) {
            NodeTuple src = field(imported, key);
            if (src == null || !(src.getValueNode() instanceof MappingNode from)) {
                continue;
            }
            NodeTuple dst = field(result, key);
            Map<String, NodeTuple> merged = new LinkedHashMap<>();
            if (dst != null && dst.getValueNode() instanceof MappingNode to) {
                for (NodeTuple t : to.getValue()) {
                    merged.put(keyOf(t), t);
                }
            }
            for (NodeTuple t : from.getValue()) {
                NodeTuple existing = merged.get(keyOf(t));
                if (existing == null) {
                    merged.put(keyOf(t), t);
                } else {
                    merged.put(keyOf(t), new NodeTuple(existing.getKeyNode(),
                            merge(t.getValueNode(), existing.getValueNode(), key + ".*")));
                }
            }
            Node anchor = dst == null ? src.getValueNode() : dst.getValueNode();
            MappingNode value = new MappingNode(Tag.MAP, false, new ArrayList<>(merged.values()), FlowStyle.BLOCK,
                    anchor.getStartMark(), anchor.getEndMark());
            result = with(result, dst == null ? src.getKeyNode() : dst.getKeyNode(), value);
        }
        return result;
    }

    // ---- extends -------------------------------------------------------------------------------

    private Node applyExtends(Node root, Path file, Environment env) throws Failure {
        if (!(root instanceof MappingNode top)) {
            return root;
        }
        NodeTuple services = field(top, "services");
        if (services == null || !(services.getValueNode() instanceof MappingNode svcs)) {
            return root;
        }
        Map<String, Node> resolved = new LinkedHashMap<>();
        for (NodeTuple t : svcs.getValue()) {
            resolved.put(keyOf(t), t.getValueNode());
        }
        Map<String, Node> done = new HashMap<>();
        for (String name : new ArrayList<>(resolved.keySet())) {
            extendService(name, resolved, file, env, done, new ArrayList<>());
        }
        List<NodeTuple> tuples = new ArrayList<>();
        for (NodeTuple t : svcs.getValue()) {
            tuples.add(new NodeTuple(t.getKeyNode(), done.getOrDefault(keyOf(t), t.getValueNode())));
        }
        MappingNode newServices = new MappingNode(svcs.getTag(), false, tuples, svcs.getFlowStyle(),
                svcs.getStartMark(), svcs.getEndMark());
        return with(top, services.getKeyNode(), newServices);
    }

    /** The service with its extends: applied (memoised in {@code done}); cycles are refused. */
    private Node extendService(String name, Map<String, Node> services, Path file, Environment env,
                               Map<String, Node> done, List<String> chain) throws Failure {
        Node cached = done.get(name);
        if (cached != null) {
            return cached;
        }
        Node service = services.get(name);
        if (!(service instanceof MappingNode sm)) {
            return service;
        }
        NodeTuple ext = field(sm, "extends");
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
            ref = value(spec, env);
        } else if (spec instanceof MappingNode m) {
            NodeTuple s = field(m, "service");
            if (s == null) {
                throw new Failure(locations.of(spec), "extends." + name + ".service is required");
            }
            ref = value(s.getValueNode(), env);
            NodeTuple fn = field(m, "file");
            fileNode = fn == null ? null : fn.getValueNode();
        } else {
            throw new Failure(locations.of(spec), "extends must be a service name or a mapping with service: and "
                    + "file:, not " + Scalars.describe(spec));
        }
        SourceLocation via = locations.of(ext.getKeyNode());
        Node base;
        if (fileNode != null) {
            Path other = file.getParent().resolve(value(fileNode, env)).normalize();
            if (!Files.exists(other)) {
                missing(locations.of(fileNode), other, "services that extend it are read without it");
                Node alone = without(sm, "extends");
                done.put(name, alone);
                return alone;
            }
            Node otherRoot = loadFile(other, env, null, List.of(), locations.of(fileNode), false);
            Map<String, Node> otherServices = new LinkedHashMap<>();
            if (otherRoot instanceof MappingNode om && field(om, "services") != null
                    && field(om, "services").getValueNode() instanceof MappingNode os) {
                for (NodeTuple t : os.getValue()) {
                    otherServices.put(keyOf(t), t.getValueNode());
                }
            }
            if (!otherServices.containsKey(ref)) {
                throw new Failure(locations.of(fileNode), "cannot extend service \"" + name + "\": service \"" + ref
                        + "\" not found in " + display(other));
            }
            base = extendService(ref, otherServices, other, env, new HashMap<>(), nextChain);
        } else {
            if (!services.containsKey(ref)) {
                throw new Failure(locations.of(spec), "cannot extend service \"" + name + "\": service \"" + ref
                        + "\" not found");
            }
            base = extendService(ref, services, file, env, done, nextChain);
        }
        Node merged = sm;
        if (base instanceof MappingNode) {
            merged = merge(relabel(base, via), without(sm, "extends"), "services.*");
        } else {
            merged = without(sm, "extends");
        }
        done.put(name, merged);
        return merged;
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
            String fresh = "f" + labels++;
            locations.alias(fresh, old, via);
            return fresh;
        });
        return new Mark(label, m.getIndex(), m.getLine(), m.getColumn(), new int[0], 0);
    }

    /** A referenced file that does not exist: compose refuses the project; the rest is still linted. */
    private void missing(SourceLocation at, Path file, String consequence) {
        if (!reportedMissing.add(file)) {
            return; // once per missing file, at its first reference
        }
        problems.add(new InputProblem(at, "cannot read " + display(file) + ": no such file (compose refuses the "
                + "project); " + consequence, false));
    }

    // ---- files -----------------------------------------------------------------------------------

    /**
     * The one place a project file is opened: only regular files inside the scan root (after
     * following symbolic links), and no more than {@link #MAX_FILE_LOADS} per project.
     */
    SourceFile open(Path path, SourceLocation requestedAt) throws Failure {
        Path abs = path.toAbsolutePath().normalize();
        if (++loads > MAX_FILE_LOADS) {
            throw new Failure(requestedAt, "more than " + MAX_FILE_LOADS + " files loaded for one project through "
                    + "include and extends; the rest was not read");
        }
        Path real;
        try {
            real = abs.toRealPath();
        } catch (IOException e) {
            throw new Failure(requestedAt, "cannot read " + display(abs) + ": no such file");
        }
        Path rootReal;
        try {
            rootReal = scanRoot.toRealPath();
        } catch (IOException e) {
            rootReal = scanRoot;
        }
        if (!real.startsWith(rootReal) || !Files.isRegularFile(real)) {
            String what = Files.isSymbolicLink(abs) ? "a symbolic link that leads out of the scanned directory or to"
                    + " something that is not a regular file; not followed" : "outside the scanned directory (or not a"
                    + " regular file)";
            throw new Failure(requestedAt, "not read: " + display(abs) + " is " + what + "; netlint reads only files"
                    + " inside what it was asked to lint");
        }
        files.add(abs);
        return texts == null ? new SourceFile(abs, display(abs)) : new SourceFile(abs, display(abs), texts);
    }

    /** A path as the user would see it: relative to the project's first file as they named it. */
    String display(Path abs) {
        Path rel = displayBase.relativize(abs.toAbsolutePath().normalize());
        String joined = displayPrefix + rel.toString().replace('\\', '/');
        return Path.of(joined).normalize().toString().replace('\\', '/');
    }

    // ---- nodes -----------------------------------------------------------------------------------

    private Node merge(Node base, Node over, String path) throws Failure {
        try {
            return Overrides.mergeAt(base, over, path);
        } catch (InputException e) {
            throw new Failure(locations.of(over), e.getMessage());
        }
    }

    private static Node mergeDocuments(List<Node> docs) throws InputException {
        Node root = null;
        for (Node d : docs) {
            if (Overrides.isNull(d)) {
                continue;
            }
            root = root == null ? d : Overrides.merge(root, d);
        }
        return root;
    }

    private String value(Node n, Environment env) throws Failure {
        if (!(n instanceof ScalarNode s)) {
            throw new Failure(locations.of(n), "expected a single value, not " + Scalars.describe(n));
        }
        Interpolator.Result r = locations.interpolatorOf(s, env.interpolator()).apply(s.getValue());
        if (r.unknown() || r.error() != null) {
            throw new Failure(locations.of(s), "cannot resolve \"" + s.getValue() + "\": a variable in it has no "
                    + "value here, so the file it names is not known");
        }
        return r.value();
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

    static NodeTuple field(MappingNode m, String key) {
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                return t;
            }
        }
        return null;
    }

    private static String keyOf(NodeTuple t) {
        return t.getKeyNode() instanceof ScalarNode k ? k.getValue() : "";
    }

    private static MappingNode without(MappingNode m, String key) {
        List<NodeTuple> tuples = new ArrayList<>();
        for (NodeTuple t : m.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key))) {
                tuples.add(t);
            }
        }
        return new MappingNode(m.getTag(), false, tuples, m.getFlowStyle(), m.getStartMark(), m.getEndMark());
    }

    private static MappingNode with(MappingNode m, Node keyNode, Node value) {
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
