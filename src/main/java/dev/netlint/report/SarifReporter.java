package dev.netlint.report;

import com.contrastsecurity.sarif.ArtifactChange;
import com.contrastsecurity.sarif.ArtifactContent;
import com.contrastsecurity.sarif.ArtifactLocation;
import com.contrastsecurity.sarif.Invocation;
import com.contrastsecurity.sarif.Location;
import com.contrastsecurity.sarif.LogicalLocation;
import com.contrastsecurity.sarif.Message;
import com.contrastsecurity.sarif.MultiformatMessageString;
import com.contrastsecurity.sarif.Notification;
import com.contrastsecurity.sarif.OriginalUriBaseIds;
import com.contrastsecurity.sarif.PartialFingerprints;
import com.contrastsecurity.sarif.PhysicalLocation;
import com.contrastsecurity.sarif.PropertyBag;
import com.contrastsecurity.sarif.Region;
import com.contrastsecurity.sarif.Replacement;
import com.contrastsecurity.sarif.ReportingConfiguration;
import com.contrastsecurity.sarif.ReportingDescriptor;
import com.contrastsecurity.sarif.Result;
import com.contrastsecurity.sarif.Run;
import com.contrastsecurity.sarif.SarifSchema210;
import com.contrastsecurity.sarif.Tool;
import com.contrastsecurity.sarif.ToolComponent;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.netlint.engine.LintResult;
import dev.netlint.model.Severity;
import dev.netlint.model.SourceLocation;
import dev.netlint.rules.Finding;
import dev.netlint.model.Fix;
import dev.netlint.rules.Rule;
import dev.netlint.rules.RuleInfo;

import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SARIF 2.1.0, built with java-sarif, as GitHub code scanning accepts it: one run, the driver's
 * rules with help from the rule pages, results with relative URIs under {@code %SRCROOT%} and
 * stable {@code partialFingerprints}, and inputs that could not be read or parsed as tool
 * execution notifications. No timestamps: identical input gives identical output.
 */
public final class SarifReporter implements Reporter {
    public static final String SRCROOT = "%SRCROOT%";
    public static final String FINGERPRINT_KEY = "netlint/v1";
    static final String INFORMATION_URI = "https://github.com/netlint/netlint";
    private static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .setDefaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
                    JsonInclude.Include.NON_NULL));

    @Override
    public void write(LintResult result, ReportContext ctx, Writer out) throws IOException {
        SarifSchema210 log = build(result, ctx);
        JsonNode tree = MAPPER.valueToTree(log);
        prune(tree, null);
        // java-sarif leaves out a level equal to SARIF's default (warning); GitHub reads it, so say it.
        for (JsonNode rule : tree.path("runs").path(0).path("tool").path("driver").path("rules")) {
            ObjectNode config = ((ObjectNode) rule).withObjectProperty("defaultConfiguration");
            severityOf(ctx, rule.path("id").asText()).ifPresent(s -> config.put("level", s.label()));
        }
        for (JsonNode res : tree.path("runs").path(0).path("results")) {
            if (!res.has("level")) {
                ((ObjectNode) res).put("level", "warning");
            }
        }
        MAPPER.writer(new DefaultPrettyPrinter()
                        .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                        .withArrayIndenter(new DefaultIndenter("  ", "\n")))
                .writeValue(out, tree);
        out.write("\n");
        out.flush();
    }

    private static java.util.Optional<Severity> severityOf(ReportContext ctx, String id) {
        return ctx.rules().stream().filter(r -> r.info().id().equals(id)).map(r -> r.info().severity()).findFirst();
    }

    SarifSchema210 build(LintResult result, ReportContext ctx) {
        List<Rule> rules = new ArrayList<>(ctx.rules());
        rules.sort(Comparator.comparing(r -> r.info().id()));
        Map<String, Integer> index = new HashMap<>();
        Set<ReportingDescriptor> descriptors = new LinkedHashSet<>();
        for (Rule r : rules) {
            if (index.putIfAbsent(r.info().id(), index.size()) == null) {
                descriptors.add(descriptor(r.info()));
            }
        }

        List<String> fingerprints = Fingerprints.of(result.findings(), ctx.lines());
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < result.findings().size(); i++) {
            Finding f = result.findings().get(i);
            Result r = new Result()
                    .withRuleId(f.ruleId())
                    .withLevel(level(f.severity()))
                    .withMessage(new Message().withText(f.message()))
                    .withLocations(List.of(location(f.location(), ctx)))
                    .withPartialFingerprints(new PartialFingerprints()
                            .withAdditionalProperty(FINGERPRINT_KEY, fingerprints.get(i)));
            if (f.hasFix()) {
                r.setFixes(new LinkedHashSet<>(List.of(fix(f.fix(), ctx))));
            }
            Integer ri = index.get(f.ruleId());
            if (ri != null) {
                r.setRuleIndex(ri);
            }
            results.add(r);
        }

        List<Notification> notifications = new ArrayList<>();
        for (LintResult.InputError e : result.errors()) {
            Notification n = new Notification()
                    .withLevel(Notification.Level.ERROR)
                    .withMessage(new Message().withText(e.file() + ": " + e.message()));
            SourceLocation where = e.line() > 0
                    ? SourceLocation.of(e.file(), e.line(), Math.max(1, e.column()))
                    : SourceLocation.of(e.file(), 0, 0, 0, 0);
            n.setLocations(new LinkedHashSet<>(List.of(e.line() > 0 || !isLogical(e.file())
                    ? location(where, ctx) : location(SourceLocation.logical(e.file()), ctx))));
            notifications.add(n);
        }
        Invocation invocation = new Invocation()
                .withExecutionSuccessful(!result.hasIoErrors())
                .withToolExecutionNotifications(notifications);

        ToolComponent driver = new ToolComponent()
                .withName("netlint")
                .withFullName("netlint: static analysis of container network configuration")
                .withVersion(ctx.version())
                .withSemanticVersion(semantic(ctx.version()))
                .withInformationUri(URI.create(INFORMATION_URI))
                .withRules(descriptors);

        Run run = new Run()
                .withTool(new Tool().withDriver(driver))
                .withInvocations(List.of(invocation))
                .withOriginalUriBaseIds(new OriginalUriBaseIds().withAdditionalProperty(SRCROOT,
                        new ArtifactLocation().withUri(directoryUri(ctx.workingDirectory()))))
                .withColumnKind(Run.ColumnKind.UTF_16_CODE_UNITS)
                .withResults(results);
        if (ctx.configEffect().file() != null) {
            // What the configuration turned off, so a reviewer sees how much a pull request's .netlint.yaml silenced.
            // Put one by one: copying a Map.of would order the keys differently from one JVM to the next.
            java.util.Map<String, Object> effect = new java.util.LinkedHashMap<>();
            effect.put("file", ctx.configEffect().file());
            effect.put("rulesDisabled", ctx.configEffect().rulesDisabled());
            effect.put("filesIgnored", ctx.configEffect().filesIgnored());
            run.setProperties(new com.contrastsecurity.sarif.PropertyBag().withAdditionalProperty("netlint/configuration",
                    effect));
        }
        return new SarifSchema210()
                .with$schema(URI.create(SCHEMA))
                .withVersion(SarifSchema210.Version._2_1_0)
                .withRuns(List.of(run));
    }

    /** A fix as SARIF replacements by exact region; SUGGESTION fixes are marked as such in a property. */
    private static com.contrastsecurity.sarif.Fix fix(Fix fix, ReportContext ctx) {
        java.util.Map<String, List<Replacement>> byFile = new java.util.LinkedHashMap<>();
        for (Fix.Edit e : fix.edits()) {
            SourceLocation l = e.region();
            Region deleted = new Region().withStartLine(l.line()).withStartColumn(l.column())
                    .withEndLine(l.endLine()).withEndColumn(l.endColumn());
            byFile.computeIfAbsent(l.file(), k -> new ArrayList<>()).add(new Replacement()
                    .withDeletedRegion(deleted)
                    .withInsertedContent(new ArtifactContent().withText(e.replacement())));
        }
        java.util.Set<ArtifactChange> changes = new LinkedHashSet<>();
        byFile.forEach((file, replacements) -> changes.add(new ArtifactChange()
                .withArtifactLocation(artifact(file, ctx)).withReplacements(replacements)));
        PropertyBag props = new PropertyBag();
        props.setAdditionalProperty("applicability", fix.isSafe() ? "safe" : "suggestion");
        return new com.contrastsecurity.sarif.Fix()
                .withDescription(new Message().withText(fix.description()))
                .withArtifactChanges(changes)
                .withProperties(props);
    }

    private static ReportingDescriptor descriptor(RuleInfo info) {
        RulePage page = RulePage.load(info.id()).orElse(null);
        String full = page == null || page.why().isEmpty() ? info.summary() : page.why();
        String helpMarkdown = page == null ? info.summary() : page.markdown();
        return new ReportingDescriptor()
                .withId(info.id())
                .withName(info.name())
                .withShortDescription(new MultiformatMessageString().withText(info.summary()))
                .withFullDescription(new MultiformatMessageString().withText(full))
                .withHelp(new MultiformatMessageString().withText(helpMarkdown).withMarkdown(helpMarkdown))
                .withHelpUri(URI.create(RulePage.helpUri(info.id())))
                .withDefaultConfiguration(new ReportingConfiguration().withLevel(configLevel(info.severity())));
    }

    private static Location location(SourceLocation l, ReportContext ctx) {
        if (isLogical(l.file()) && !l.hasLine()) {
            return new Location().withLogicalLocations(new LinkedHashSet<>(List.of(
                    new LogicalLocation().withFullyQualifiedName(l.file()).withName(lastPart(l.file())))));
        }
        PhysicalLocation p = new PhysicalLocation().withArtifactLocation(artifact(l.file(), ctx));
        if (l.hasLine()) {
            Region region = new Region().withStartLine(l.line());
            if (l.column() > 0) {
                region.setStartColumn(l.column());
            }
            if (l.endLine() > l.line()) {
                region.setEndLine(l.endLine());
                if (l.endColumn() > 0) {
                    region.setEndColumn(l.endColumn());
                }
            } else if (l.endLine() == l.line() && l.column() > 0 && l.endColumn() > l.column()) {
                region.setEndLine(l.endLine());
                region.setEndColumn(l.endColumn());
            }
            p.setRegion(region);
        }
        return new Location().withPhysicalLocation(p);
    }

    /** Live-state names such as docker://host/network/x are not files. */
    static boolean isLogical(String file) {
        return file.matches("^[a-z][a-z0-9+.-]*://.*");
    }

    private static String lastPart(String name) {
        int slash = name.lastIndexOf('/');
        return slash >= 0 && slash < name.length() - 1 ? name.substring(slash + 1) : name;
    }

    /** Relative to %SRCROOT% when the file is under the working directory, else an absolute file URI. */
    static ArtifactLocation artifact(String file, ReportContext ctx) {
        Path p = Path.of(file);
        if (!p.isAbsolute() && !p.normalize().startsWith("..")) {
            return new ArtifactLocation().withUri(relativeUri(file)).withUriBaseId(SRCROOT);
        }
        return new ArtifactLocation().withUri(ctx.workingDirectory().resolve(p).toAbsolutePath().normalize()
                .toUri().toASCIIString());
    }

    static String relativeUri(String file) {
        try {
            return new URI(null, null, file.replace('\\', '/'), null).toASCIIString();
        } catch (URISyntaxException e) {
            return file.replace('\\', '/').replace(" ", "%20");
        }
    }

    private static String directoryUri(Path dir) {
        String uri = dir.toAbsolutePath().normalize().toUri().toASCIIString();
        return uri.endsWith("/") ? uri : uri + "/";
    }

    private static Result.Level level(Severity s) {
        return switch (s) {
            case ERROR -> Result.Level.ERROR;
            case WARNING -> Result.Level.WARNING;
            case NOTE -> Result.Level.NOTE;
        };
    }

    private static ReportingConfiguration.Level configLevel(Severity s) {
        return switch (s) {
            case ERROR -> ReportingConfiguration.Level.ERROR;
            case WARNING -> ReportingConfiguration.Level.WARNING;
            case NOTE -> ReportingConfiguration.Level.NOTE;
        };
    }

    /** "0.1.0-SNAPSHOT" is already semantic; anything else without digits is left out. */
    private static String semantic(String version) {
        return version != null && version.matches("\\d+\\.\\d+\\.\\d+([-+].*)?") ? version : null;
    }

    /**
     * java-sarif initialises optional members to placeholders (-1 indexes, empty sets, rank -1);
     * drop them so the log carries only what netlint says. {@code results} stays even when empty:
     * an empty list tells code scanning that every earlier alert is fixed.
     */
    private static void prune(JsonNode node, String name) {
        if (node instanceof ObjectNode o) {
            Iterator<Map.Entry<String, JsonNode>> it = o.properties().iterator();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode v = e.getValue();
                prune(v, e.getKey());
                boolean emptyContainer = (v.isArray() || v.isObject()) && v.isEmpty() && !e.getKey().equals("results");
                boolean placeholder = v.isNumber() && v.asDouble() == -1
                        && Set.of("index", "id", "charOffset", "byteOffset", "rank", "parentIndex").contains(e.getKey());
                boolean defaults = switch (e.getKey()) {
                    case "language" -> v.isTextual() && v.asText().equals("en-US");
                    case "isComprehensive" -> v.isBoolean() && !v.asBoolean();
                    case "contents", "newlineSequences" -> true;
                    case "kind" -> v.isTextual() && v.asText().equals("fail");
                    case "enabled" -> v.isBoolean() && v.asBoolean();
                    default -> false;
                };
                if (emptyContainer || placeholder || defaults) {
                    it.remove();
                }
            }
        } else if (node instanceof ArrayNode a) {
            for (JsonNode child : a) {
                prune(child, name);
            }
        }
    }
}
