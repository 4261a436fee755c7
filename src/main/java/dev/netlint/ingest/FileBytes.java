package dev.netlint.ingest;

/** The first {@code length} bytes of {@code array} are a file's content; the rest is scratch space. */
public record FileBytes(byte[] array, int length) {
    public static FileBytes of(byte[] array) {
        return new FileBytes(array, array.length);
    }

    /** The content in an array of its own length (the same array when it has that length). */
    public byte[] exact() {
        return length == array.length ? array : java.util.Arrays.copyOf(array, length);
    }
}
