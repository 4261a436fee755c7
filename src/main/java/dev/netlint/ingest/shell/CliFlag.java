package dev.netlint.ingest.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One flag of a docker CLI command, as docker/cli declares it (see {@link DockerFlags}).
 *
 * @param name       long name, without dashes
 * @param shorthand  one-letter shorthand, or 0 when it has none
 * @param type       how pflag reads the value
 * @param hidden     hidden from help but accepted ({@code --net}, {@code --dns-opt})
 * @param deprecated accepted with a warning (the release that deprecated it), or null
 * @param minApi     the API version the CLI requires of the daemon for it (its "version" annotation), or null
 * @param since      the CLI release that added it after 20.10, or null when 20.10.24 has it
 * @param osType     the daemon OS it is limited to ("windows"), or null
 * @param experimental whether the CLI requires an experimental daemon for it
 * @param storesAs   the flag whose value this one shares ({@code --net} stores into {@code --network}), or null
 */
record CliFlag(String name, char shorthand, Type type, boolean hidden, String deprecated, String minApi,
               String since, String osType, boolean experimental, String storesAs) {

    /** The name netlint reads the value under: the flag it shares storage with, else its own. */
    String canonical() {
        return storesAs == null ? name : storesAs;
    }

    /** pflag value kinds. Booleans take no separate value word; the others take one. */
    enum Type {
        BOOL, STRING, INT, INT64, UINT16, UINT32, UINT64, DURATION,
        /** a custom single value (bytes, CPUs, quoted path) */
        VALUE,
        /** repeatable, one value a use (opts.ListOpts and similar) */
        LIST,
        /** repeatable key[=value] (opts.MapOpts) */
        MAP,
        /** repeatable, and each use splits on commas (pflag StringSlice, IPNetSlice) */
        SLICE;

        boolean repeatable() {
            return this == LIST || this == MAP || this == SLICE;
        }
    }

    boolean takesValue() {
        return type != Type.BOOL;
    }

    /** How pflag names the flag in "invalid argument" messages: {@code -d, --detach} or {@code --rm}. */
    String display() {
        return shorthand != 0 ? "-" + shorthand + ", --" + name : "--" + name;
    }

    /**
     * Reads a table: one flag a line, {@code name short type [attribute...]}; short is {@code -} when
     * the flag has none; attributes are {@code hidden}, {@code deprecated=REL}, {@code api=V},
     * {@code since=REL}, {@code os=OS}, {@code experimental}, {@code as=FLAG} (shares FLAG's value).
     * Blank lines and {@code #} comments are skipped.
     */
    static List<CliFlag> table(String rows) {
        List<CliFlag> out = new ArrayList<>();
        for (String line : rows.split("\n")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            String[] f = l.split("\\s+");
            if (f.length < 3 || !(f[1].equals("-") || f[1].length() == 1)) {
                throw new IllegalArgumentException("bad flag row: " + l);
            }
            boolean hidden = false;
            boolean experimental = false;
            String deprecated = null;
            String api = null;
            String since = null;
            String os = null;
            String as = null;
            for (int k = 3; k < f.length; k++) {
                String a = f[k];
                int eq = a.indexOf('=');
                String key = eq < 0 ? a : a.substring(0, eq);
                String val = eq < 0 ? null : a.substring(eq + 1);
                switch (key) {
                    case "hidden" -> hidden = true;
                    case "experimental" -> experimental = true;
                    case "deprecated" -> deprecated = val == null ? "" : val;
                    case "api" -> api = val;
                    case "since" -> since = val;
                    case "os" -> os = val;
                    case "as" -> as = val;
                    default -> throw new IllegalArgumentException("bad flag attribute " + a + " in: " + l);
                }
            }
            out.add(new CliFlag(f[0], f[1].equals("-") ? 0 : f[1].charAt(0),
                    Type.valueOf(f[2].toUpperCase(Locale.ROOT)), hidden, deprecated, api, since, os, experimental, as));
        }
        return out;
    }
}
