package dev.netlint.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32C;

/**
 * The texts a run linted, by display name, read-only to everyone but {@link ScanRoot}. A small text
 * is kept as it is. A large input that was streamed (an inspect dump) keeps only its length and
 * checksum: a fleet's dumps would otherwise be held in memory a second time, though reports print
 * lines from few of them. Asked for, such a text is read again and given only if the bytes are
 * still the ones linted; a file changed since reads as absent, like one that was never text.
 */
public final class LintedTexts extends AbstractMap<String, String> {
    /** Streamed inputs at least this large are remembered by checksum. */
    static final int DIGEST_FROM_BYTES = 64 * 1024;

    /** A String, or a {@link Digest} of a large input. */
    private final Map<String, Object> entries = Collections.synchronizedMap(new LinkedHashMap<>());

    private record Digest(ScanRoot root, Path path, int length, long crc) {
        String reread() {
            try {
                byte[] bytes = root.read(path, SourceFile.MAX_BYTES);
                return bytes.length == length && crcOf(bytes, bytes.length) == crc ? SourceFile.decode(bytes) : null;
            } catch (IOException | InputException e) {
                return null;
            }
        }
    }

    void remember(String displayName, String text) {
        entries.put(displayName, text);
    }

    /** Remembers streamed bytes: the text when small, else enough to recognise the bytes again. */
    void rememberStreamed(String displayName, ScanRoot root, Path path, FileBytes bytes) {
        if (bytes.length() < DIGEST_FROM_BYTES) {
            try {
                entries.put(displayName, SourceFile.decode(bytes.exact()));
            } catch (InputException e) {
                // not text: the reader says why; no source line will be printed for it
            }
        } else {
            entries.put(displayName, new Digest(root, path, bytes.length(), crcOf(bytes.array(), bytes.length())));
        }
    }

    private static long crcOf(byte[] bytes, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, length);
        return crc.getValue();
    }

    @Override
    public String get(Object displayName) {
        Object v = entries.get(displayName);
        return v instanceof Digest d ? d.reread() : (String) v;
    }

    @Override
    public boolean containsKey(Object displayName) {
        return get(displayName) != null;
    }

    /** Every text, large ones read again (for callers that copy them all, such as the live probe). */
    @Override
    public Set<Entry<String, String>> entrySet() {
        Set<Entry<String, String>> out = new LinkedHashSet<>();
        for (String name : names()) {
            String text = get(name);
            if (text != null) {
                out.add(new SimpleImmutableEntry<>(name, text));
            }
        }
        return Collections.unmodifiableSet(out);
    }

    private Set<String> names() {
        synchronized (entries) {
            return new LinkedHashSet<>(entries.keySet());
        }
    }
}
