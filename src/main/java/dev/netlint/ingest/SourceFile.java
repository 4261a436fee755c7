package dev.netlint.ingest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * An input file: its path on disk and the name reports use (as the user gave it, relative to the
 * working directory). Text is decoded strictly as UTF-8 on first use; JSON readers parse its bytes
 * as they are, with {@link #contentBytes()}.
 */
public final class SourceFile {
    /** Files larger than this are not read: a configuration file this size is a mistake. */
    public static final long MAX_BYTES = 10L * 1024 * 1024;

    private final Path path;
    private final String displayName;
    private final ScanRoot root;
    private String text;

    /** A file checked against (and remembered by) {@code root}: see {@link ScanRoot}. */
    public SourceFile(Path path, String displayName, ScanRoot root) {
        this.path = path;
        this.displayName = displayName;
        this.root = root;
    }

    /** A file whose root is its own directory: a link out of that directory is not followed. */
    public SourceFile(Path path, String displayName) {
        this(path, displayName, ScanRoot.of(parentOf(path)));
    }

    private static Path parentOf(Path path) {
        Path parent = path.toAbsolutePath().normalize().getParent();
        return parent == null ? path.toAbsolutePath() : parent;
    }

    public ScanRoot root() {
        return root;
    }

    /**
     * The file {@code name} in this file's directory (an override, a .env, the main compose file),
     * under the same root, when it exists and may be read.
     */
    public Optional<SourceFile> sibling(String name, String displayName) {
        Path p = path.resolveSibling(name);
        return root != null && root.readable(p) ? Optional.of(new SourceFile(p, displayName, root)) : Optional.empty();
    }

    /** For tests and in-memory inputs. */
    public static SourceFile ofText(String displayName, String text) {
        SourceFile f = new SourceFile(Path.of(displayName), displayName, null);
        f.text = text;
        return f;
    }

    public Path path() {
        return path;
    }

    public String displayName() {
        return displayName;
    }

    public String fileName() {
        Path n = path.getFileName();
        return n == null ? displayName : n.toString();
    }

    /** The whole text, strictly decoded. Throws {@link InputException} for binary or non-UTF-8 content. */
    public String text() throws InputException {
        if (text == null) {
            text = decode(readBytes());
            root.remember(displayName, text);
        }
        return text;
    }

    /**
     * The file's bytes, for readers that decode as they parse (Jackson reads the array in place:
     * no stream, no second buffer), in {@code scratch} when they fit it. The caller owns the array
     * only until it reads the next file into the same scratch.
     */
    public FileBytes contentBytes(byte[] scratch) throws IOException {
        if (text != null) {
            return FileBytes.of(text.getBytes(StandardCharsets.UTF_8));
        }
        FileBytes bytes = readBytesOrThrow(scratch);
        // Not decoded here: the reader decodes as it streams, and the run keeps large texts by checksum.
        root.rememberStreamed(displayName, path, bytes);
        return bytes;
    }

    /** The first bytes, for content sniffing, without reading the whole file. */
    public byte[] head(int n) throws IOException {
        if (text != null) {
            byte[] all = text.getBytes(StandardCharsets.UTF_8);
            return java.util.Arrays.copyOf(all, Math.min(n, all.length));
        }
        return root.read(path, Math.max(0, n - 1));
    }

    public long size() throws IOException {
        if (text != null) {
            return text.length();
        }
        java.util.Optional<String> refused = root.refusal(path);
        if (refused.isPresent()) {
            throw new IOException(refused.get());
        }
        return Files.size(path.toAbsolutePath().toRealPath());
    }

    private byte[] readBytes() throws InputException {
        try {
            return readBytesOrThrow(null).exact();
        } catch (TooLarge e) {
            throw new InputException(1, 1, e.getMessage());
        } catch (IOException e) {
            throw new InputException(0, 0, "cannot read: " + e.getMessage());
        }
    }

    private static final class TooLarge extends IOException {
        TooLarge(String message) {
            super(message);
        }
    }

    /** The bytes, through the root's checks; the size limit holds even where the size is not known in advance. */
    private FileBytes readBytesOrThrow(byte[] scratch) throws IOException {
        FileBytes bytes = root.read(path, MAX_BYTES, scratch);
        if (bytes.length() > MAX_BYTES) {
            long size = Files.size(path.toAbsolutePath().toRealPath());
            throw new TooLarge("file is " + Math.max(size, bytes.length()) / (1024 * 1024) + " MiB, over the "
                    + MAX_BYTES / (1024 * 1024) + " MiB limit for one input; it was not read");
        }
        return bytes;
    }

    static String decode(byte[] bytes) throws InputException {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                int[] lc = lineColumnOf(bytes, i);
                throw new InputException(lc[0], lc[1], "binary content (a NUL byte); this is not a text file");
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            String s = decoder.decode(in).toString();
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        } catch (CharacterCodingException e) {
            int[] lc = lineColumnOf(bytes, in.position());
            throw new InputException(lc[0], lc[1], "invalid UTF-8 near byte " + in.position()
                    + "; save the file as UTF-8");
        }
    }

    private static int[] lineColumnOf(byte[] bytes, int offset) {
        int line = 1;
        int col = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return new int[] {line, col};
    }
}
