package dev.netlint.ingest.live;

import com.github.dockerjava.transport.DockerHttpClient;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Wraps docker-java's transport so that the probe can only read, and only so much: every request
 * other than a GET is refused before it leaves the process; every request is recorded ("GET
 * /networks") so tests can prove what was sent; each request has a total deadline (a server that
 * trickles a byte every two seconds never trips the per-read timeout) and each response body a
 * size cap (an endless /networks body must not exhaust the heap).
 */
public final class ReadOnlyHttpClient implements DockerHttpClient {
    /** From sending a request to the last byte of its body. */
    public static final Duration REQUEST_DEADLINE = Duration.ofSeconds(10);
    /** One response body at most; a daemon with thousands of containers answers a few MiB. */
    public static final long MAX_BODY_BYTES = 64L * 1024 * 1024;

    /** Waits for response headers; daemon threads, so a server that never answers cannot keep the JVM alive. */
    private static final ExecutorService WAITERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "netlint-probe-request");
        t.setDaemon(true);
        return t;
    });

    /** A request that went over the deadline or the body cap: what Failures turns into one line. */
    public static final class LimitExceeded extends IOException {
        LimitExceeded(String message) {
            super(message);
        }
    }

    private final DockerHttpClient delegate;
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final long deadlineNanos;
    private final long maxBody;

    public ReadOnlyHttpClient(DockerHttpClient delegate) {
        this(delegate, REQUEST_DEADLINE, MAX_BODY_BYTES);
    }

    /** For tests: other limits. */
    public ReadOnlyHttpClient(DockerHttpClient delegate, Duration deadline, long maxBodyBytes) {
        this.delegate = delegate;
        this.deadlineNanos = deadline.toNanos();
        this.maxBody = maxBodyBytes;
    }

    @Override
    public Response execute(Request request) {
        String method = request.method();
        String path = request.path();
        int q = path.indexOf('?');
        String shown = q < 0 ? path : path.substring(0, q);
        requests.add(method + " " + shown);
        if (!"GET".equals(method)) {
            throw new IllegalStateException("netlint probe is read-only: refused " + method + " " + path);
        }
        long deadline = System.nanoTime() + deadlineNanos;
        Future<Response> pending = WAITERS.submit(() -> delegate.execute(request));
        Response response;
        try {
            response = pending.get(deadlineNanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            WAITERS.submit(() -> closeLate(pending));
            throw new UncheckedIOException(overDeadline(shown));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pending.cancel(true);
            throw new UncheckedIOException(new java.io.InterruptedIOException("interrupted"));
        }
        return new Bounded(response, deadline, shown);
    }

    private LimitExceeded overDeadline(String path) {
        return new LimitExceeded("GET " + path + " took longer than " + deadlineNanos / 1_000_000_000L
                + " s in all (the daemon answers too slowly)");
    }

    private static void closeLate(Future<Response> pending) {
        try {
            pending.get().close();
        } catch (Exception ignored) {
            // it failed or was cancelled: nothing to close
        }
    }

    /** Every request sent so far, as "METHOD /path" without the query string. */
    public List<String> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    @Override
    public void close() throws IOException {
        delegate.close();
    }

    /** The response, its body counted and timed. */
    private final class Bounded implements Response {
        private final Response delegate;
        private final long deadline;
        private final String path;
        private InputStream body;

        Bounded(Response delegate, long deadline, String path) {
            this.delegate = delegate;
            this.deadline = deadline;
            this.path = path;
        }

        @Override
        public int getStatusCode() {
            return delegate.getStatusCode();
        }

        @Override
        public Map<String, List<String>> getHeaders() {
            return delegate.getHeaders();
        }

        @Override
        public String getHeader(String name) {
            return delegate.getHeader(name);
        }

        @Override
        public synchronized InputStream getBody() {
            if (body == null) {
                body = new LimitedBody(delegate.getBody());
            }
            return body;
        }

        @Override
        public void close() {
            delegate.close();
        }

        private final class LimitedBody extends FilterInputStream {
            private long read;

            LimitedBody(InputStream in) {
                super(in);
            }

            private void check(long more) throws IOException {
                if (System.nanoTime() > deadline) {
                    throw overDeadline(path);
                }
                read += more;
                if (read > maxBody) {
                    throw new LimitExceeded("GET " + path + " answered more than " + maxBody / (1024 * 1024)
                            + " MiB; netlint stops reading there");
                }
            }

            @Override
            public int read() throws IOException {
                check(0);
                int b = super.read();
                if (b >= 0) {
                    check(1);
                }
                return b;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                check(0);
                int n = super.read(buf, off, (int) Math.min(len, maxBody - read + 1));
                if (n > 0) {
                    check(n);
                }
                return n;
            }

            @Override
            public long skip(long n) throws IOException {
                check(0);
                long s = super.skip(Math.min(n, maxBody - read + 1));
                check(s);
                return s;
            }
        }
    }
}
