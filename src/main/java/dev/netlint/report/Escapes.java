package dev.netlint.report;

/**
 * Making untrusted text (source lines, names, messages that quote the input) safe to print on a
 * terminal and in a CI log. A pull request controls that text: it must not move the cursor, change
 * the terminal's title, or become a GitHub Actions workflow command ({@code ::add-mask::},
 * {@code ::stop-commands::}, {@code ::error}, the legacy {@code ##[warning]}).
 */
public final class Escapes {
    private Escapes() {
    }

    /**
     * Control characters shown, not sent: C0 and DEL as {@code \xHH}, C1, line and paragraph
     * separators and bidirectional overrides as {@code \}{@code uHHHH}, CR and LF as {@code \n};
     * tabs stay (carets line up under them); {@code ##[} becomes {@code ##\[}.
     */
    public static String text(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '\r' || c == '\n') {
                out.append("\\n");
                if (c == '\r' && i + 1 < n && s.charAt(i + 1) == '\n') {
                    i++;
                }
            } else if ((c < 0x20 && c != '\t') || c == 0x7f) {
                out.append(String.format("\\x%02x", (int) c));
            } else if ((c >= 0x80 && c <= 0x9f) || isInvisibleFormat(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else if (c == '#' && s.startsWith("##[", i)) {
                out.append("##\\[");
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * One whole output line: a line whose first non-blank characters are {@code ::} gets a
     * backslash before them. The runner trims leading white space before it looks for a command,
     * so an indented source echo counts too. {@code ##[} anywhere is broken up as well.
     */
    public static String line(String s) {
        int i = 0;
        while (i < s.length() && isBlank(s.charAt(i))) {
            i++;
        }
        String out = s.startsWith("::", i) ? s.substring(0, i) + "\\" + s.substring(i) : s;
        return out.replace("##[", "##\\[");
    }

    /** For workflow command data: ESC and every other control character except tab removed. */
    public static String stripControls(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean control = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f)
                    || isInvisibleFormat(c);
            if (!control) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** White space as the runner's TrimStart() sees it (.NET's char.IsWhiteSpace), a superset of Java's. */
    private static boolean isBlank(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == 0x85 || c == 0xa0;
    }

    /** Line/paragraph separators and bidirectional controls ("Trojan Source"). */
    private static boolean isInvisibleFormat(char c) {
        return c == 0x2028 || c == 0x2029 || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)
                || c == 0x200e || c == 0x200f || c == 0x061c;
    }
}
