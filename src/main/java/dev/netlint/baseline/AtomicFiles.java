package dev.netlint.baseline;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file so that readers see either the old content or the whole new content, never a
 * part: the text goes to a temporary file in the same directory, is forced to disk, and is then
 * renamed over the target with {@code ATOMIC_MOVE}. On any failure the temporary file is removed
 * and the target is left as it was.
 */
public final class AtomicFiles {
    /** Writes the content; may fail half-way. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Writer out) throws IOException;
    }

    /** The final rename; replaceable so tests can interrupt a write between writing and moving. */
    @FunctionalInterface
    public interface Mover {
        void move(Path from, Path to) throws IOException;
    }

    public static final Mover ATOMIC_RENAME = (from, to) -> {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot replace " + to + " atomically on this file system: " + e.getMessage(), e);
        }
    };

    private AtomicFiles() {
    }

    public static void write(Path target, Content content) throws IOException {
        write(target, content, ATOMIC_RENAME);
    }

    public static void write(Path target, Content content, Mover mover) throws IOException {
        Path abs = target.toAbsolutePath().normalize();
        Path dir = abs.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IOException("directory " + dir + " does not exist");
        }
        if (Files.isDirectory(abs)) {
            throw new IOException(target + " is a directory");
        }
        Path tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
        boolean done = false;
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                 OutputStream os = Channels.newOutputStream(ch);
                 Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8)) {
                content.writeTo(w);
                w.flush();
                ch.force(true);
            }
            keepPermissions(abs, tmp);
            mover.move(tmp, abs);
            done = true;
        } finally {
            if (!done) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /** A replaced file keeps its mode (an executable script stays executable). */
    private static void keepPermissions(Path existing, Path replacement) throws IOException {
        if (!Files.isRegularFile(existing, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Files.setPosixFilePermissions(replacement, Files.getPosixFilePermissions(existing));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the platform's defaults apply
        }
    }
}
