package dev.netlint.engine;

import dev.netlint.model.Severity;
import dev.netlint.rules.Finding;
import dev.netlint.rules.input.TooManyFindings;
import dev.netlint.rules.RuleInfo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * At most N findings per file, then one NL005 finding that counts the rest: a small hostile file
 * with thousands of findings must not produce a report of hundreds of megabytes. The summary
 * takes the highest severity among the findings it replaces, so {@code --fail-on} decides as it
 * would have on the full list.
 */
public final class FindingsCap {
    private static final RuleInfo INFO = TooManyFindings.class.getAnnotation(RuleInfo.class);

    private FindingsCap() {
    }

    /** {@code sorted} (in {@link Finding#ORDER}) with each file's findings past {@code max} summed up. */
    public static List<Finding> apply(List<Finding> sorted, int max) {
        Map<String, List<Finding>> byFile = new LinkedHashMap<>();
        for (Finding f : sorted) {
            byFile.computeIfAbsent(f.location().file(), k -> new ArrayList<>()).add(f);
        }
        List<Finding> out = new ArrayList<>(sorted.size());
        for (List<Finding> file : byFile.values()) {
            if (file.size() <= max) {
                out.addAll(file);
                continue;
            }
            out.addAll(file.subList(0, max));
            List<Finding> rest = file.subList(max, file.size());
            Severity worst = Severity.NOTE;
            for (Finding f : rest) {
                if (f.severity().atLeast(worst)) {
                    worst = f.severity();
                }
            }
            Finding first = rest.get(0);
            out.add(new Finding(INFO.id(), INFO.name(), worst, rest.size() + " more finding"
                    + (rest.size() == 1 ? "" : "s") + " in this file (from here on) are not listed: at most " + max
                    + " per file are reported (--max-findings-per-file, maxFindingsPerFile in .netlint.yaml)",
                    first.location()));
        }
        return out;
    }
}
