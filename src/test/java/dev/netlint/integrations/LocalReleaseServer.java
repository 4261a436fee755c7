package dev.netlint.integrations;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A fake GitHub release host for the download tests: serves the files under a directory over plain
 * http on 127.0.0.1 only (an ephemeral port), records each request path, answers at most
 * {@link #MAX_REQUESTS} requests and stops itself after {@link #LIFETIME_SECONDS} even if a test
 * forgets {@link #close()}.
 */
final class LocalReleaseServer implements AutoCloseable {
    static final int MAX_REQUESTS = 200;
    static final int LIFETIME_SECONDS = 600;

    private final HttpServer server;
    private final ScheduledExecutorService stopper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "release-server-stopper");
        t.setDaemon(true);
        return t;
    });
    private final List<String> requests = new CopyOnWriteArrayList<>();

    LocalReleaseServer(Path root) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        server.createContext("/", exchange -> {
            try (exchange) {
                String path = exchange.getRequestURI().getPath();
                requests.add(path);
                Path file = root.resolve(path.substring(1)).normalize();
                if (requests.size() > MAX_REQUESTS || !file.startsWith(root) || !Files.isRegularFile(file)) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                byte[] body = Files.readAllBytes(file);
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        server.start();
        stopper.schedule(this::close, LIFETIME_SECONDS, TimeUnit.SECONDS);
    }

    /** http://127.0.0.1:PORT/ followed by {@code path}. */
    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + path;
    }

    List<String> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
        stopper.shutdownNow();
    }
}
