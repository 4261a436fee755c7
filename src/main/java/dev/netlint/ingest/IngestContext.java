package dev.netlint.ingest;

import dev.netlint.model.InputProblem;
import dev.netlint.model.Model;
import dev.netlint.model.SourceLocation;

import java.util.Map;
import java.util.function.Function;

/** What a reader builds into: the model, the environment for interpolation, and suppressions. */
public final class IngestContext {
    private final Model model;
    private final Map<String, String> environment;
    private final Function<String, String> hostOfFile;
    private final Directives directives;
    private Function<String, DocumentOrder> documentOrderOfFile = DocumentOrder::byName;

    public IngestContext(Model model, Map<String, String> environment, Function<String, String> hostOfFile,
                         Directives directives) {
        this.model = model;
        this.environment = environment;
        this.hostOfFile = hostOfFile;
        this.directives = directives;
    }

    public Model model() {
        return model;
    }

    /** Process environment for ${VAR} interpolation. */
    public Map<String, String> environment() {
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

    /** Records a problem that did not stop the file from being read. */
    public void problem(SourceLocation where, String message) {
        model.problem(new InputProblem(where, message, false));
    }
}
