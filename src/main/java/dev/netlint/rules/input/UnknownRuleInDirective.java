package dev.netlint.rules.input;

import dev.netlint.ingest.Directives;
import dev.netlint.model.Severity;
import dev.netlint.rules.DirectiveRule;
import dev.netlint.rules.FindingSink;
import dev.netlint.rules.RuleInfo;

import java.util.Locale;
import java.util.Map;

@RuleInfo(id = "NL002", name = "unknown-rule-in-directive", severity = Severity.WARNING,
        summary = "A netlint disable directive names a rule id that does not exist, so it suppresses nothing.")
public final class UnknownRuleInDirective implements DirectiveRule {
    @Override
    public void checkDirectives(Context context, FindingSink out) {
        for (Directives.Directive d : context.directives()) {
            for (String id : d.ids()) {
                if (context.knownRules().containsKey(id)) {
                    continue;
                }
                out.report(this, d.locationOf(id), message(id, context.knownRules()));
            }
        }
    }

    private static String message(String id, Map<String, String> known) {
        for (Map.Entry<String, String> e : known.entrySet()) {
            if (e.getValue().equalsIgnoreCase(id)) {
                return "'" + id.toLowerCase(Locale.ROOT) + "' is a rule name, but directives take rule ids:"
                        + " write " + e.getKey() + " instead";
            }
        }
        if (!id.matches("NL\\d{3}")) {
            return "'" + id + "' is not a rule id (ids are NL and three digits, such as NL101), so this"
                    + " directive suppresses nothing for it; `netlint rules` lists the ids";
        }
        return "no rule has the id " + id + ", so this directive suppresses nothing for it;"
                + " `netlint rules` lists the ids";
    }
}
