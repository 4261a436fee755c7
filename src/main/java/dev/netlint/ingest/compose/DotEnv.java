package dev.netlint.ingest.compose;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The {@code .env} file Compose reads for interpolation, parsed by Compose's rules:
 * {@code KEY=VALUE} (or {@code KEY: VALUE}), an optional {@code export } prefix, {@code #} comment
 * lines, {@code " #"} starting a comment after an unquoted value, single quotes taken literally,
 * double quotes with escapes ({@code \n}, {@code \t}, {@code \"}, {@code \\}, {@code \$}),
 * quoted values spanning lines, a bare {@code KEY} taken from the environment, and
 * {@code ${VAR}} expanded in unquoted and double-quoted values.
 */
final class DotEnv {
    /** A line the parser cannot read: Compose refuses the .env file. */
    static final class SyntaxError extends Exception {
        final int line;

        SyntaxError(int line, String message) {
            super(message);
            this.line = line;
        }
    }

    private DotEnv() {
    }

    /**
     * Parses {@code text}; {@code environment} is the process environment (it wins over earlier
     * keys when a value refers to a variable). Values whose variables cannot be resolved are left out.
     */
    static Map<String, String> parse(String text, Map<String, String> environment) throws SyntaxError {
        return parse(text, environment::get);
    }

    /** The same, with the environment as a lookup (null: not set). */
    static Map<String, String> parse(String text, Function<String, String> environment) throws SyntaxError {
        Map<String, String> out = new LinkedHashMap<>();
        Function<String, String> lookup = k -> {
            String v = environment.apply(k);
            return v != null ? v : out.get(k);
        };
        Interpolator interpolator = new Interpolator(lookup);
        String src = text.replace("\r\n", "\n");
        int pos = 0;
        int line = 1;
        while (pos < src.length()) {
            int eol = src.indexOf('\n', pos);
            if (eol < 0) {
                eol = src.length();
            }
            String current = src.substring(pos, eol);
            String trimmed = current.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                pos = eol + 1;
                line++;
                continue;
            }
            int start = pos + (current.length() - current.stripLeading().length());
            if (src.startsWith("export", start) && start + 6 < src.length()
                    && (src.charAt(start + 6) == ' ' || src.charAt(start + 6) == '\t')) {
                start += 6;
                while (start < eol && (src.charAt(start) == ' ' || src.charAt(start) == '\t')) {
                    start++;
                }
            }
            int k = start;
            while (k < eol && src.charAt(k) != '=' && src.charAt(k) != ':') {
                char c = src.charAt(k);
                if (!(Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-' || c == '[' || c == ']'
                        || c == ' ' || c == '\t')) {
                    throw new SyntaxError(line, "unexpected character '" + c + "' in variable name \""
                            + current.strip() + "\"");
                }
                k++;
            }
            String key = src.substring(start, k).strip();
            if (key.isEmpty()) {
                throw new SyntaxError(line, "a line with no variable name: \"" + current.strip() + "\"");
            }
            if (k >= eol) {
                // A bare KEY: inherited from the environment when set there.
                String inherited = environment.apply(key);
                if (inherited != null) {
                    out.put(key, inherited);
                }
                pos = eol + 1;
                line++;
                continue;
            }
            int v = k + 1;
            while (v < src.length() && (src.charAt(v) == ' ' || src.charAt(v) == '\t')) {
                v++;
            }
            char q = v < src.length() ? src.charAt(v) : '\n';
            if (q == '"' || q == '\'') {
                StringBuilder chars = new StringBuilder();
                boolean escape = false;
                int i = v + 1;
                int startLine = line;
                for (; i < src.length(); i++) {
                    char c = src.charAt(i);
                    if (c == '\n') {
                        line++;
                    }
                    if (c != q) {
                        if (!escape && c == '\\') {
                            escape = true;
                            continue;
                        }
                        if (escape) {
                            escape = false;
                            chars.append('\\');
                        }
                        chars.append(c);
                        continue;
                    }
                    if (escape) {
                        escape = false;
                        chars.append(c);
                        continue;
                    }
                    break;
                }
                if (i >= src.length()) {
                    throw new SyntaxError(startLine, "unterminated quoted value for " + key);
                }
                String value = chars.toString();
                if (q == '"') {
                    Interpolator.Result r = interpolator.apply(expandEscapes(value));
                    if (!r.unknown()) {
                        out.put(key, r.value());
                    }
                } else {
                    out.put(key, value);
                }
                int next = src.indexOf('\n', i);
                pos = next < 0 ? src.length() : next + 1;
                line++;
                continue;
            }
            String value = src.substring(v, eol);
            int comment = value.indexOf(" #");
            if (comment >= 0) {
                value = value.substring(0, comment);
            }
            value = value.stripTrailing();
            Interpolator.Result r = interpolator.apply(value);
            if (!r.unknown()) {
                out.put(key, r.value());
            }
            pos = eol + 1;
            line++;
        }
        return out;
    }

    private static String expandEscapes(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) {
                out.append(c);
                continue;
            }
            char d = s.charAt(++i);
            switch (d) {
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case '$' -> out.append("$$");
                default -> out.append(d);
            }
        }
        return out.toString();
    }
}
