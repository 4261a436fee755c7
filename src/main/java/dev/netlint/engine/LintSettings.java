package dev.netlint.engine;

import dev.netlint.model.Severity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What a lint run is told by the command line and the configuration file: which rules run, at
 * which severity, which paths are ignored, and facts about the site that feed the model.
 */
public final class LintSettings {
    private final Set<String> disabled = new LinkedHashSet<>();
    private final Set<String> enabled = new LinkedHashSet<>();
    private final Map<String, Severity> severityOverrides = new LinkedHashMap<>();
    private final List<String> ignoredPaths = new ArrayList<>();
    private dev.netlint.ingest.Environment environment = dev.netlint.ingest.Environment.empty();
    private final List<Consumer<dev.netlint.model.Model>> modelFacts = new ArrayList<>();
    private java.util.function.Function<String, String> hostOfFile = LintSettings::defaultHost;
    private boolean reportUnusedDirectives;
    private java.nio.file.Path ignoreBase;
    private java.util.function.Function<String, dev.netlint.ingest.DocumentOrder> documentOrderOfFile =
            dev.netlint.ingest.DocumentOrder::byName;

    public Set<String> disabled() { return disabled; }
    /** Rules explicitly enabled; when non-empty together with "all disabled" semantics, see {@link #isEnabled}. */
    public Set<String> enabled() { return enabled; }
    public Map<String, Severity> severityOverrides() { return severityOverrides; }
    /** Path globs that are never linted. */
    public List<String> ignoredPaths() { return ignoredPaths; }
    /** What ${VAR} resolves from besides the project's .env files; empty unless given (never the process's by default). */
    public dev.netlint.ingest.Environment environment() { return environment; }
    /** Explicit variables (printed like file content). */
    public LintSettings environment(Map<String, String> env) { this.environment = dev.netlint.ingest.Environment.of(env); return this; }
    public LintSettings environment(dev.netlint.ingest.Environment env) { this.environment = env; return this; }
    private final List<dev.netlint.ingest.DeclaredProject> declaredProjects = new ArrayList<>();
    /** Compose projects the configuration declares (projects:). */
    public List<dev.netlint.ingest.DeclaredProject> declaredProjects() { return declaredProjects; }
    /** Site facts (host networks, bip, pools, topology) the configuration adds to every model. */
    public List<Consumer<dev.netlint.model.Model>> modelFacts() { return modelFacts; }
    public java.util.function.Function<String, String> hostOfFile() { return hostOfFile; }
    public LintSettings hostOfFile(java.util.function.Function<String, String> f) { this.hostOfFile = f; return this; }

    /** --report-unused-disables: report directives that suppressed nothing (NL003). */
    public boolean reportUnusedDirectives() { return reportUnusedDirectives; }
    public LintSettings reportUnusedDirectives(boolean v) { this.reportUnusedDirectives = v; return this; }
    /**
     * The directory {@link #ignoredPaths()} globs are relative to (the configuration file's
     * directory); null means the working directory.
     */
    public java.nio.file.Path ignoreBase() { return ignoreBase; }
    public LintSettings ignoreBase(java.nio.file.Path dir) { this.ignoreBase = dir; return this; }

    /** Findings reported per file at most; the rest are summed up in one NL005 finding. */
    public static final int DEFAULT_MAX_FINDINGS_PER_FILE = 100;
    private int maxFindingsPerFile = DEFAULT_MAX_FINDINGS_PER_FILE;
    private final Set<String> disabledByConfig = new LinkedHashSet<>();

    public int maxFindingsPerFile() { return maxFindingsPerFile; }
    public LintSettings maxFindingsPerFile(int n) { this.maxFindingsPerFile = Math.max(1, n); return this; }
    /** Rules the configuration file turned off (for the report's summary of what it disabled). */
    public Set<String> disabledByConfig() { return disabledByConfig; }
    /** Whether a document's shell blocks run in order or stand alone (configuration documents:, else by name). */
    public java.util.function.Function<String, dev.netlint.ingest.DocumentOrder> documentOrderOfFile() { return documentOrderOfFile; }
    public LintSettings documentOrderOfFile(java.util.function.Function<String, dev.netlint.ingest.DocumentOrder> f) {
        this.documentOrderOfFile = f;
        return this;
    }

    /** A rule runs unless disabled; an explicit enable wins over a disable of the same id. */
    public boolean isEnabled(String ruleId) {
        return enabled.contains(ruleId) || !disabled.contains(ruleId);
    }

    /**
     * Without a topology, each file is its own host, named after the file. Compose files share
     * the host "local": one machine runs all the compose projects of a repository.
     */
    public static String defaultHost(String displayName) {
        return displayName;
    }
}
