package dev.netlint.ingest.live;

import com.github.dockerjava.transport.DockerHttpClient;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Wraps docker-java's transport so that the probe can only read: every request other than a GET
 * is refused before it leaves the process, and every request is recorded ("GET /networks") so
 * tests can prove what was sent.
 */
public final class ReadOnlyHttpClient implements DockerHttpClient {
    private final DockerHttpClient delegate;
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());

    public ReadOnlyHttpClient(DockerHttpClient delegate) {
        this.delegate = delegate;
    }

    @Override
    public Response execute(Request request) {
        String method = request.method();
        String path = request.path();
        int q = path.indexOf('?');
        requests.add(method + " " + (q < 0 ? path : path.substring(0, q)));
        if (!"GET".equals(method)) {
            throw new IllegalStateException("netlint probe is read-only: refused " + method + " " + path);
        }
        return delegate.execute(request);
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
}
