package dev.netlint.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * The one place netlint opens input files: the directory tree being scanned, and the texts read
 * from it. A file is read only when its real path (every symbolic link resolved) is a regular
 * file under the root; a link that leads out of the tree, to a device, a FIFO or {@code /proc} is
 * refused with a message naming the link, never its target. Every file that was read and decoded
 * is remembered here, so reports print source lines from the bytes that were linted instead of
 * reading the path again.
 */
public final class ScanRoot {
    private final Path root;
    private final LintedTexts texts;

    private ScanRoot(Path root, LintedTexts texts) {
        this.root = root;
        this.texts = texts;
    }

    /** A root at {@code dir} (resolved to its real path) with a fresh record of texts. */
    public static ScanRoot of(Path dir) {
        return new ScanRoot(realDirectory(dir), new LintedTexts());
    }

    /** Another root that shares this one's record of texts (one run, several scanned paths). */
    public ScanRoot at(Path dir) {
        return new ScanRoot(realDirectory(dir), texts);
    }

    private static Path realDirectory(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        try {
            return abs.toRealPath();
        } catch (IOException e) {
            return abs;
        }
    }

    public Path root() {
        return root;
    }

    /** Decoded texts of the files read under this run's roots, by display name. */
    public LintedTexts texts() {
        return texts;
    }

    /** Why {@code path} may not be read, or empty when it may: a regular file whose real path is under the root. */
    public Optional<String> refusal(Path path) {
        return refusal(path, false);
    }

    /** The same for a file or, with {@code directory}, a directory to walk. */
    public Optional<String> refusal(Path path, boolean directory) {
        Path real;
        try {
            real = path.toAbsolutePath().toRealPath();
        } catch (NoSuchFileException e) {
            return Optional.of(Files.isSymbolicLink(path) ? "a symbolic link to nothing; not followed" : "no such file");
        } catch (IOException | SecurityException e) {
            return Optional.of("cannot resolve: " + e.getClass().getSimpleName());
        }
        if (!real.startsWith(root)) {
            return Optional.of("a symbolic link that leads out of the scanned directory; not followed");
        }
        try {
            BasicFileAttributes a = Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (directory ? !a.isDirectory() : !a.isRegularFile()) {
                return Optional.of("not a regular file; not read");
            }
        } catch (IOException e) {
            return Optional.of("cannot read its attributes");
        }
        return Optional.empty();
    }

    /** Whether {@code path} exists and may be read (for optional siblings: .env, override, main file). */
    public boolean readable(Path path) {
        return Files.exists(path, LinkOption.NOFOLLOW_LINKS) && refusal(path).isEmpty();
    }

    /**
     * At most {@code max + 1} bytes of {@code path} (the caller tells "too large" from the extra
     * byte), read from its real path without following a link swapped in since the check.
     */
    public byte[] read(Path path, long max) throws IOException {
        return read(path, max, null).exact();
    }

    /**
     * The same, into {@code reuse} when the file fits it (a reader's scratch array, so a fleet's
     * dumps do not each leave a dump-sized array behind), else into a new array of the file's size.
     */
    public FileBytes read(Path path, long max, byte[] reuse) throws IOException {
        Optional<String> refused = refusal(path);
        if (refused.isPresent()) {
            throw new IOException(refused.get());
        }
        Path real = path.toAbsolutePath().toRealPath();
        int limit = (int) Math.min(Integer.MAX_VALUE - 8, max + 1);
        try (InputStream in = Files.newInputStream(real, LinkOption.NOFOLLOW_LINKS)) {
            // Read into an array of the file's size: readNBytes collects chunks and copies them, which
            // doubles the garbage of a fleet's worth of dumps. The size is a hint; the stream decides.
            int hint = (int) Math.min(limit, Files.size(real));
            byte[] buf = reuse != null && reuse.length >= hint ? reuse : new byte[hint];
            int n = in.readNBytes(buf, 0, Math.min(buf.length, limit));
            if (n == limit || n < buf.length) {
                return new FileBytes(buf, n);
            }
            byte[] rest = in.readNBytes(limit - n);
            if (rest.length == 0) {
                return new FileBytes(buf, n);
            }
            byte[] all = java.util.Arrays.copyOf(buf, n + rest.length);
            System.arraycopy(rest, 0, all, n, rest.length);
            return new FileBytes(all, all.length);
        }
    }

    /** An input stream on {@code path}, after the same check. */
    public InputStream open(Path path) throws IOException {
        Optional<String> refused = refusal(path);
        if (refused.isPresent()) {
            throw new IOException(refused.get());
        }
        return Files.newInputStream(path.toAbsolutePath().toRealPath(), LinkOption.NOFOLLOW_LINKS);
    }

    void remember(String displayName, String text) {
        texts.remember(displayName, text);
    }

    void rememberStreamed(String displayName, Path path, FileBytes bytes) {
        texts.rememberStreamed(displayName, this, path, bytes);
    }
}
