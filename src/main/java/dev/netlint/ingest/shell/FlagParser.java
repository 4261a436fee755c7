package dev.netlint.ingest.shell;

import dev.netlint.ingest.shell.FlagSpec.Flag;
import dev.netlint.ingest.shell.FlagSpec.Parsed;
import dev.netlint.ingest.shell.FlagSpec.Refusal;
import java.util.ArrayList;
import java.util.List;

/**
 * One parse of a command's words against its {@link FlagSpec}, as pflag and cobra read them; single use.
 * Apart from the spec so that the tables stay immutable and the parse state lives only for one command.
 */
final class FlagParser {
    private final FlagSpec spec;
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
    private final boolean countable;

    FlagParser(FlagSpec spec, List<ShellWord> words, String shownPath, boolean countable) {
        this.spec = spec;
        this.words = words;
        this.shownPath = shownPath;
        this.countable = countable;
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
                if (!FlagSpec.singleWord(w)) {
                    certain = false;
                }
                positional(w, i);
                flagsDone = !spec.interspersed();
                i++;
                continue;
            }
            String v = w.value();
            if (v.length() < 2 || v.charAt(0) != '-') {
                positional(w, i);
                flagsDone = !spec.interspersed();
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
                if (certain && spec.complete()) {
                    return done(r);
                }
                opaque = true; // an unread flag after an unquoted $OPTS, or one this table does not list
                if (!spec.interspersed() && r.message().startsWith("unknown flag") && !v.contains("=")
                        && next[0] < words.size() && !words.get(next[0]).value().startsWith("-")) {
                    next[0]++; // it may take the next word: the image cannot be told apart
                }
            }
            i = next[0];
        }
        Refusal r = null;
        if (certain && countable && positionals.stream().noneMatch(FlagSpec::placeholder)) {
            String m = spec.args().refuse(shownPath, positionals.size());
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
        CliFlag f = spec.flag(v.substring(2, eq));
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
        CliFlag f = spec.flag(name);
        if (f == null) {
            return new Refusal("unknown flag: --" + name, FlagSuggestions.suggestLong(spec, name), w);
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
            CliFlag f = spec.shorthand(c);
            if (f == null) {
                return new Refusal("unknown shorthand flag: " + quoteChar(c) + " in -" + shorthands,
                        FlagSuggestions.suggestShort(spec, c, shorthands, words, next[0]), w);
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
        if (!f.takesValue() && value != null && !value.unknown() && FlagSpec.parseBool(value.value()) == null) {
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
