package dev.netlint.ingest;

import java.util.Locale;

/**
 * How the shell blocks of a document relate. SEQUENTIAL: one session, run in order (tutorials,
 * READMEs): a later block sees what earlier ones created. INDEPENDENT: each block is an example
 * that stands alone and starts from an empty daemon (reference pages). UNSPECIFIED: neither was
 * said; blocks run in order, but a block that creates a name again is read as an alternative
 * ("Option B") rather than a duplicate.
 */
public enum DocumentOrder {
    SEQUENTIAL, INDEPENDENT, UNSPECIFIED;

    /**
     * The default for a file: under a {@code reference}/{@code references} directory or named
     * {@code *reference*}: independent; {@code README*} or {@code *tutorial*} (name or directory):
     * sequential; anything else unspecified.
     */
    public static DocumentOrder byName(String displayName) {
        String path = displayName.replace('\\', '/').toLowerCase(Locale.ROOT);
        String[] parts = path.split("/");
        String file = parts[parts.length - 1];
        for (int i = 0; i < parts.length - 1; i++) {
            if (parts[i].equals("reference") || parts[i].equals("references")) {
                return INDEPENDENT;
            }
        }
        if (file.contains("reference")) {
            return INDEPENDENT;
        }
        if (file.startsWith("readme") || path.contains("tutorial")) {
            return SEQUENTIAL;
        }
        return UNSPECIFIED;
    }
}
