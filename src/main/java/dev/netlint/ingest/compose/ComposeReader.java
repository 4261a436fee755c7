package dev.netlint.ingest.compose;

import dev.netlint.ingest.DeclaredProject;
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
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
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


    private static final Pattern COMPOSE_NAME = Pattern.compile("(docker-)?compose.*\\.y[^.]*ml",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TOP_LEVEL_KEY = Pattern.compile("(?m)^(services|networks)[ \\t]*:([ \\t][^\\n]*)?\\r?$");
    /** Blank and comment lines, then a plain mapping key, a document start or a directive. */
    private static final Pattern FIRST_LINE = Pattern.compile(
            "(?:[ \\t]*(?:#[^\\n]*)?\\r?\\n)*(?:[A-Za-z_\"'][^\\n]*:|---|%YAML)");

    /** Per model: projects loaded ahead, files that belong to another project, main files already built. */
    private static final class State {
        final Map<Path, Object> loaded = new HashMap<>();
        final Set<Path> consumed = new HashSet<>();
        final Set<Path> built = new HashSet<>();
    }

    private final Map<Model, State> states = Collections.synchronizedMap(new WeakHashMap<>());

    private State state(IngestContext context) {
        return states.computeIfAbsent(context.model(), m -> new State());
    }

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

    /**
     * Loads every project ahead of reading, so that files reached only through another project's
     * include:, extends: or COMPOSE_FILE are read as part of it and not as projects of their own;
     * builds the projects the configuration declares.
     */
    @Override
    public void prepare(List<SourceFile> inputs, IngestContext context) {
        State st = state(context);
        for (DeclaredProject d : context.declaredProjects()) {
            if (d.files().isEmpty()) {
                continue;
            }
            Path first = d.files().get(0).toAbsolutePath().normalize();
            Optional<Path> root = rootOf(first, context);
            if (root.isEmpty()) {
                continue;
            }
            SourceFile anchor = new SourceFile(first, displayOf(first));
            ProjectLoader loader = new ProjectLoader(context, root.get(), anchor);
            SourceLocation at = SourceLocation.of(d.declaredIn(), 1, 1);
            ProjectLoader.Environment env = loader.environment(environment(context), first.getParent(), d.envFiles(), at);
            try {
                ProjectLoader.Loaded l = loader.load(d.files(), env, at);
                loader.publishDirectives();
                st.consumed.addAll(l.files());
                st.built.add(first);
                build(anchor, l, context, Set.copyOf(d.profiles()));
            } catch (InputException e) {
                fatal(context, anchor.displayName(), e);
            } catch (ProjectLoader.Failure e) {
                loader.publishDirectives();
                st.consumed.addAll(d.files().stream().map(p -> p.toAbsolutePath().normalize()).toList());
                context.model().problem(new InputProblem(e.location, e.getMessage(), true));
            }
        }
        Map<Path, SourceFile> candidates = new LinkedHashMap<>();
        for (SourceFile f : inputs) {
            SourceFile main = mainOf(f);
            Path key = main.path().toAbsolutePath().normalize();
            if (!st.loaded.containsKey(key) && !st.consumed.contains(key)) {
                candidates.putIfAbsent(key, main);
            }
        }
        // Parsing is most of the work and touches no shared state: projects load on every core, and
        // are then taken in input order, exactly as one by one. A project whose main file an earlier
        // project reached through include:, extends: or COMPOSE_FILE is dropped unused.
        List<Loading> loadings = candidates.values().parallelStream().map(main -> loadProject(main, context)).toList();
        int i = 0;
        for (Path key : candidates.keySet()) {
            Loading loading = loadings.get(i++);
            if (st.loaded.containsKey(key) || st.consumed.contains(key)) {
                continue;
            }
            loading.loader().publishDirectives();
            st.loaded.put(key, loading.result());
            if (loading.result() instanceof ProjectLoader.Loaded l) {
                for (Path p : l.files()) {
                    if (!p.equals(key)) {
                        st.consumed.add(p);
                    }
                }
            }
        }
    }

    /** A project loaded ahead: the {@link ProjectLoader.Loaded} project or the {@link ProjectLoader.Failure}, and its loader. */
    private record Loading(Object result, ProjectLoader loader) {
    }

    @Override
    public void read(SourceFile file, IngestContext context) throws InputException {
        State st = state(context);
        SourceFile main = mainOf(file);
        boolean mainIsTheInput = main == file;
        Path key = main.path().toAbsolutePath().normalize();
        if (st.consumed.contains(key) || !st.built.add(key)) {
            return;
        }
        Object result;
        if (st.loaded.containsKey(key)) {
            result = st.loaded.remove(key);
        } else {
            Loading loading = loadProject(main, context);
            loading.loader().publishDirectives();
            result = loading.result();
        }
        if (result instanceof ProjectLoader.Failure e) {
            if (mainIsTheInput && e.location.file().equals(main.displayName())) {
                throw new InputException(e.location.line(), e.location.column(), e.getMessage());
            }
            context.model().problem(new InputProblem(e.location, e.getMessage(), true));
            return;
        }
        ProjectLoader.Loaded l = (ProjectLoader.Loaded) result;
        try {
            build(main, l, context, profiles(l.environment()));
        } catch (InputException e) {
            if (mainIsTheInput) {
                throw e;
            }
            fatal(context, main.displayName(), e);
        }
    }

    /** The file a project is named by: an override named alone stands for its main file. */
    private static SourceFile mainOf(SourceFile file) {
        if (OVERRIDE_NAMES.contains(file.fileName())) {
            Optional<Path> main = mainBeside(file.path());
            if (main.isPresent()) {
                return new SourceFile(main.get(), sibling(file.displayName(), main.get()), file.root());
            }
        }
        return file;
    }

    /**
     * The project's files as compose picks them in the main file's directory: COMPOSE_FILE (from the
     * environment or .env), else the main file and its override; a file of another name stands alone.
     * Touches no state shared with other loads: the caller publishes the loader's directives.
     */
    private Loading loadProject(SourceFile main, IngestContext context) {
        Path abs = main.path().toAbsolutePath().normalize();
        Path dir = abs.getParent();
        Path root = rootOf(abs, context).orElse(dir);
        ProjectLoader loader = new ProjectLoader(context, root, main);
        SourceLocation at = SourceLocation.of(main.displayName(), 1, 1);
        dev.netlint.ingest.Environment given = environment(context);
        ProjectLoader.Environment env = loader.environment(given, dir, List.of(), at);
        List<Path> files = new ArrayList<>();
        files.add(abs);
        List<Path> chosen = files;
        boolean isDefaultMain = MAIN_NAMES.contains(main.fileName()) && mainBeside(abs)
                .map(p -> p.getFileName().toString().equals(main.fileName())).orElse(false);
        if (isDefaultMain) {
            List<Path> fromEnv = composeFiles(env, given, dir);
            if (!fromEnv.isEmpty()) {
                chosen = fromEnv;
            } else {
                overrideBeside(abs).ifPresent(o -> files.add(o.toAbsolutePath().normalize()));
            }
        }
        try {
            return new Loading(loader.load(chosen, env, at), loader);
        } catch (ProjectLoader.Failure e) {
            return new Loading(e, loader);
        }
    }

    /**
     * COMPOSE_FILE split at COMPOSE_PATH_SEPARATOR (default ':'), relative to the project directory.
     * From .env it is the project's own choice; from the process environment it applies only where
     * every file it names exists.
     */
    private static List<Path> composeFiles(ProjectLoader.Environment env, dev.netlint.ingest.Environment given, Path dir) {
        String value = env.get("COMPOSE_FILE");
        if (value == null || value.isBlank()) {
            return List.of();
        }
        String sep = env.get("COMPOSE_PATH_SEPARATOR");
        sep = sep == null ? ":" : sep;
        if (sep.isEmpty()) {
            sep = ":";
        }
        List<Path> out = new ArrayList<>();
        for (String part : value.split(Pattern.quote(sep))) {
            if (!part.isBlank()) {
                out.add(dir.resolve(part.strip()).normalize());
            }
        }
        boolean fromProcess = value.equals(given.get("COMPOSE_FILE"));
        if (fromProcess && !out.stream().allMatch(Files::isRegularFile)) {
            return List.of();
        }
        return out;
    }

    /** COMPOSE_PROFILES: comma-separated. */
    private static Set<String> profiles(ProjectLoader.Environment env) {
        String v = env.get("COMPOSE_PROFILES");
        Set<String> out = new HashSet<>();
        if (v != null) {
            for (String p : v.split(",")) {
                if (!p.isBlank()) {
                    out.add(p.strip());
                }
            }
        }
        return out;
    }

    private void build(SourceFile main, ProjectLoader.Loaded l, IngestContext context, Set<String> profiles)
            throws InputException {
        l.problems().forEach(context.model()::problem);
        SourceLocation top = SourceLocation.of(main.displayName(), 1, 1);
        ComposeModel builder = new ComposeModel(context, l.interpolator(), l.locations())
                .imposedName(l.environment().get("COMPOSE_PROJECT_NAME"))
                .profileSelection(context.model().activeProfiles().isEmpty() ? profiles
                        : context.model().activeProfiles());
        try {
            Project project = builder.build(l.root(), directoryName(main), top, context.hostOf(main.displayName()));
            context.model().add(project);
        } catch (ComposeModel.Fatal e) {
            if (e.location.file().equals(main.displayName())) {
                throw new InputException(e.location.line(), e.location.column(), e.getMessage());
            }
            context.model().problem(new InputProblem(e.location, e.getMessage(), true));
        }
    }

    private static dev.netlint.ingest.Environment environment(IngestContext context) {
        return context.environment() == null ? dev.netlint.ingest.Environment.empty() : context.environment();
    }

    /** The innermost scan root holding the file. */
    private static Optional<Path> rootOf(Path abs, IngestContext context) {
        Path best = null;
        for (Path r : context.scanRoots()) {
            if (abs.startsWith(r) && (best == null || r.getNameCount() > best.getNameCount())) {
                best = r;
            }
        }
        return Optional.ofNullable(best);
    }

    private static String displayOf(Path abs) {
        Path cwd = Path.of("").toAbsolutePath().normalize();
        return abs.startsWith(cwd) ? cwd.relativize(abs).toString().replace('\\', '/') : abs.toString();
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
            if (Files.isRegularFile(p)) {
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
            if (Files.isRegularFile(dir.resolve(n))) {
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
