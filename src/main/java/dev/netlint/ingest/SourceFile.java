package dev.netlint.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An input file: its path on disk and the name reports use (as the user gave it, relative to the
 * working directory). Text is decoded strictly as UTF-8 on first use; large JSON readers stream
 * with {@link #openStream()} instead.
 */
public final class SourceFile {
    /** Files larger than this are not read: a configuration file this size is a mistake. */
    public static final long MAX_BYTES = 10L * 1024 * 1024;

    private final Path path;
    private final String displayName;
    private String text;

    public SourceFile(Path path, String displayName) {
        this.path = path;
        this.displayName = displayName;
    }

    /** For tests and in-memory inputs. */
    public static SourceFile ofText(String displayName, String text) {
        SourceFile f = new SourceFile(Path.of(displayName), displayName);
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
        }
        return text;
    }

    public InputStream openStream() throws IOException {
        if (text != null) {
            return new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
        }
        return Files.newInputStream(path);
    }

    /** The first bytes, for content sniffing, without reading the whole file. */
    public byte[] head(int n) throws IOException {
        if (text != null) {
            byte[] all = text.getBytes(StandardCharsets.UTF_8);
            return java.util.Arrays.copyOf(all, Math.min(n, all.length));
        }
        try (InputStream in = Files.newInputStream(path)) {
            return in.readNBytes(n);
        }
    }

    public long size() throws IOException {
        return text != null ? text.length() : Files.size(path);
    }

    private byte[] readBytes() throws InputException {
        try {
            long size = Files.size(path);
            if (size > MAX_BYTES) {
                throw new InputException(1, 1, "file is " + size / (1024 * 1024) + " MiB, over the "
                        + MAX_BYTES / (1024 * 1024) + " MiB limit for one input; it was not read");
            }
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new InputException(0, 0, "cannot read: " + e.getMessage());
        }
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
