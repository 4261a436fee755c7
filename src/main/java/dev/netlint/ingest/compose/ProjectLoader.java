package dev.netlint.ingest.compose;

import dev.netlint.ingest.IngestContext;
import dev.netlint.ingest.InputException;
import dev.netlint.ingest.SourceFile;
import dev.netlint.model.InputProblem;
import dev.netlint.model.SourceLocation;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads a compose project the way compose-go's loader does: the files in order, each with its
 * {@code include:} applied ({@link IncludeResolver}: included projects loaded with their own
 * directory and variables, their resources imported, the including file winning on a clash) and
 * then its {@code extends:} ({@link ExtendsResolver}: a service merged onto its base, from the same
 * file or another, by the same per-key rules as several files), and then merged onto the files
 * before it ({@link Overrides}, with {@code !reset} and {@code !override}). This class keeps the
 * order, the project's state (files, problems, labels, load count) and the one place files are opened.
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
    private final IncludeResolver includeResolver;
    private final ExtendsResolver extendsResolver;
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
        this.includeResolver = new IncludeResolver(this, locations);
        this.extendsResolver = new ExtendsResolver(this, locations);
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
    Node loadFile(Path path, Environment env, SourceLocation via, List<Path> includeChain,
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
        String label = newLabel();
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
        Node withIncludes = includeResolver.apply(top, abs.getParent(), env, chain);
        return extendsResolver.apply(withIncludes, abs, env);
    }

    /** A fresh label for the marks of a file, or of a base service pulled in by extends:. */
    String newLabel() {
        return "f" + labels++;
    }

    /** A referenced file that does not exist: compose refuses the project; the rest is still linted. */
    void missing(SourceLocation at, Path file, String consequence) {
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

    Node merge(Node base, Node over, String path) throws Failure {
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

    String value(Node n, Environment env) throws Failure {
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
}
