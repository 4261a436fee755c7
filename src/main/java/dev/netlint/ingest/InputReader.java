package dev.netlint.ingest;

import java.nio.file.Path;
import java.util.List;

/**
 * Reads one input format into the model. Readers only build the model: they never report
 * findings. Problems in the input go to {@link IngestContext#problem}.
 */
public interface InputReader {
    /** A short name for messages and --debug, e.g. "compose". */
    String format();

    /** Whether a file met while walking a directory is this reader's, judged by its name. */
    boolean claimsByName(Path path);

    /**
     * Whether a file is this reader's judged by its content: used for files named explicitly and
     * for files whose name says nothing. Must read at most the first few KiB.
     */
    boolean claimsByContent(SourceFile file, byte[] head);

    /** Whether the file name ends with one of {@code extensions} (given with their dot), ignoring case. */
    static boolean hasExtension(Path path, String... extensions) {
        Path n = path.getFileName();
        if (n == null) {
            return false;
        }
        String name = n.toString().toLowerCase(java.util.Locale.ROOT);
        for (String e : extensions) {
            if (name.endsWith(e)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Called once before any {@link #read}, with every input this reader will be given: a format
     * whose files refer to each other (compose include/extends) learns here which files belong to
     * another file's project.
     */
    default void prepare(List<SourceFile> inputs, IngestContext context) {
    }

    /** Reads the file into the context's model. Throws for a file that cannot be used at all. */
    void read(SourceFile file, IngestContext context) throws InputException;

    /**
     * The model-free part of reading a file (reading, decoding, parsing), which the engine may run on
     * another thread, several files at a time. The result adds the file to a model; the engine
     * applies results one by one in input order, so the model, and every report, is the same as
     * with {@link #read}. Null (the default) means: no such split, call {@link #read}. Must not touch
     * any model, and must be safe to call for different files at once.
     */
    default Prepared prepare(SourceFile file) throws InputException {
        return null;
    }

    /** A prepared file: adds it to the model, throwing as {@link #read} would for an unusable file. */
    @FunctionalInterface
    interface Prepared {
        void apply(IngestContext context) throws InputException;
    }
}
