package dev.netlint.cli;

import dev.netlint.report.RulePage;
import dev.netlint.model.Fix;
import dev.netlint.rules.Rule;
import dev.netlint.rules.RuleInfo;
import dev.netlint.rules.RuleRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code netlint rules [ID]}: the rule table, or one rule's page. */
@Command(name = "rules", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "List every rule (id, severity, name, summary), or print the page of one rule.")
public final class RulesCommand implements Callable<Integer> {
    @ParentCommand
    NetlintCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID", arity = "0..1", description = "A rule id (NL101) or name (ip-range-outside-subnet).")
    String id;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<Rule> rules = parent.rules().stream().sorted(Comparator.comparing(r -> r.info().id())).toList();
        if (id == null) {
            table(rules, out);
            out.flush();
            return NetlintCommand.EXIT_OK;
        }
        List<Rule> found = RuleRegistry.resolve(rules, id);
        Optional<Rule> rule = found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        boolean former = !found.isEmpty() && !found.get(0).info().id().equalsIgnoreCase(id.trim())
                && !found.get(0).info().name().equalsIgnoreCase(id.trim());
        if (former) {
            out.println(id.trim().toUpperCase(Locale.ROOT) + " is a former id: it became " + String.join(", ",
                    found.stream().map(r -> r.info().id() + " (" + r.info().name() + ")").toList())
                    + ". Directives, --disable/--enable, .netlint.yaml and baselines still accept it.");
            if (found.size() > 1) {
                out.flush();
                return NetlintCommand.EXIT_OK;
            }
            out.println();
        }
        if (rule.isEmpty()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("netlint: unknown rule '" + id + "' (`netlint rules` lists them)");
            err.flush();
            return NetlintCommand.EXIT_USAGE;
        }
        RuleInfo info = rule.get().info();
        Optional<RulePage> page = RulePage.load(info.id());
        if (page.isPresent()) {
            out.print(page.get().markdown());
            if (!page.get().markdown().endsWith("\n")) {
                out.println();
            }
        } else {
            out.println("# " + info.id() + " " + info.name());
            out.println("Severity: " + info.severity().label());
            out.println(info.summary());
        }
        out.flush();
        return NetlintCommand.EXIT_OK;
    }

    private static void table(List<Rule> rules, PrintWriter out) {
        int nameWidth = "NAME".length();
        for (Rule r : rules) {
            nameWidth = Math.max(nameWidth, r.info().name().length());
        }
        String format = "%-6s  %-8s  %-7s  %-" + nameWidth + "s  %s%n";
        out.printf(Locale.ROOT, format, "ID", "SEVERITY", "FIX", "NAME", "SUMMARY");
        for (Rule r : rules) {
            RuleInfo i = r.info();
            out.printf(Locale.ROOT, format, i.id(), i.severity().label(), fixMarker(i), i.name(), i.summary());
        }
        out.println();
        out.println("FIX: 'fix' = netlint --fix applies it; 'suggest' = a suggestion that --fix-unsafe applies.");
    }

    /** "fix" when the rule has a safe fix, "suggest" when it has only suggestions, else blank. */
    static String fixMarker(RuleInfo info) {
        List<Fix.Applicability> kinds = List.of(info.fixes());
        return kinds.contains(Fix.Applicability.SAFE) ? "fix"
                : kinds.contains(Fix.Applicability.SUGGESTION) ? "suggest" : "";
    }
}
