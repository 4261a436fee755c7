package dev.netlint.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs {@link InputReader#prepare} for the files of a run on a few threads, a bounded number of
 * files ahead of the engine, which applies the results one by one in input order (so the model
 * and the report are the same as when reading sequentially). It pays where parsing dominates and
 * the files are many or large, like a fleet's inspect dumps: only readers that prepare take part,
 * and with one core or fewer than two such files nothing runs in parallel.
 */
public final class Preparer implements AutoCloseable {
    /** Files prepared ahead per thread: enough to keep threads busy, few enough to bound memory. */
    private static final int AHEAD_PER_THREAD = 2;
    private static final int MAX_THREADS = 8;

    private final List<SourceFile> files;
    private final List<InputReader> readers;
    private final ExecutorService pool;
    private final List<Future<InputReader.Prepared>> futures = new ArrayList<>();
    private final int ahead;

    private Preparer(List<SourceFile> files, List<InputReader> readers, int threads) {
        this.files = files;
        this.readers = readers;
        this.ahead = threads * AHEAD_PER_THREAD;
        this.pool = threads < 2 ? null : Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "netlint-prepare");
            t.setDaemon(true);
            return t;
        });
        for (int i = 0; i < files.size(); i++) {
            futures.add(null);
        }
    }

    /** {@code readers.get(i)} reads {@code files.get(i)}; a null reader means the file is not read. */
    public static Preparer start(List<SourceFile> files, List<InputReader> readers) {
        return start(files, readers, Math.min(Runtime.getRuntime().availableProcessors(), MAX_THREADS));
    }

    /** As {@link #start(List, List)} with a given number of threads (tests; 1 means sequential). */
    public static Preparer start(List<SourceFile> files, List<InputReader> readers, int threads) {
        long preparing = readers.stream().filter(Preparer::prepares).count();
        return new Preparer(files, readers, preparing < 2 ? 1 : threads);
    }

    /**
     * File {@code i}'s prepared form, or null when it is to be read with {@link InputReader#read}
     * (no pool, or its reader does not prepare). Throws what {@code prepare} threw. Call in order.
     */
    public InputReader.Prepared get(int i) throws InputException {
        if (pool == null || !prepares(readers.get(i))) {
            return null;
        }
        for (int j = i; j < Math.min(files.size(), i + ahead); j++) {
            submit(j);
        }
        Future<InputReader.Prepared> f = submit(i);
        futures.set(i, null);
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InputException(0, 0, "interrupted while reading");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof InputException ie) {
                throw ie;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    private Future<InputReader.Prepared> submit(int j) {
        Future<InputReader.Prepared> f = futures.get(j);
        if (f == null && prepares(readers.get(j))) {
            SourceFile file = files.get(j);
            InputReader reader = readers.get(j);
            f = pool.submit(() -> reader.prepare(file));
            futures.set(j, f);
        }
        return f;
    }

    /** Whether the reader overrides {@link InputReader#prepare}. */
    private static boolean prepares(InputReader reader) {
        if (reader == null) {
            return false;
        }
        try {
            return reader.getClass().getMethod("prepare", SourceFile.class).getDeclaringClass() != InputReader.class;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
