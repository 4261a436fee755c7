package dev.netlint.rules;

import dev.netlint.ingest.Directives;
import dev.netlint.model.Model;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A rule about the inline suppression directives themselves ({@code # netlint disable=...}).
 * The engine runs these after every other rule, when it is known which directives were used.
 * They see nothing of the model.
 */
public interface DirectiveRule extends Rule {

    /**
     * What a directive rule may read: every directive, the id → name of every rule netlint knows,
     * the ids of the rules that ran, and whether the user asked for unused directives.
     */
    record Context(List<Directives.Directive> directives, Map<String, String> knownRules, Set<String> rulesRun,
                   boolean reportUnused) {
    }

    void checkDirectives(Context context, FindingSink out);

    @Override
    default void check(Model model, FindingSink out) {
        // Directive rules have nothing to check in the model; see checkDirectives.
    }
}
