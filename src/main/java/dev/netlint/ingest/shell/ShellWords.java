package dev.netlint.ingest.shell;

import org.treesitter.TSNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Quote removal and variable expansion of the words of a shell syntax tree: a word's value is
 * known when it is literal or expands only variables whose value is known; anything else
 * ($(...), ${X:-d}, $1, ...) is unknown.
 */
final class ShellWords {
    private final ShellTree tree;
    /** The parser's known variables, read as they stand when each word is expanded. */
    private final Map<String, String> variables;

    ShellWords(ShellTree tree, Map<String, String> variables) {
        this.tree = tree;
        this.variables = variables;
    }

    /** The words one argument node becomes: unquoted known expansions split on blanks. */
    List<ShellWord> arguments(TSNode n) {
        int s = n.getStartByte();
        int e = n.getEndByte();
        String t = n.getType();
        Value v = expand(n, false, 0);
        boolean bareExpansion = t.equals("simple_expansion") || t.equals("expansion");
        if (bareExpansion && !v.unknown) {
            List<ShellWord> out = new ArrayList<>();
            for (String part : v.text.trim().split("[ \t\n]+")) {
                if (!part.isEmpty()) {
                    out.add(new ShellWord(part, false, s, e));
                }
            }
            return out;
        }
        return List.of(new ShellWord(v.unknown ? tree.textOf(n) : v.text, v.unknown, s, e));
    }

    record Value(String text, boolean unknown) {
        static final Value UNKNOWN = new Value("", true);
    }

    /** The value of a word; {@code quoted}: inside double quotes. */
    Value expand(TSNode n, boolean quoted, int depth) {
        if (depth > 50) {
            return Value.UNKNOWN;
        }
        String t = n.getType();
        switch (t) {
            case "word", "number", "command_name" -> {
                if (t.equals("command_name")) {
                    List<TSNode> named = tree.namedChildNodes(n);
                    if (!named.isEmpty()) {
                        return expand(named.get(0), quoted, depth + 1);
                    }
                }
                return new Value(unescape(tree.textOf(n), false), false);
            }
            case "raw_string" -> {
                String r = tree.textOf(n);
                return new Value(r.length() >= 2 ? r.substring(1, r.length() - 1) : "", false);
            }
            case "string", "concatenation", "translated_string" -> {
                StringBuilder b = new StringBuilder();
                boolean inString = t.equals("string") || quoted;
                for (TSNode c : tree.childNodes(n)) {
                    String ct = c.getType();
                    if (ct.equals("\"") || ct.equals("$\"")) {
                        continue;
                    }
                    if (ct.equals("string_content")) {
                        b.append(unescape(tree.textOf(c), true));
                        continue;
                    }
                    Value v = expand(c, inString, depth + 1);
                    if (v.unknown) {
                        return Value.UNKNOWN;
                    }
                    b.append(v.text);
                }
                return new Value(b.toString(), false);
            }
            case "simple_expansion" -> {
                TSNode name = null;
                for (TSNode c : tree.namedChildNodes(n)) {
                    if (c.getType().equals("variable_name")) {
                        name = c;
                    }
                }
                return name == null ? Value.UNKNOWN : lookup(tree.textOf(name));
            }
            case "expansion" -> {
                // only ${NAME}: anything with an operator (${X:-d}, ${#X}, ${X/a/b}) is unknown
                List<TSNode> cs = tree.childNodes(n);
                if (cs.size() == 3 && cs.get(1).getType().equals("variable_name")) {
                    return lookup(tree.textOf(cs.get(1)));
                }
                return Value.UNKNOWN;
            }
            default -> {
                return Value.UNKNOWN;
            }
        }
    }

    private Value lookup(String name) {
        String v = variables.get(name);
        return v == null ? Value.UNKNOWN : new Value(v, false);
    }

    /** Removes backslash escapes: any character unquoted, inside double quotes only $ ` " \ and newline. */
    private static String unescape(String s, boolean doubleQuoted) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() && (!doubleQuoted || "$`\"\\\n".indexOf(s.charAt(i + 1)) >= 0)) {
                char next = s.charAt(++i);
                if (next != '\n') {
                    b.append(next);
                }
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
