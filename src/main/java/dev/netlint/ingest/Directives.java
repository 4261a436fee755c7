package dev.netlint.ingest;

import dev.netlint.model.SourceLocation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Inline suppressions written as {@code # netlint disable=NL101,NL203} (the next line, or the block
 * that line opens) and {@code # netlint disable-file=NL101} (the whole file). A directive at the end
 * of a line of code applies to that line.
 */
public final class Directives {
    private static final Pattern DIRECTIVE = Pattern.compile(
            "#\\s*netlint\\s+(disable|disable-file)\\s*=\\s*([A-Za-z0-9_,\\s-]+?)\\s*$");
    private static final Pattern ID_TOKEN = Pattern.compile("[^,\\s]+");

    /** One directive: which ids, which lines of which file. */
    public static final class Directive {
        private final SourceLocation location;
        private final Set<String> ids;
        private final int fromLine;
        private final int toLine;
        private final boolean fileWide;
        private final Set<String> used = new LinkedHashSet<>();
        private final java.util.Map<String, SourceLocation> idLocations;

        Directive(SourceLocation location, java.util.Map<String, SourceLocation> idLocations, int fromLine, int toLine,
                  boolean fileWide) {
            this.location = location;
            this.idLocations = idLocations;
            this.ids = idLocations.keySet();
            this.fromLine = fromLine;
            this.toLine = toLine;
            this.fileWide = fileWide;
        }

        public SourceLocation location() { return location; }
        public Set<String> ids() { return ids; }
        public boolean fileWide() { return fileWide; }
        public Set<String> used() { return used; }
        /** Where each id is written inside the comment, for findings about one id of the directive. */
        public SourceLocation locationOf(String id) { return idLocations.getOrDefault(id, location); }
        /** First and last line the directive covers (the whole file for disable-file). */
        public int fromLine() { return fromLine; }
        public int toLine() { return toLine; }

        boolean covers(String file, int line, String ruleId) {
            return location.file().equals(file) && ids.contains(ruleId)
                    && (fileWide || (line >= fromLine && line <= toLine));
        }
    }

    private final List<Directive> all = new ArrayList<>();
    private final Set<String> scanned = new java.util.HashSet<>();

    /** Scans a file whose comments start with '#' (YAML, shell, Markdown shell blocks). */
    public void scanHashComments(String file, String text) {
        if (!scanned.add(file)) {
            return; // a file read twice (a compose override and its main file) has its directives once
        }
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int hash = lines[i].indexOf("netlint");
            if (hash < 0) {
                continue;
            }
            int start = lines[i].lastIndexOf('#', hash);
            if (start < 0) {
                continue;
            }
            Matcher m = DIRECTIVE.matcher(lines[i].substring(start));
            if (!m.find() || m.start() != 0) {
                continue;
            }
            int lineNo = i + 1;
            java.util.Map<String, SourceLocation> ids = new java.util.LinkedHashMap<>();
            Matcher idm = ID_TOKEN.matcher(m.group(2));
            while (idm.find()) {
                int col = start + m.start(2) + idm.start() + 1;
                ids.putIfAbsent(idm.group().toUpperCase(Locale.ROOT),
                        SourceLocation.of(file, lineNo, col, lineNo, col + idm.group().length()));
            }
            SourceLocation where = SourceLocation.of(file, lineNo, start + 1, lineNo, lines[i].length() + 1);
            if (m.group(1).equals("disable-file")) {
                all.add(new Directive(where, ids, 1, Integer.MAX_VALUE, true));
            } else if (!lines[i].substring(0, start).isBlank()) {
                all.add(new Directive(where, ids, lineNo, lineNo, false));
            } else {
                int[] block = nextBlock(lines, i + 1);
                all.add(new Directive(where, ids, block[0], block[1], false));
            }
        }
    }

    /** The next line of content, and the lines after it that are indented deeper or continue it. */
    private static int[] nextBlock(String[] lines, int from) {
        int first = from;
        while (first < lines.length && (lines[first].isBlank() || lines[first].trim().startsWith("#"))) {
            first++;
        }
        if (first >= lines.length) {
            return new int[] {from + 1, from + 1};
        }
        int indent = indentOf(lines[first]);
        int last = first;
        boolean continued = lines[first].stripTrailing().endsWith("\\");
        for (int j = first + 1; j < lines.length; j++) {
            if (lines[j].isBlank() || lines[j].trim().startsWith("#")) {
                continue;
            }
            if (continued || indentOf(lines[j]) > indent) {
                last = j;
                continued = lines[j].stripTrailing().endsWith("\\");
            } else {
                break;
            }
        }
        return new int[] {first + 1, last + 1};
    }

    private static int indentOf(String line) {
        int n = 0;
        while (n < line.length() && (line.charAt(n) == ' ' || line.charAt(n) == '\t')) {
            n++;
        }
        return n;
    }

    /** True when a directive covers this finding; the directive is then marked as used. */
    public boolean suppresses(SourceLocation location, String ruleId) {
        return suppresses(location, ruleId, new String[0]);
    }

    /**
     * True when a directive covers this finding by the rule's id or by one of its former ids
     * ({@code formerIds}, the rule's aliases): old suppressions keep working after ids merge.
     */
    public boolean suppresses(SourceLocation location, String ruleId, String... formerIds) {
        boolean hit = false;
        for (Directive d : all) {
            if (d.covers(location.file(), location.line(), ruleId)) {
                d.used.add(ruleId);
                hit = true;
            }
            for (String former : formerIds) {
                if (d.covers(location.file(), location.line(), former)) {
                    d.used.add(former);
                    hit = true;
                }
            }
        }
        return hit;
    }

    public List<Directive> all() {
        return all;
    }
}
