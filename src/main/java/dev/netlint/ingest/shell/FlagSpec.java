package dev.netlint.ingest.shell;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The flags of one docker subcommand, parsed the way the docker CLI (spf13/pflag) does:
 * {@code --flag value}, {@code --flag=value}, {@code -f value}, {@code -fvalue} and bundles such as
 * {@code -dit} or {@code -dp 80:80}; {@code --} ends the flags.
 */
final class FlagSpec {
    /** canonical name → takes a value; aliases map to canonical names. */
    private final Map<String, Boolean> takesValue = new HashMap<>();
    private final Map<String, String> canonical = new HashMap<>();
    private final Map<Character, String> shorts = new HashMap<>();
    private final boolean interspersed;

    /** A parsed flag: its canonical name, the word that named it, and its value word (null for booleans). */
    record Flag(String name, ShellWord flagWord, ShellWord value) {
        String text() {
            return value == null ? "" : value.value();
        }
    }

    /** Flags and positional arguments; {@code opaque} when a word could not be classified. */
    record Parsed(List<Flag> flags, List<ShellWord> positionals, boolean opaque) {
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
    }

    /**
     * @param interspersed false for commands whose flags stop at the first positional (docker run:
     *                     everything after the image belongs to the container's command)
     */
    FlagSpec(boolean interspersed) {
        this.interspersed = interspersed;
    }

    /** Adds value-taking flags: "name" or "name|x" (with short letter x) or "alias>name". */
    FlagSpec values(String... specs) {
        return add(true, specs);
    }

    FlagSpec booleans(String... specs) {
        return add(false, specs);
    }

    private FlagSpec add(boolean value, String... specs) {
        for (String s : specs) {
            String name = s;
            String target = null;
            int gt = s.indexOf('>');
            if (gt > 0) {
                name = s.substring(0, gt);
                target = s.substring(gt + 1);
            }
            int bar = name.indexOf('|');
            Character shortName = null;
            if (bar > 0) {
                shortName = name.charAt(bar + 1);
                name = name.substring(0, bar);
            }
            String canon = target == null ? name : target;
            takesValue.put(canon, value);
            canonical.put(name, canon);
            if (shortName != null) {
                shorts.put(shortName, canon);
            }
        }
        return this;
    }

    Parsed parse(List<ShellWord> words, int from) {
        List<Flag> flags = new ArrayList<>();
        List<ShellWord> positionals = new ArrayList<>();
        boolean opaque = false;
        int i = from;
        boolean flagsDone = false;
        while (i < words.size()) {
            ShellWord w = words.get(i);
            String v = w.value();
            if (flagsDone) {
                positionals.add(w);
                i++;
                continue;
            }
            if (w.unknown() && v.startsWith("--") && v.indexOf('=') > 2) {
                // --subnet="$SUBNET": a known flag whose value is unknown
                String name = v.substring(2, v.indexOf('='));
                String canon = canonical.get(name);
                if (canon != null && takesValue.get(canon)) {
                    flags.add(new Flag(canon, w, new ShellWord(v.substring(v.indexOf('=') + 1), true, w.start(), w.end())));
                    i++;
                    continue;
                }
            }
            if (w.unknown()) {
                // could be one flag, several, or a positional: from here on we cannot be sure
                opaque = true;
                if (!interspersed) {
                    positionals.add(w);
                    flagsDone = true;
                } else {
                    positionals.add(w);
                }
                i++;
                continue;
            }
            if (v.equals("--")) {
                flagsDone = true;
                i++;
                continue;
            }
            if (v.startsWith("--") && v.length() > 2) {
                String body = v.substring(2);
                int eq = body.indexOf('=');
                String name = eq >= 0 ? body.substring(0, eq) : body;
                String canon = canonical.get(name);
                if (canon == null) {
                    opaque = true;
                    if (eq < 0 && i + 1 < words.size() && !words.get(i + 1).value().startsWith("-")
                            && !interspersed) {
                        // an unknown flag: it may take the next word; we cannot tell where the image is
                        i++;
                    }
                    i++;
                    continue;
                }
                if (takesValue.get(canon)) {
                    if (eq >= 0) {
                        String val = body.substring(eq + 1);
                        flags.add(new Flag(canon, w, new ShellWord(val, false, w.start(), w.end())));
                        i++;
                    } else if (i + 1 < words.size()) {
                        flags.add(new Flag(canon, w, words.get(i + 1)));
                        i += 2;
                    } else {
                        opaque = true;
                        i++;
                    }
                } else {
                    ShellWord val = eq >= 0 ? new ShellWord(body.substring(eq + 1), false, w.start(), w.end()) : null;
                    flags.add(new Flag(canon, w, val));
                    i++;
                }
                continue;
            }
            if (v.startsWith("-") && v.length() > 1) {
                int consumed = 1;
                for (int k = 1; k < v.length(); k++) {
                    String canon = shorts.get(v.charAt(k));
                    if (canon == null) {
                        opaque = true;
                        break;
                    }
                    if (takesValue.get(canon)) {
                        String rest = v.substring(k + 1);
                        if (rest.startsWith("=")) {
                            rest = rest.substring(1);
                        }
                        if (!rest.isEmpty()) {
                            flags.add(new Flag(canon, w, new ShellWord(rest, false, w.start(), w.end())));
                        } else if (i + 1 < words.size()) {
                            flags.add(new Flag(canon, w, words.get(i + 1)));
                            consumed = 2;
                        } else {
                            opaque = true;
                        }
                        break;
                    }
                    flags.add(new Flag(canon, w, null));
                }
                i += consumed;
                continue;
            }
            positionals.add(w);
            if (!interspersed) {
                flagsDone = true;
            }
            i++;
        }
        return new Parsed(flags, positionals, opaque);
    }
}
