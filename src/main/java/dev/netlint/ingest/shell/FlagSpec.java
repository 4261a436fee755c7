package dev.netlint.ingest.shell;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One docker CLI command: its flag table ({@link DockerFlags}) and how many positional arguments it
 * takes, parsed the way docker/cli does with spf13/pflag v1.0.5 and cobra: {@code --flag value},
 * {@code --flag=value}, {@code -f value}, {@code -fvalue}, {@code -f=value}, bundles such as {@code -dit}
 * or {@code -dp 80:80}, booleans that take a value only after {@code =}, {@code --} ending the flags,
 * and, for run/create, flags that stop at the image. A mistake pflag or cobra refuses becomes a
 * {@link Refusal} with the CLI's own message; the command then does nothing.
 *
 * <p>Words whose value is only known at run time: a known {@code --flag="$X"} is that flag with an
 * unknown value; any other such word makes the parse {@code opaque}. A quoted one ({@code "$X"}) is one
 * word; an unquoted one ({@code $OPTS}) may be any number of words, so nothing after it can be refused.
 */
final class FlagSpec {
    /** How many positional arguments cobra accepts (cli.NoArgs, cli.ExactArgs, cli.RequiresMinArgs). */
    record Args(int min, int max) {
        static final Args ANY = new Args(0, Integer.MAX_VALUE);
        static final Args NONE = new Args(0, 0);

        static Args exactly(int n) {
            return new Args(n, n);
        }

        static Args atLeast(int n) {
            return new Args(n, Integer.MAX_VALUE);
        }

        /** The CLI's message for {@code count} arguments, or null when it accepts them. */
        String refuse(String path, int count) {
            if (count >= min && count <= max) {
                return null;
            }
            if (max == 0) {
                return "\"" + path + "\" accepts no arguments.";
            }
            if (min == max) {
                return "\"" + path + "\" requires exactly " + min + " " + plural(min) + ".";
            }
            if (max == Integer.MAX_VALUE) {
                return "\"" + path + "\" requires at least " + min + " " + plural(min) + ".";
            }
            return "\"" + path + "\" requires at most " + max + " " + plural(max) + ".";
        }

        private static String plural(int n) {
            return n == 1 ? "argument" : "arguments";
        }
    }

    /** A parsed flag: its canonical name, the word that named it, and its value word (null for a bare boolean). */
    record Flag(String name, ShellWord flagWord, ShellWord value) {
        String text() {
            return value == null ? "" : value.value();
        }

        /** A boolean flag's value: true when bare; Go's strconv.ParseBool otherwise; null when unknown. */
        Boolean bool() {
            if (value == null) {
                return Boolean.TRUE;
            }
            return value.unknown() ? null : parseBool(value.value());
        }
    }

    /**
     * What the CLI says when it refuses the command: its message (first line of its stderr), a
     * suggestion ("did you mean -o?") or null, and the word it is about (null: the command as a whole).
     */
    record Refusal(String message, String hint, ShellWord at) { }

    /**
     * Flags and positional arguments. {@code opaque} when a word could not be classified;
     * {@code help} when --help/-h makes the CLI print usage and do nothing else;
     * {@code refusal} when the CLI refuses the command.
     */
    record Parsed(List<Flag> flags, List<ShellWord> positionals, boolean opaque, boolean help, Refusal refusal,
                  int firstPositional) {
        List<Flag> all(String name) {
            return flags.stream().filter(f -> f.name().equals(name)).toList();
        }

        Flag last(String name) {
            List<Flag> a = all(name);
            return a.isEmpty() ? null : a.get(a.size() - 1);
        }

        boolean has(String name) {
            return !all(name).isEmpty();
        }

        /** Whether the command runs: the CLI neither refuses it nor only prints its help. */
        boolean runs() {
            return refusal == null && !help;
        }
    }

    private static final Set<String> TRUE = Set.of("1", "t", "T", "TRUE", "true", "True");
    private static final Set<String> FALSE = Set.of("0", "f", "F", "FALSE", "false", "False");

    private final String path;
    private final boolean interspersed;
    private final Args args;
    private final boolean complete;
    private final Map<String, CliFlag> byName = new LinkedHashMap<>();
    private final Map<Character, CliFlag> byShorthand = new LinkedHashMap<>();

    /**
     * @param path         the command as the CLI names it ("docker network create")
     * @param interspersed false for commands whose flags stop at the first positional (run, create)
     * @param complete     whether the table lists every flag of the command: only then is an unknown
     *                     flag refused (otherwise it makes the parse opaque)
     * @param table        the flags, in {@link CliFlag#table} form
     */
    FlagSpec(String path, boolean interspersed, Args args, boolean complete, String table) {
        this.path = path;
        this.interspersed = interspersed;
        this.args = args;
        this.complete = complete;
        for (CliFlag f : CliFlag.table(table)) {
            if (byName.put(f.name(), f) != null || f.shorthand() != 0 && byShorthand.put(f.shorthand(), f) != null) {
                throw new IllegalArgumentException(path + ": flag defined twice: " + f.name());
            }
        }
    }

    String path() {
        return path;
    }

    boolean interspersed() {
        return interspersed;
    }

    Args args() {
        return args;
    }

    boolean complete() {
        return complete;
    }

    /** The flags in table order. */
    Collection<CliFlag> flags() {
        return Collections.unmodifiableCollection(byName.values());
    }

    CliFlag flag(String name) {
        return byName.get(name);
    }

    CliFlag shorthand(char c) {
        return byShorthand.get(c);
    }

    Parsed parse(List<ShellWord> words, int from) {
        return parse(words, from, path);
    }

    /** Parses {@code words[from..]}; {@code shownPath} is the command as written ("docker container run"). */
    Parsed parse(List<ShellWord> words, int from, String shownPath) {
        return parse(words, from, shownPath, false);
    }

    /**
     * @param template the line holds placeholders the shell does not pass on as words
     *                 ({@code <network-name>} reads as a redirection): its argument count is not judged
     */
    Parsed parse(List<ShellWord> words, int from, String shownPath, boolean template) {
        return new FlagParser(this, words, shownPath, !template).run(from);
    }

    /** A documentation placeholder standing for arguments: {@code [OPTIONS]}, {@code ...}, {@code {name}}. */
    static boolean placeholder(ShellWord w) {
        return !w.unknown() && PLACEHOLDER.matcher(w.value()).matches();
    }

    private static final java.util.regex.Pattern PLACEHOLDER =
            java.util.regex.Pattern.compile("\\.\\.\\.|.*\\.\\.\\.\\]?|\\[.+]|\\{.+}|<.+>");

    /** Go's strconv.ParseBool, or null when it fails. */
    static Boolean parseBool(String s) {
        if (TRUE.contains(s)) {
            return Boolean.TRUE;
        }
        return FALSE.contains(s) ? Boolean.FALSE : null;
    }

    /** Whether an unknown word stands for exactly one word: quoted, and not "$@" or "${a[@]}". */
    static boolean singleWord(ShellWord w) {
        String v = w.value();
        return !v.isEmpty() && (v.charAt(0) == '"' || v.charAt(0) == '\'') && !v.contains("@");
    }
}
