package dev.netlint.ingest.compose;

import dev.netlint.ingest.IngestContext;
import dev.netlint.ingest.InputException;
import dev.netlint.ingest.InputReader;
import dev.netlint.ingest.SourceFile;
import dev.netlint.model.InputProblem;
import dev.netlint.model.Model;
import dev.netlint.model.Project;
import dev.netlint.model.SourceLocation;
import org.snakeyaml.engine.v2.nodes.Node;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.regex.Pattern;

/**
 * Reads Docker Compose files (the versionless Compose Specification and the legacy 2.x/3.x
 * formats) into a {@link Project.Kind#DECLARATIVE} project: services become containers, top-level
 * networks become networks. Variables are interpolated from the environment and the {@code .env}
 * beside the file; an override file beside a default-named main file is merged onto it, as
 * {@code docker compose} does with no {@code -f}.
 */
public final class ComposeReader implements InputReader {
    /** Compose's default file names, in the order it picks one. */
    static final List<String> MAIN_NAMES = List.of("compose.yaml", "compose.yml", "docker-compose.yml",
            "docker-compose.yaml");
    /** The override files Compose merges onto the main one, in the order it picks one. */
    static final List<String> OVERRIDE_NAMES = List.of("compose.override.yml", "compose.override.yaml",
            "docker-compose.override.yml", "docker-compose.override.yaml");

    /** Mark labels of the two files of a project (see {@link Locations}). */
    private static final String MAIN_LABEL = "main";
    private static final String OVERRIDE_LABEL = "override";

    private static final Pattern COMPOSE_NAME = Pattern.compile("(docker-)?compose.*\\.y[^.]*ml",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TOP_LEVEL_KEY = Pattern.compile("(?m)^(services|networks)[ \\t]*:([ \\t][^\\n]*)?\\r?$");
    /** Blank and comment lines, then a plain mapping key, a document start or a directive. */
    private static final Pattern FIRST_LINE = Pattern.compile(
            "(?:[ \\t]*(?:#[^\\n]*)?\\r?\\n)*(?:[A-Za-z_\"'][^\\n]*:|---|%YAML)");

    /** Main files already read into a model (a main file and its override are one project). */
    private final Map<Model, Set<Path>> readProjects = Collections.synchronizedMap(new WeakHashMap<>());

    @Override
    public String format() {
        return "compose";
    }

    @Override
    public boolean claimsByName(Path path) {
        Path name = path.getFileName();
        if (name == null || !COMPOSE_NAME.matcher(name.toString()).matches()) {
            return false;
        }
        // An override beside its main file is read with that file, not as a project of its own.
        return !(OVERRIDE_NAMES.contains(name.toString()) && mainBeside(path).isPresent());
    }

    @Override
    public boolean claimsByContent(SourceFile file, byte[] head) {
        String n = file.fileName().toLowerCase(Locale.ROOT);
        if (n.endsWith(".yml") || n.endsWith(".yaml")) {
            return true;
        }
        for (byte b : head) {
            if (b == 0) {
                return false;
            }
        }
        String text = new String(head, StandardCharsets.UTF_8);
        // A top-level services:/networks: key, in a file that reads as YAML from its first line on:
        // a Makefile with a "services:" target has tab-indented recipes, a script has a shebang.
        return !text.startsWith("#!") && TOP_LEVEL_KEY.matcher(text).find() && !text.contains("\n\t") && !text.startsWith("\t")
                && FIRST_LINE.matcher(text).lookingAt();
    }

    @Override
    public void read(SourceFile file, IngestContext context) throws InputException {
        String text = file.text();
        String name = file.fileName();
        if (OVERRIDE_NAMES.contains(name)) {
            Optional<SourceFile> readableMain = readableSibling(context, file, mainBeside(file.path()));
            if (readableMain.isPresent()) {
                // Named on its own: lint it as Compose would run it, merged onto its main file.
                SourceFile mainFile = readableMain.get();
                String mainText;
                try {
                    mainText = mainFile.text();
                } catch (InputException e) {
                    fatal(context, mainFile.displayName(), e);
                    return;
                }
                if (firstRead(context, mainFile)) {
                    readProject(mainFile, mainText, Optional.of(file), text, context, false);
                }
                return;
            }
        }
        if (!firstRead(context, file)) {
            return;
        }
        Optional<SourceFile> override = Optional.empty();
        String overrideText = null;
        if (MAIN_NAMES.contains(name) && mainBeside(file.path()).map(p -> p.getFileName().toString().equals(name))
                .orElse(false)) {
            Optional<SourceFile> readable = readableSibling(context, file, overrideBeside(file.path()));
            if (readable.isPresent()) {
                SourceFile of = readable.get();
                try {
                    overrideText = of.text();
                    override = Optional.of(of);
                } catch (InputException e) {
                    fatal(context, of.displayName(), e);
                }
            }
        }
        readProject(file, text, override, overrideText, context, true);
    }

    private boolean firstRead(IngestContext context, SourceFile main) {
        Path key = main.path().toAbsolutePath().normalize();
        return readProjects.computeIfAbsent(context.model(), m -> Collections.synchronizedSet(new HashSet<>()))
                .add(key);
    }

    /**
     * Parses the main file (its errors are thrown when it is the file being read, so the engine
     * reports them) and the override (its errors are recorded against the override), merges, builds.
     */
    private void readProject(SourceFile main, String mainText, Optional<SourceFile> override, String overrideText,
                             IngestContext context, boolean mainIsTheInput) throws InputException {
        context.directives().scanHashComments(main.displayName(), mainText);
        override.ifPresent(o -> context.directives().scanHashComments(o.displayName(), overrideText));
        List<Node> docs;
        try {
            docs = YamlLoader.load(MAIN_LABEL, mainText);
        } catch (InputException e) {
            if (mainIsTheInput) {
                throw e;
            }
            fatal(context, main.displayName(), e);
            return;
        }
        Locations locations = new Locations(main.displayName());
        locations.addFile(MAIN_LABEL, main.displayName(), mainText);
        SourceLocation top = SourceLocation.of(main.displayName(), 1, 1);
        try {
            Node root = mergeDocuments(docs);
            if (override.isPresent()) {
                List<Node> overDocs = null;
                try {
                    overDocs = YamlLoader.load(OVERRIDE_LABEL, overrideText);
                } catch (InputException e) {
                    fatal(context, override.get().displayName(), e);
                }
                if (overDocs != null) {
                    locations.addFile(OVERRIDE_LABEL, override.get().displayName(), overrideText);
                    Node over = mergeDocuments(overDocs);
                    if (over != null && !Overrides.isNull(over) && root != null) {
                        root = Overrides.merge(root, over);
                    }
                }
            }
            Interpolator interpolator = new Interpolator(variables(main, context));
            String dir = directoryName(main);
            ComposeModel builder = new ComposeModel(context, interpolator, locations);
            Project project = builder.build(root, dir, top, context.hostOf(main.displayName()));
            context.model().add(project);
        } catch (ComposeModel.Fatal e) {
            if (mainIsTheInput && e.location.file().equals(main.displayName())) {
                throw new InputException(e.location.line(), e.location.column(), e.getMessage());
            }
            context.model().problem(new InputProblem(e.location, e.getMessage(), true));
        } catch (InputException e) {
            // from merging: located in the override's marks or the main's
            if (mainIsTheInput) {
                throw e;
            }
            fatal(context, main.displayName(), e);
        }
    }

    /** Several documents in one file are merged in order, as Compose does. */
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

    /**
     * The run's environment (explicit values, and the process's only when asked for) first, then
     * the .env file beside the main file, as Compose lets the shell override .env.
     */
    private static java.util.function.Function<String, String> variables(SourceFile main, IngestContext context) {
        dev.netlint.ingest.Environment env = context.environment() == null
                ? dev.netlint.ingest.Environment.empty() : context.environment();
        Map<String, String> dotEnv = new HashMap<>();
        Optional<SourceFile> envFile = main.sibling(".env", sibling(main.displayName(), Path.of(".env")));
        Path envPath = main.path().resolveSibling(".env");
        if (envFile.isEmpty() && main.root() != null && Files.exists(envPath, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            refusedSibling(context, main, envPath);
        }
        if (envFile.isPresent()) {
            try {
                dotEnv.putAll(DotEnv.parse(envFile.get().text(), env::get));
            } catch (InputException e) {
                fatal(context, envFile.get().displayName(), e);
            } catch (DotEnv.SyntaxError e) {
                context.model().problem(new InputProblem(SourceLocation.of(envFile.get().displayName(), e.line, 1),
                        "cannot read .env: " + e.getMessage() + "; Compose refuses it", true));
            }
        }
        return k -> env.contains(k) ? env.get(k) : dotEnv.get(k);
    }

    /** The sibling at {@code other} when it may be read; one problem naming it when it exists but may not. */
    private static Optional<SourceFile> readableSibling(IngestContext context, SourceFile file, Optional<Path> other) {
        if (other.isEmpty()) {
            return Optional.empty();
        }
        Optional<SourceFile> readable = file.sibling(other.get().getFileName().toString(),
                sibling(file.displayName(), other.get()));
        if (readable.isEmpty()) {
            refusedSibling(context, file, other.get());
        }
        return readable;
    }

    /** A sibling that exists but may not be read (a link out of the tree, a FIFO): one line naming the link. */
    private static void refusedSibling(IngestContext context, SourceFile file, Path other) {
        String why = file.root() == null ? "cannot be read" : file.root().refusal(other).orElse("cannot be read");
        context.model().problem(new InputProblem(SourceLocation.of(sibling(file.displayName(), other), 1, 1),
                why, true));
    }

    private static void fatal(IngestContext context, String file, InputException e) {
        context.model().problem(new InputProblem(SourceLocation.of(file, Math.max(1, e.line()), Math.max(1, e.column())),
                e.getMessage(), true));
    }

    private static String directoryName(SourceFile f) {
        Path dir = f.path().toAbsolutePath().normalize().getParent();
        Path n = dir == null ? null : dir.getFileName();
        return n == null ? "default" : n.toString();
    }

    /** The file Compose would take as the main one in this file's directory. */
    static Optional<Path> mainBeside(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null) {
            return Optional.empty();
        }
        for (String n : MAIN_NAMES) {
            Path p = dir.resolve(n);
            if (Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                return Optional.of(file.resolveSibling(n));
            }
        }
        return Optional.empty();
    }

    static Optional<Path> overrideBeside(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null) {
            return Optional.empty();
        }
        for (String n : OVERRIDE_NAMES) {
            if (Files.exists(dir.resolve(n), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                return Optional.of(file.resolveSibling(n));
            }
        }
        return Optional.empty();
    }

    /** The display name of a file beside another: same directory prefix as the user gave it. */
    static String sibling(String displayName, Path other) {
        int slash = displayName.lastIndexOf('/');
        String name = other.getFileName().toString();
        return slash < 0 ? name : displayName.substring(0, slash + 1) + name;
    }
}
