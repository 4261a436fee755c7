package dev.netlint.engine;

import dev.netlint.engine.LintResult.InputError;
import dev.netlint.ingest.Directives;
import dev.netlint.ingest.IngestContext;
import dev.netlint.ingest.InputException;
import dev.netlint.ingest.InputReader;
import dev.netlint.ingest.Preparer;
import dev.netlint.ingest.ReaderRegistry;
import dev.netlint.ingest.ScanRoot;
import dev.netlint.ingest.SourceFile;
import dev.netlint.model.InputProblem;
import dev.netlint.model.Model;
import dev.netlint.model.Severity;
import dev.netlint.model.SourceLocation;
import dev.netlint.rules.DirectiveRule;
import dev.netlint.rules.Finding;
import dev.netlint.rules.FindingSink;
import dev.netlint.model.Fix;
import dev.netlint.rules.Rule;
import dev.netlint.rules.RuleRegistry;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** ingest → model → rules: turns paths into findings. Reporters take it from there. */
public final class Linter {
    private static final Set<String> SKIPPED_DIRS = Set.of(".git", "node_modules", "target");
    private static final int SNIFF_BYTES = 4096;

    private final LintSettings settings;
    private final List<InputReader> readers;
    private final List<Rule> rules;
    /** Threads the rules run on; the findings are the same, in the same order, for any number. */
    private int ruleThreads = Runtime.getRuntime().availableProcessors();
    /** Files a directory walk skipped because of an ignore glob (the configuration's effect). */
    private int ignoredFiles;

    public Linter(LintSettings settings) {
        this(settings, ReaderRegistry.all(), RuleRegistry.all());
    }

    public Linter(LintSettings settings, List<InputReader> readers, List<Rule> rules) {
        this.settings = settings;
        this.readers = readers;
        this.rules = rules;
    }

    /** Runs the rules on this many threads (1: one after another, on the caller's thread). */
    public Linter ruleThreads(int threads) {
        this.ruleThreads = Math.max(1, threads);
        return this;
    }

    /**
     * The result of a run, plus the directives seen (for --report-unused-disables) and the text of
     * every file read, by display name (reports print source lines from it, never from the disk again).
     */
    public record Run(LintResult result, Model model, Directives directives, Map<String, String> sources,
                      int ignoredFiles) {
    }

    public LintResult lint(List<String> paths) {
        return run(paths).result();
    }

    public Run run(List<String> paths) {
        Model model = new Model();
        settings.modelFacts().forEach(f -> f.accept(model));
        Directives directives = new Directives();
        List<InputError> ioErrors = new ArrayList<>();
        ScanRoot scan = ScanRoot.of(Path.of(""));
        List<Input> inputs = discover(paths, scan, ioErrors);
        IngestContext context = new IngestContext(model, settings.environment(), settings.hostOfFile(), directives)
                .documentOrderOfFile(settings.documentOrderOfFile());
        context.scanRoots(scanRoots(paths)).declaredProjects(settings.declaredProjects());
        for (InputReader r : readers) {
            r.prepare(inputs.stream().filter(i -> i.reader() == r).map(Input::file).toList(), context);
        }
        // Readers that can parse without the model do so a few files ahead, in parallel; the model is
        // still built file by file in input order, so the output is the same (dev.netlint.ingest.Preparer).
        try (Preparer ahead = Preparer.start(inputs.stream().map(i -> i.file()).toList(),
                inputs.stream().map(i -> i.reader()).toList())) {
            for (int i = 0; i < inputs.size(); i++) {
                readOne(inputs.get(i), context, ahead, i);
            }
        }
        LintResult analysed = analyse(model, directives, ioErrors, inputs.size());
        Map<String, String> texts = scan.texts(); // read-only; large texts are read again only when asked for
        return new Run(FixResolver.resolve(analysed, name -> Optional.ofNullable(texts.get(name))), model, directives,
                texts, ignoredFiles);
    }

    /** Runs the rules over a model built elsewhere (the live daemon probe). */
    public LintResult analyse(Model model, Directives directives, List<InputError> ioErrors, int filesRead) {
        List<Rule> enabled = rules.stream().filter(r -> settings.isEnabled(r.info().id())).toList();
        List<List<Reported>> byRule = RuleRunner.run(enabled, ruleThreads, rule -> check(rule, model));
        // Suppression marks directives as used, so it runs here, in rule order, as a sequential run would.
        List<Finding> findings = new ArrayList<>();
        for (List<Reported> reported : byRule) {
            for (Reported r : reported) {
                if (!directives.suppresses(r.finding().location(), r.finding().ruleId(), r.formerIds())) {
                    findings.add(r.finding());
                }
            }
        }
        checkDirectives(directives, findings);
        findings.replaceAll(f -> new Finding(f.ruleId(), f.ruleName(), f.severity(),
                settings.environment().redact(f.message()), f.location(), f.fix()));
        findings.sort(Finding.ORDER);
        List<Finding> capped = FindingsCap.apply(findings, settings.maxFindingsPerFile());
        findings.clear();
        findings.addAll(capped);
        List<InputError> errors = new ArrayList<>(ioErrors);
        for (InputProblem p : model.inputProblems()) {
            SourceLocation l = p.location();
            errors.add(new InputError(l.file(), l.line(), l.column(), settings.environment().redact(p.message()), false));
        }
        errors.sort(java.util.Comparator.comparing(InputError::file).thenComparingInt(InputError::line)
                .thenComparingInt(InputError::column));
        return new LintResult(List.copyOf(findings), List.copyOf(errors), filesRead);
    }

    /** A finding as a rule reported it, before suppression, with its rule's former ids. */
    private record Reported(Finding finding, String[] formerIds) {
    }

    /** One rule's findings in the order it reported them. */
    private List<Reported> check(Rule rule, Model model) {
        List<Reported> out = new ArrayList<>();
        String id = rule.info().id();
        Severity severity = settings.severityOverrides().getOrDefault(id, rule.info().severity());
        rule.check(model, new FindingSink() {
            @Override
            public void report(Rule r, SourceLocation location, String message) {
                report(r, location, message, null);
            }

            @Override
            public void report(Rule r, SourceLocation location, String message, Fix fix) {
                Finding f = new Finding(r.info().id(), r.info().name(), r == rule ? severity
                        : settings.severityOverrides().getOrDefault(r.info().id(), r.info().severity()),
                        message, location, fix);
                out.add(new Reported(f, r.info().aliases()));
            }
        });
        return out;
    }

    /**
     * The directive rules (NL002, NL003) run after every other rule, because whether a directive
     * suppressed anything is only known then.
     */
    private void checkDirectives(Directives directives, List<Finding> findings) {
        java.util.Map<String, String> known = new java.util.TreeMap<>();
        java.util.Set<String> running = new java.util.HashSet<>();
        for (Rule r : RuleRegistry.all()) {
            known.put(r.info().id(), r.info().name());
            for (String former : r.info().aliases()) {
                known.putIfAbsent(former, r.info().name());
            }
        }
        for (Rule r : rules) {
            known.put(r.info().id(), r.info().name());
            if (settings.isEnabled(r.info().id())) {
                running.add(r.info().id());
                running.addAll(java.util.Arrays.asList(r.info().aliases()));
            }
        }
        for (Rule rule : rules) {
            if (!(rule instanceof DirectiveRule dr) || !settings.isEnabled(rule.info().id())) {
                continue;
            }
            Severity severity = settings.severityOverrides().getOrDefault(rule.info().id(), rule.info().severity());
            DirectiveRule.Context ctx = new DirectiveRule.Context(directives.all(), known, running,
                    settings.reportUnusedDirectives());
            dr.checkDirectives(ctx, (r, location, message) -> {
                Finding f = new Finding(r.info().id(), r.info().name(), severity, message, location);
                if (!directives.suppresses(location, f.ruleId())) {
                    findings.add(f);
                }
            });
        }
    }

    private record Input(SourceFile file, InputReader reader) {
    }

    private void readOne(Input in, IngestContext context, Preparer ahead, int index) {
        SourceFile file = in.file();
        if (in.reader() == null) {
            // Named explicitly but no format claims it: say why, with the decoder's location when it is not text.
            try {
                file.text();
                context.model().problem(new InputProblem(SourceLocation.of(file.displayName(), 1, 1),
                        "not a recognised input: expected a compose file, a shell script, Markdown, "
                                + "docker/podman inspect JSON or daemon.json", true));
            } catch (InputException e) {
                fatal(context, file, e);
            }
            return;
        }
        try {
            InputReader.Prepared prepared = ahead.get(index);
            if (prepared != null) {
                prepared.apply(context);
            } else {
                in.reader().read(file, context);
            }
        } catch (InputException e) {
            fatal(context, file, e);
        } catch (RuntimeException | StackOverflowError e) {
            // A reader bug must not take the other files down with it; say where it happened.
            context.model().problem(new InputProblem(SourceLocation.of(file.displayName(), 1, 1),
                    "internal error while reading this " + in.reader().format() + " file (" + e
                            + "); please report it", true));
        }
    }

    private static void fatal(IngestContext context, SourceFile file, InputException e) {
        int line = Math.max(e.line(), 1);
        int col = Math.max(e.column(), 1);
        context.model().problem(new InputProblem(SourceLocation.of(file.displayName(), line, col), e.getMessage(), true));
    }

    /** The directories linted; a file named alone stands for its directory. */
    private static List<Path> scanRoots(List<String> paths) {
        List<Path> roots = new ArrayList<>();
        for (String given : paths) {
            Path p = Path.of(given).toAbsolutePath().normalize();
            roots.add(Files.isDirectory(p) || p.getParent() == null ? p : p.getParent());
        }
        return roots;
    }

    /**
     * Files named and found. Each path is scanned under a root: the working directory when the
     * path is inside it, else the path itself (a file's directory); see {@link ScanRoot}.
     */
    private List<Input> discover(List<String> paths, ScanRoot scan, List<InputError> ioErrors) {
        List<Input> out = new ArrayList<>();
        Path cwd = Path.of("").toAbsolutePath();
        for (String given : paths) {
            Path p;
            try {
                p = Path.of(given);
            } catch (java.nio.file.InvalidPathException e) {
                ioErrors.add(new InputError(given, 0, 0, "not a valid path", true));
                continue;
            }
            if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                ioErrors.add(new InputError(given, 0, 0, "no such file or directory", true));
                continue;
            }
            Path abs = p.toAbsolutePath().normalize();
            boolean directory = Files.isDirectory(p);
            ScanRoot root = abs.startsWith(cwd) ? scan
                    : scan.at(directory || abs.getParent() == null ? abs : abs.getParent());
            Optional<String> refused = root.refusal(p, directory);
            if (refused.isPresent()) {
                ioErrors.add(new InputError(given, 0, 0, refused.get(), true));
            } else if (directory) {
                walk(p, root, cwd, out, ioErrors);
            } else if (!Files.isReadable(p)) {
                ioErrors.add(new InputError(given, 0, 0, "not a readable regular file", true));
            } else {
                SourceFile f = new SourceFile(p, display(p, cwd), root);
                out.add(new Input(f, explicitReader(f).orElse(null)));
            }
        }
        return out;
    }

    private void walk(Path root, ScanRoot scan, Path cwd, List<Input> out, List<InputError> ioErrors) {
        List<PathMatcher> ignored = settings.ignoredPaths().stream()
                .map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g)).toList();
        List<Input> found = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    Path name = dir.getFileName();
                    if (!dir.equals(root) && name != null && SKIPPED_DIRS.contains(name.toString())) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (!attrs.isRegularFile()) {
                        return FileVisitResult.CONTINUE;
                    }
                    String shown = display(file, cwd);
                    if (isIgnored(ignored, file, shown)) {
                        ignoredFiles++;
                        return FileVisitResult.CONTINUE;
                    }
                    SourceFile f = new SourceFile(file, shown, scan);
                    walkedReader(f).ifPresent(r -> found.add(new Input(f, r)));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    ioErrors.add(new InputError(display(file, cwd), 0, 0, "cannot read: " + e.getMessage(), true));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            ioErrors.add(new InputError(display(root, cwd), 0, 0, "cannot walk directory: " + e.getMessage(), true));
        }
        found.sort(java.util.Comparator.comparing(i -> i.file().displayName()));
        out.addAll(found);
    }

    /**
     * Globs match the path relative to {@link LintSettings#ignoreBase()} (the configuration file's
     * directory) or to the working directory; a glob without '/' also matches the file name alone.
     */
    private boolean isIgnored(List<PathMatcher> ignored, Path file, String shown) {
        if (ignored.isEmpty()) {
            return false;
        }
        Path rel = settings.ignoreBase() == null ? Path.of(shown)
                : settings.ignoreBase().toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize());
        Path name = file.getFileName();
        for (int i = 0; i < ignored.size(); i++) {
            if (ignored.get(i).matches(rel)) {
                return true;
            }
            if (name != null && !settings.ignoredPaths().get(i).contains("/") && ignored.get(i).matches(name)) {
                return true;
            }
        }
        return false;
    }

    /** In a directory walk: a reader that claims the name; for names with no extension, one that claims the content. */
    private Optional<InputReader> walkedReader(SourceFile f) {
        for (InputReader r : readers) {
            if (r.claimsByName(f.path())) {
                return Optional.of(r);
            }
        }
        if (!f.fileName().contains(".")) {
            return byContent(f);
        }
        return Optional.empty();
    }

    /** A file named on the command line is linted whatever its name. */
    private Optional<InputReader> explicitReader(SourceFile f) {
        // A reader that claims the name wins: README.md with a ```yaml compose example is Markdown
        // (pre-commit and the Maven plugin always name files explicitly). Otherwise the content decides.
        for (InputReader r : readers) {
            if (r.claimsByName(f.path())) {
                return Optional.of(r);
            }
        }
        return byContent(f);
    }

    private Optional<InputReader> byContent(SourceFile f) {
        byte[] head;
        try {
            head = f.head(SNIFF_BYTES);
        } catch (IOException e) {
            return Optional.empty();
        }
        for (InputReader r : readers) {
            if (r.claimsByContent(f, head)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    static String display(Path p, Path cwd) {
        Path abs = p.toAbsolutePath().normalize();
        String s = abs.startsWith(cwd) ? cwd.relativize(abs).toString() : p.toString();
        return s.isEmpty() ? "." : s.replace('\\', '/');
    }
}
