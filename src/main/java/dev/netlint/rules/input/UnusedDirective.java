package dev.netlint.rules.input;

import dev.netlint.ingest.Directives;
import dev.netlint.model.Severity;
import dev.netlint.rules.DirectiveRule;
import dev.netlint.rules.FindingSink;
import dev.netlint.rules.RuleInfo;

@RuleInfo(id = "NL003", name = "unused-directive", severity = Severity.WARNING,
        summary = "A netlint disable directive suppressed no finding (reported only with --report-unused-disables).")
public final class UnusedDirective implements DirectiveRule {
    @Override
    public void checkDirectives(Context context, FindingSink out) {
        if (!context.reportUnused()) {
            return;
        }
        for (Directives.Directive d : context.directives()) {
            for (String id : d.ids()) {
                // Unknown ids are NL002's; a rule that did not run cannot have been suppressed.
                if (!context.knownRules().containsKey(id) || !context.rulesRun().contains(id) || d.used().contains(id)) {
                    continue;
                }
                out.report(this, d.locationOf(id), message(d, id));
            }
        }
    }

    private static String message(Directives.Directive d, String id) {
        String scope;
        if (d.fileWide()) {
            scope = "in this file";
        } else if (d.fromLine() == d.toLine()) {
            scope = "on line " + d.fromLine();
        } else {
            scope = "on lines " + d.fromLine() + "-" + d.toLine();
        }
        return "this directive suppresses " + id + ", but no " + id + " finding was reported " + scope
                + "; remove " + id + " from the directive";
    }
}
