package dev.netlint.ingest.compose;

import java.util.function.Function;

/**
 * Compose's variable interpolation: {@code $VAR}, {@code ${VAR}}, {@code ${VAR:-default}},
 * {@code ${VAR-default}}, {@code ${VAR:?message}}, {@code ${VAR?message}}, {@code ${VAR:+alt}},
 * {@code ${VAR+alt}} and {@code $$} for a literal dollar, with defaults interpolated in turn.
 *
 * <p>Where Compose would substitute a blank for an unset variable (or stop with the
 * {@code :?}/{@code ?} message), netlint cannot know the value the file will get when it is
 * deployed: the result is <em>unknown</em>. A default written in the file is what Compose uses,
 * so it is used here too.
 */
final class Interpolator {
    /** The outcome: the value, or unknown (then {@code value} is the raw text), or a syntax error. */
    record Result(String value, boolean unknown, String error) {
        static Result known(String v) {
            return new Result(v, false, null);
        }
    }

    private final Function<String, String> lookup;

    /** {@code lookup} gives a variable's value, or null when it is not set. */
    Interpolator(Function<String, String> lookup) {
        this.lookup = lookup;
    }

    Result apply(String raw) {
        if (raw == null || raw.indexOf('$') < 0) {
            return Result.known(raw);
        }
        State st = new State();
        String out = substitute(raw, st, 0);
        if (st.error != null) {
            return new Result(raw, true, st.error);
        }
        return st.unknown ? new Result(raw, true, null) : Result.known(out);
    }

    private static final class State {
        boolean unknown;
        String error;
    }

    private String substitute(String s, State st, int depth) {
        if (depth > 20) {
            st.error = "variable defaults nested more than 20 deep";
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c != '$' || i + 1 >= n) {
                out.append(c);
                i++;
                continue;
            }
            char d = s.charAt(i + 1);
            if (d == '$') {
                out.append('$');
                i += 2;
            } else if (isNameStart(d)) {
                int j = i + 2;
                while (j < n && isNameChar(s.charAt(j))) {
                    j++;
                }
                String v = lookup.apply(s.substring(i + 1, j));
                if (v == null) {
                    st.unknown = true;
                } else {
                    out.append(v);
                }
                i = j;
            } else if (d == '{') {
                int close = closingBrace(s, i);
                if (close < 0) {
                    st.error = "invalid interpolation format: \"" + s.substring(i) + "\" has no closing brace";
                    return "";
                }
                out.append(braced(s.substring(i + 2, close), st, depth));
                if (st.error != null) {
                    return "";
                }
                i = close + 1;
            } else {
                // Compose leaves a '$' that starts no variable as it is.
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private String braced(String inner, State st, int depth) {
        int j = 0;
        if (inner.isEmpty() || !isNameStart(inner.charAt(0))) {
            st.error = "invalid interpolation format: \"${" + inner + "}\" (a variable name starts with a letter or _)";
            return "";
        }
        while (j < inner.length() && isNameChar(inner.charAt(j))) {
            j++;
        }
        String name = inner.substring(0, j);
        String rest = inner.substring(j);
        String value = lookup.apply(name);
        if (rest.isEmpty()) {
            if (value == null) {
                st.unknown = true;
                return "";
            }
            return value;
        }
        boolean colon = rest.charAt(0) == ':';
        String op = colon ? rest.substring(1) : rest;
        if (op.isEmpty() || "-?+".indexOf(op.charAt(0)) < 0) {
            st.error = "invalid interpolation format: \"${" + inner + "}\" (expected :-, -, :?, ?, :+ or + after the name)";
            return "";
        }
        char kind = op.charAt(0);
        String arg = op.substring(1);
        boolean unsetOrEmpty = value == null || (colon && value.isEmpty());
        switch (kind) {
            case '-':
                return unsetOrEmpty ? substitute(arg, st, depth + 1) : value;
            case '?':
                if (unsetOrEmpty) {
                    // A deliberate requirement of the file's author: the value will exist at deploy time.
                    st.unknown = true;
                    return "";
                }
                return value;
            default: // '+'
                if (value == null) {
                    st.unknown = true;
                    return "";
                }
                return unsetOrEmpty ? "" : substitute(arg, st, depth + 1);
        }
    }

    /** The index of the '}' closing the "${" at {@code start}, counting nested "${", as Compose does. */
    private static int closingBrace(String s, int start) {
        int open = 0;
        for (int i = start; i < s.length(); i++) {
            if (s.charAt(i) == '}') {
                open--;
                if (open == 0) {
                    return i;
                }
            }
            if (s.startsWith("${", i)) {
                open++;
                i++;
            }
        }
        return -1;
    }

    private static boolean isNameStart(char c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isNameChar(char c) {
        return isNameStart(c) || (c >= '0' && c <= '9');
    }
}
