package dev.netlint.rules.input;

import dev.netlint.model.Model;
import dev.netlint.model.Severity;
import dev.netlint.rules.FindingSink;
import dev.netlint.rules.Rule;
import dev.netlint.rules.RuleInfo;

/**
 * The summary the engine writes when a file has more findings than the per-file limit
 * ({@code --max-findings-per-file}): it checks nothing in the model, it carries the metadata of
 * that summary (see {@link dev.netlint.engine.FindingsCap}).
 */
@RuleInfo(id = "NL005", name = "too-many-findings", severity = Severity.NOTE,
        summary = "A file has more findings than the per-file limit; the rest are counted, not listed.")
public final class TooManyFindings implements Rule {
    @Override
    public void check(Model model, FindingSink out) {
        // Written by the engine after every rule has run: only then is the count known.
    }
}
