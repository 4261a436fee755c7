package dev.netlint.ingest;

import dev.netlint.model.InputProblem;
import dev.netlint.model.Model;
import dev.netlint.model.SourceLocation;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** What a reader builds into: the model, the environment for interpolation, and suppressions. */
public final class IngestContext {
    private final Model model;
    private final Environment environment;
    private final Function<String, String> hostOfFile;
    private final Directives directives;
    private List<Path> scanRoots = List.of();
    private List<DeclaredProject> declaredProjects = List.of();
    private Function<String, DocumentOrder> documentOrderOfFile = DocumentOrder::byName;

    public IngestContext(Model model, Environment environment, Function<String, String> hostOfFile,
                         Directives directives) {
        this.model = model;
        this.environment = environment;
        this.hostOfFile = hostOfFile;
        this.directives = directives;
    }

    /** With explicit variables only (tests, embedders). */
    public IngestContext(Model model, java.util.Map<String, String> environment, Function<String, String> hostOfFile,
                         Directives directives) {
        this(model, Environment.of(environment), hostOfFile, directives);
    }

    public Model model() {
        return model;
    }

    /** The variables for ${VAR} interpolation besides the project's .env files (see {@link Environment}). */
    public Environment environment() {
        return environment;
    }

    /** The host a file belongs to: from the topology configuration, else a name derived from the file. */
    public String hostOf(String displayName) {
        return hostOfFile.apply(displayName);
    }

    /** How the shell blocks of a document relate: from the configuration's documents globs, else by name. */
    public DocumentOrder documentOrderOf(String displayName) {
        return documentOrderOfFile.apply(displayName);
    }

    public IngestContext documentOrderOfFile(Function<String, DocumentOrder> f) {
        this.documentOrderOfFile = f;
        return this;
    }

    public Directives directives() {
        return directives;
    }

    /** The directories being linted (a file named alone counts as its directory): nothing outside them is read. */
    public List<Path> scanRoots() {
        return scanRoots;
    }

    public IngestContext scanRoots(List<Path> roots) {
        this.scanRoots = List.copyOf(roots);
        return this;
    }

    /** Compose projects declared in the configuration (projects:). */
    public List<DeclaredProject> declaredProjects() {
        return declaredProjects;
    }

    public IngestContext declaredProjects(List<DeclaredProject> projects) {
        this.declaredProjects = List.copyOf(projects);
        return this;
    }

    /** Records a problem that did not stop the file from being read. */
    public void problem(SourceLocation where, String message) {
        model.problem(new InputProblem(where, message, false));
    }
}
