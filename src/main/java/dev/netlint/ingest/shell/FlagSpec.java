package dev.netlint.ingest.shell;

import java.util.ArrayList;
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

    List<CliFlag> flags() {
        return List.copyOf(byName.values());
    }

    CliFlag flag(String name) {
        return byName.get(name);
    }

    CliFlag shorthand(char c) {
        return byShorthand.get(c);
    }

    /** The flags in table order, without the copy {@link #flags()} makes. */
    Collection<CliFlag> declared() {
        return Collections.unmodifiableCollection(byName.values());
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
        Parser p = new Parser(words, shownPath);
        p.countable = !template;
        return p.run(from);
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

    private final class Parser {
        private final List<ShellWord> words;
        private final String shownPath;
        private final List<Flag> flags = new ArrayList<>();
        private final List<ShellWord> positionals = new ArrayList<>();
        private boolean opaque;
        /** False once a word may stand for any number of words: from there on nothing is certain. */
        private boolean certain = true;
        private boolean help;
        private int firstPositional = -1;
        /** False when placeholders stand for an unknown number of arguments. */
        private boolean countable = true;

        Parser(List<ShellWord> words, String shownPath) {
            this.words = words;
            this.shownPath = shownPath;
        }

        Parsed run(int from) {
            int i = from;
            boolean flagsDone = false;
            while (i < words.size()) {
                ShellWord w = words.get(i);
                if (flagsDone) {
                    positional(w, i);
                    i++;
                    continue;
                }
                if (w.unknown()) {
                    if (knownFlagUnknownValue(w)) {
                        i++;
                        continue;
                    }
                    opaque = true;
                    if (!singleWord(w)) {
                        certain = false;
                    }
                    positional(w, i);
                    flagsDone = !interspersed;
                    i++;
                    continue;
                }
                String v = w.value();
                if (v.length() < 2 || v.charAt(0) != '-') {
                    positional(w, i);
                    flagsDone = !interspersed;
                    i++;
                    continue;
                }
                if (v.equals("--")) {
                    flagsDone = true;
                    i++;
                    continue;
                }
                Refusal r;
                int[] next = {i + 1};
                r = v.startsWith("--") ? longFlag(w, next) : shortFlags(w, next);
                if (r != null) {
                    if (certain && complete) {
                        return done(r);
                    }
                    opaque = true; // an unread flag after an unquoted $OPTS, or one this table does not list
                    if (!interspersed && r.message().startsWith("unknown flag") && !v.contains("=")
                            && next[0] < words.size() && !words.get(next[0]).value().startsWith("-")) {
                        next[0]++; // it may take the next word: the image cannot be told apart
                    }
                }
                i = next[0];
            }
            Refusal r = null;
            if (certain && countable && positionals.stream().noneMatch(FlagSpec::placeholder)) {
                String m = args.refuse(shownPath, positionals.size());
                if (m != null) {
                    r = new Refusal(m, null, null);
                }
            }
            Flag h = lastOf("help");
            help = h != null && Boolean.TRUE.equals(h.bool());
            return done(help ? null : r);
        }

        private Parsed done(Refusal r) {
            return new Parsed(List.copyOf(flags), List.copyOf(positionals), opaque, help && r == null, r,
                    firstPositional);
        }

        private Flag lastOf(String name) {
            Flag last = null;
            for (Flag f : flags) {
                if (f.name().equals(name)) {
                    last = f;
                }
            }
            return last;
        }

        private void positional(ShellWord w, int index) {
            if (firstPositional < 0) {
                firstPositional = index;
            }
            positionals.add(w);
        }

        /** {@code --subnet="$SUBNET"}: a known flag whose value is unknown. */
        private boolean knownFlagUnknownValue(ShellWord w) {
            String v = w.value();
            int eq = v.indexOf('=');
            if (!v.startsWith("--") || eq <= 2) {
                return false;
            }
            CliFlag f = byName.get(v.substring(2, eq));
            if (f == null || !f.takesValue()) {
                return false;
            }
            add(f, w, new ShellWord(v.substring(eq + 1), true, w.start(), w.end()));
            return true;
        }

        private Refusal longFlag(ShellWord w, int[] next) {
            String s = w.value();
            String name = s.substring(2);
            if (name.charAt(0) == '-' || name.charAt(0) == '=') {
                return new Refusal("bad flag syntax: " + s, null, w);
            }
            int eq = name.indexOf('=');
            String value = eq >= 0 ? name.substring(eq + 1) : null;
            name = eq >= 0 ? name.substring(0, eq) : name;
            CliFlag f = byName.get(name);
            if (f == null) {
                return new Refusal("unknown flag: --" + name, FlagSuggestions.suggestLong(FlagSpec.this, name), w);
            }
            if (value != null) {
                return set(f, w, new ShellWord(value, false, w.start(), w.end()));
            }
            if (!f.takesValue()) {
                return set(f, w, null);
            }
            if (next[0] < words.size()) {
                ShellWord val = words.get(next[0]);
                next[0]++;
                return set(f, w, val);
            }
            return new Refusal("flag needs an argument: " + s, null, w);
        }

        private Refusal shortFlags(ShellWord w, int[] next) {
            String shorthands = w.value().substring(1);
            while (!shorthands.isEmpty()) {
                char c = shorthands.charAt(0);
                CliFlag f = byShorthand.get(c);
                if (f == null) {
                    return new Refusal("unknown shorthand flag: " + quoteChar(c) + " in -" + shorthands,
                            FlagSuggestions.suggestShort(FlagSpec.this, c, shorthands, words, next[0]), w);
                }
                if (shorthands.length() > 2 && shorthands.charAt(1) == '=') {
                    Refusal r = set(f, w, new ShellWord(shorthands.substring(2), false, w.start(), w.end()));
                    shorthands = "";
                    if (r != null) {
                        return r;
                    }
                } else if (!f.takesValue()) {
                    set(f, w, null);
                    shorthands = shorthands.substring(1);
                } else if (shorthands.length() > 1) {
                    set(f, w, new ShellWord(shorthands.substring(1), false, w.start(), w.end()));
                    shorthands = "";
                } else if (next[0] < words.size()) {
                    set(f, w, words.get(next[0]));
                    next[0]++;
                    shorthands = "";
                } else {
                    return new Refusal("flag needs an argument: " + quoteChar(c) + " in -" + shorthands, null, w);
                }
            }
            return null;
        }

        /** Records a flag; a boolean given a value that is no Go boolean is refused as pflag does. */
        private Refusal set(CliFlag f, ShellWord flagWord, ShellWord value) {
            if (!f.takesValue() && value != null && !value.unknown() && parseBool(value.value()) == null) {
                return new Refusal("invalid argument \"" + value.value() + "\" for \"" + f.display()
                        + "\" flag: strconv.ParseBool: parsing \"" + value.value() + "\": invalid syntax", null,
                        flagWord);
            }
            add(f, flagWord, value);
            return null;
        }

        private void add(CliFlag f, ShellWord flagWord, ShellWord value) {
            if (f.type() == CliFlag.Type.SLICE && value != null && !value.unknown()) {
                // pflag's string slices read each use as comma-separated values
                for (String part : value.value().split(",", -1)) {
                    if (!part.isEmpty()) {
                        flags.add(new Flag(f.canonical(), flagWord,
                                new ShellWord(part, false, value.start(), value.end())));
                    }
                }
                return;
            }
            flags.add(new Flag(f.canonical(), flagWord, value));
        }
    }

    /** Go's %q of a byte: 'i', or an escape for quotes, backslashes and control characters. */
    static String quoteChar(char c) {
        return switch (c) {
            case '\'' -> "'\\''";
            case '\\' -> "'\\\\'";
            case '\n' -> "'\\n'";
            case '\t' -> "'\\t'";
            default -> c < 0x20 || c == 0x7f ? String.format("'\\x%02x'", (int) c) : "'" + c + "'";
        };
    }
}
