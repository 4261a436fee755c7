package dev.netlint.ingest.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * The CLI's "did you mean" hints for an unknown flag, apart from the parser: they are worked out for
 * every unknown flag, and shown only when the command is refused.
 */
final class FlagSuggestions {
    private FlagSuggestions() {
    }

    /** A close long name for an unknown {@code --name}, or its shorthand when the name is one letter. */
    static String suggestLong(FlagSpec spec, String name) {
        CliFlag best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (CliFlag f : spec.flags()) {
            if (f.hidden() || f.deprecated() != null) {
                continue;
            }
            int d = distance(name, f.name());
            if (d < bestDistance) {
                best = f;
                bestDistance = d;
            }
        }
        int limit = Math.max(1, name.length() / 3);
        if (best != null && bestDistance <= limit) {
            return "did you mean --" + best.name() + "?";
        }
        if (name.length() == 1 && spec.shorthand(name.charAt(0)) != null) {
            return "did you mean -" + name + "?";
        }
        return null;
    }

    /**
     * A close flag for an unknown shorthand: a single-dash long name ({@code -subnet}), or the letter in
     * the other case or a key beside it ({@code -i} for {@code -o}) when that flag would read what
     * follows the same way.
     */
    static String suggestShort(FlagSpec spec, char c, String shorthands, List<ShellWord> words, int nextIndex) {
        if (shorthands.length() > 1) {
            String longName = shorthands.contains("=") ? shorthands.substring(0, shorthands.indexOf('='))
                    : shorthands;
            CliFlag f = spec.flag(longName);
            if (f != null) {
                return "did you mean --" + f.name() + "?";
            }
        }
        List<CliFlag> candidates = new ArrayList<>();
        char other = Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c);
        CliFlag otherCase = spec.shorthand(other);
        if (otherCase != null) {
            candidates.add(otherCase);
        }
        for (char n : Keyboard.neighbours(c)) {
            CliFlag f = spec.shorthand(n);
            if (f != null && !candidates.contains(f) && !f.hidden()) {
                candidates.add(f);
            }
        }
        // a neighbour counts only when it would read what follows the same way (a value or none)
        boolean valueFollows = shorthands.length() > 1
                || nextIndex < words.size() && !words.get(nextIndex).value().startsWith("-");
        return candidates.stream().filter(f -> f.takesValue() == valueFollows).findFirst()
                .map(f -> "did you mean -" + f.shorthand() + "?").orElse(null);
    }

    /** Edit distance with adjacent transpositions (optimal string alignment), for "did you mean". */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /** The keys left and right of a letter on a QWERTY keyboard, for typo suggestions. */
    static final class Keyboard {
        private static final String[] ROWS = {"1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm"};

        private Keyboard() {
        }

        static List<Character> neighbours(char c) {
            char lower = Character.toLowerCase(c);
            List<Character> out = new ArrayList<>();
            for (int r = 0; r < ROWS.length; r++) {
                int col = ROWS[r].indexOf(lower);
                if (col < 0) {
                    continue;
                }
                addAt(out, r, col - 1);
                addAt(out, r, col + 1);
            }
            return out;
        }

        private static void addAt(List<Character> out, int row, int col) {
            if (row >= 0 && row < ROWS.length && col >= 0 && col < ROWS[row].length()) {
                out.add(ROWS[row].charAt(col));
            }
        }
    }
}
