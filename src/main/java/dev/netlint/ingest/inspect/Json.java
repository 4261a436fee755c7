package dev.netlint.ingest.inspect;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.base.ParserBase;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import dev.netlint.ingest.FileBytes;
import dev.netlint.ingest.InputException;
import dev.netlint.ingest.SourceFile;
import dev.netlint.model.SourceLocation;
import dev.netlint.model.Text;

import java.io.IOException;

/**
 * Streaming JSON helpers shared by the inspect and daemon.json readers: a strict parser (RFC 8259,
 * as Go's encoding/json reads it: no comments, no trailing commas) with limits, and locations
 * taken from Jackson's token positions so findings point into the file.
 */
public final class Json {
    /** Deeper than this is not docker output; the limit also keeps recursion bounded. */
    public static final int MAX_DEPTH = 64;

    static final JsonFactory FACTORY = JsonFactory.builder()
            // The readers switch on field names; interning them only costs a global table lookup each.
            .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(1_000_000)
                    .maxNumberLength(100)
                    .maxNameLength(10_000)
                    .build())
            .build();

    private Json() {
    }

    /** What a reader does with the parser on one file; the parser is closed when it returns. */
    @FunctionalInterface
    public interface Body {
        void read(JsonParser p) throws IOException, InputException;
    }

    /**
     * Each thread's array for the file being parsed: a fleet's dumps are read one after another into
     * it, instead of each leaving a dump-sized array for the collector to copy. Arrays larger than
     * {@link #SCRATCH_KEPT} are used once and dropped.
     */
    private static final ThreadLocal<byte[]> SCRATCH = new ThreadLocal<>();
    private static final int SCRATCH_KEPT = 4 * 1024 * 1024;

    /**
     * Parses the file with a streaming parser, refusing files over {@link SourceFile#MAX_BYTES}; a
     * JSON error becomes an input error about {@code what} ("inspect output"). The parser reads a
     * scratch array in place, so it must not outlive {@code body}.
     */
    public static void read(SourceFile file, String what, Body body) throws InputException {
        byte[] scratch = SCRATCH.get();
        SCRATCH.remove(); // a read nested in body gets an array of its own
        byte[] kept = scratch;
        try {
            FileBytes bytes = bytesOf(file, scratch);
            byte[] used = bytes.array();
            if (used.length <= SCRATCH_KEPT && (scratch == null || used.length > scratch.length)) {
                kept = used; // the file did not fit: its larger array serves the next files
            }
            try (JsonParser p = FACTORY.createParser(used, 0, bytes.length())) {
                body.read(p);
            } catch (IOException e) {
                throw failure(e, what);
            }
        } finally {
            SCRATCH.set(kept);
        }
    }

    private static FileBytes bytesOf(SourceFile file, byte[] scratch) throws InputException {
        try {
            long size = file.size();
            if (size > SourceFile.MAX_BYTES) {
                throw new InputException(1, 1, "file is " + size / (1024 * 1024) + " MiB, over the "
                        + SourceFile.MAX_BYTES / (1024 * 1024) + " MiB limit for one input; it was not read");
            }
            return file.contentBytes(scratch);
        } catch (IOException e) {
            throw new InputException(0, 0, "cannot read: " + e.getMessage());
        }
    }

    /** What kind of value a token starts, for messages: "a string", "an array", "null". */
    public static String kind(JsonToken t) {
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> "another value";
        };
    }

    /** A parser over the first bytes only (content sniffing). */
    static JsonParser openHead(byte[] head) throws IOException {
        return FACTORY.createParser(head);
    }

    /** The location of the current token; strings span their quotes. */
    public static SourceLocation here(JsonParser p, String file) {
        JsonToken t = p.currentToken();
        int line;
        int col;
        if (t != JsonToken.FIELD_NAME && p instanceof ParserBase base) {
            // The same position as currentTokenLocation() (JsonTest checks), without a JsonLocation per
            // token: a fleet's dumps made 600 MB of them. getTokenColumnNr() counts one more.
            line = Math.max(1, base.getTokenLineNr());
            int c = base.getTokenColumnNr();
            col = Math.max(1, c < 0 ? c : c - 1);
        } else {
            JsonLocation l = p.currentTokenLocation();
            line = Math.max(1, l.getLineNr());
            col = Math.max(1, l.getColumnNr());
        }
        int width = 1;
        try {
            if (t == JsonToken.VALUE_STRING) {
                width = p.getTextLength() + 2;
            } else if (t == JsonToken.FIELD_NAME) {
                width = p.currentName().length() + 2;
            } else if (t != null && t.isScalarValue()) {
                width = p.getTextLength();
            }
        } catch (IOException e) {
            width = 1;
        }
        return SourceLocation.of(file, line, col, line, col + Math.max(1, width));
    }

    /** The current scalar as text with its location; null for JSON null. */
    public static Text scalar(JsonParser p, String file) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL || t == null) {
            return null;
        }
        if (t.isScalarValue()) {
            return Text.of(p.getText(), here(p, file));
        }
        p.skipChildren();
        return null;
    }

    /** The current value as a string when it is a JSON string; null (and skipped) otherwise. */
    public static Text string(JsonParser p, String file) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_STRING) {
            return Text.of(p.getText(), here(p, file));
        }
        p.skipChildren();
        return null;
    }

    /** Like {@link #string}, without a location, for values no finding points at (ids, names it only shows). */
    public static String unlocatedString(JsonParser p) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        p.skipChildren();
        return null;
    }

    /**
     * The first {@code max} characters of the current string value, without a string of the whole
     * value; null when it is blank, or not a string (then skipped).
     */
    public static String prefix(JsonParser p, int max) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            p.skipChildren();
            return null;
        }
        char[] chars = p.getTextCharacters();
        int offset = p.getTextOffset();
        int length = p.getTextLength();
        for (int i = 0; i < length; i++) {
            if (!Character.isWhitespace(chars[offset + i])) {
                return new String(chars, offset, Math.min(max, length));
            }
        }
        return null;
    }

    /**
     * Like {@link #string} for values drawn from a small vocabulary (drivers, option values): a text
     * seen before in this file is returned as the same string, so a fleet's million "bridge"s are a
     * thousand strings, not a million.
     */
    public static Text word(JsonParser p, String file, Words words) throws IOException {
        JsonToken t = p.currentToken();
        if (t != null && t.isScalarValue() && t != JsonToken.VALUE_NULL) {
            return Text.of(words.of(p), here(p, file));
        }
        p.skipChildren();
        return null;
    }

    /**
     * The short texts one reader has seen, looked up by the parser's characters so that a repeated
     * text costs no new string. Not {@link String#intern}: its JVM-wide table is shared by every
     * reader thread, and was a tenth of reading a fleet's dumps. Bounded; one per file.
     */
    public static final class Words {
        private static final int MAX_LENGTH = 64;
        private static final int SLOTS = 2048; // a power of two; filled to half at most
        private final String[] table = new String[SLOTS];
        private int size;

        /** The current token's text, as a string this table already holds when it can. */
        String of(JsonParser p) throws IOException {
            int length = p.getTextLength();
            if (length > MAX_LENGTH) {
                return p.getText();
            }
            char[] chars = p.getTextCharacters();
            int offset = p.getTextOffset();
            int hash = 0;
            for (int i = 0; i < length; i++) {
                hash = 31 * hash + chars[offset + i];
            }
            int slot = Math.floorMod(hash, SLOTS);
            for (String known; (known = table[slot]) != null; slot = (slot + 1) % SLOTS) {
                if (sameText(known, chars, offset, length)) {
                    return known;
                }
            }
            String text = new String(chars, offset, length);
            if (size < SLOTS / 2) {
                table[slot] = text;
                size++;
            }
            return text;
        }

        private static boolean sameText(String known, char[] chars, int offset, int length) {
            if (known.length() != length) {
                return false;
            }
            for (int i = 0; i < length; i++) {
                if (known.charAt(i) != chars[offset + i]) {
                    return false;
                }
            }
            return true;
        }
    }

    /** The current value when it is a JSON boolean; null (and skipped) otherwise. */
    public static Boolean bool(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_TRUE) {
            return Boolean.TRUE;
        }
        if (t == JsonToken.VALUE_FALSE) {
            return Boolean.FALSE;
        }
        p.skipChildren();
        return null;
    }

    /** Turns a Jackson parse failure into a located input error. */
    static InputException failure(IOException e, String what) {
        if (e instanceof StreamConstraintsException) {
            return new InputException(0, 0, what + " exceeds netlint's limits: " + firstLine(e.getMessage()));
        }
        if (e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe && jpe.getLocation() != null) {
            JsonLocation l = jpe.getLocation();
            String msg = e instanceof JsonEOFException ? "unexpected end of the file (truncated JSON?)"
                    : firstLine(jpe.getOriginalMessage());
            return new InputException(Math.max(1, l.getLineNr()), Math.max(1, l.getColumnNr()),
                    "invalid JSON in " + what + ": " + msg);
        }
        if (e instanceof java.io.CharConversionException) {
            return new InputException(1, 1, "invalid " + what + ": not UTF-8 text (" + firstLine(e.getMessage()) + ")");
        }
        return new InputException(0, 0, "cannot read " + what + ": " + firstLine(e.getMessage()));
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
