package dev.netlint.model;


import java.util.List;

/**
 * A change that resolves a finding: edits to the bytes of the input, by region. Rules describe an
 * edit by the value as written ({@link Edit#replace}); the engine then pins it to the exact
 * characters of the linted text, so reporters and {@code --fix} work on exact regions.
 */
public record Fix(String description, Applicability applicability, List<Edit> edits) {

    /**
     * SAFE fixes change nothing but the spelling of what the daemon already does, and {@code --fix}
     * applies them. SUGGESTION fixes may change intent (a subnet moved, ports dropped): they are
     * shown, and only {@code --fix-unsafe} applies them.
     */
    public enum Applicability { SAFE, SUGGESTION }

    public Fix {
        edits = List.copyOf(edits);
    }

    public static Fix safe(String description, Edit... edits) {
        return new Fix(description, Applicability.SAFE, List.of(edits));
    }

    public static Fix suggestion(String description, Edit... edits) {
        return new Fix(description, Applicability.SUGGESTION, List.of(edits));
    }

    public boolean isSafe() {
        return applicability == Applicability.SAFE;
    }

    /** How reports mention the fix: what it does, and the flag that applies it. */
    public String mention() {
        return isSafe() ? "Fix: " + description + " (netlint --fix)."
                : "Suggestion: " + description + " (netlint --fix-unsafe applies it).";
    }

    /**
     * Replace {@code expected} with {@code replacement}. Before resolution {@code region} is where
     * the value was written (it may include quotes or a {@code --flag=} prefix), and
     * {@code wholeLines} asks to remove the region's lines entirely; after resolution the region
     * covers exactly {@code expected} (end exclusive, 1-based, possibly ending at column 1 of the
     * line after).
     */
    public record Edit(SourceLocation region, String expected, String replacement, boolean wholeLines,
                       java.util.regex.Pattern precededBy) {

        public Edit(SourceLocation region, String expected, String replacement, boolean wholeLines) {
            this(region, expected, replacement, wholeLines, null);
        }

        /** The value {@code written} somewhere inside {@code where} becomes {@code replacement}. */
        public static Edit replace(SourceLocation where, String written, String replacement) {
            return new Edit(where, written, replacement, false);
        }

        /** Removes the lines {@code where} spans (a list entry), including their line ends. */
        public static Edit deleteLines(SourceLocation where) {
            return new Edit(where, null, "", true);
        }

        /** Removes {@code written} (and the blanks after it) from inside {@code where}. */
        public static Edit delete(SourceLocation where, String written) {
            return new Edit(where, written, "", false);
        }

        /**
         * Removes {@code written} together with the text just before it that {@code flag} matches
         * (a pattern ending at the value, e.g. {@code -p } or {@code --publish=}); no fix when it does not.
         */
        public static Edit deleteWithFlag(SourceLocation where, String written, java.util.regex.Pattern flag) {
            return new Edit(where, written, "", false, flag);
        }
    }
}
