package dev.netlint.cli;

import com.sun.net.httpserver.HttpServer;
import dev.netlint.cli.ProbeErrorsTest.Outcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import dev.netlint.ingest.live.ReadOnlyHttpClient;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.netlint.cli.ProbeErrorsTest.assertOneLineExit2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static dev.netlint.cli.ProbeErrorsTest.probe;

/**
 * Hostile daemons on loopback (issue 11): a server that trickles its answer a byte at a time, and
 * one whose /networks body never ends. Each server is bounded and stops with the test.
 */
class ProbeBoundsTest {
    @TempDir
    Path tmp;

    private final List<AutoCloseable> servers = new ArrayList<>();

    @AfterEach
    void stopServers() throws Exception {
        for (AutoCloseable s : servers) {
            s.close();
        }
    }

    /** One byte every 2 s never trips the 3 s per-read timeout; the total deadline ends the request. */
    @Test
    @Timeout(60) // a hang guard, not a speed assertion
    void tricklingServerHitsTheRequestDeadline() throws IOException {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        servers.add(server);
        List<Socket> held = new ArrayList<>();
        servers.add(() -> {
            synchronized (held) {
                for (Socket s : held) {
                    s.close();
                }
            }
        });
        Thread t = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    synchronized (held) {
                        held.add(s);
                    }
                    InputStream in = s.getInputStream();
                    in.read(new byte[4096]);
                    OutputStream out = s.getOutputStream();
                    byte[] answer = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Padding: "
                            .getBytes(StandardCharsets.US_ASCII);
                    for (int i = 0; i < 30 && !s.isClosed(); i++) { // at most 60 s, then it gives up
                        out.write(answer[Math.min(i, answer.length - 1)]);
                        out.flush();
                        Thread.sleep(2000);
                    }
                } catch (IOException | InterruptedException e) {
                    return;
                }
            }
        });
        t.setDaemon(true);
        t.start();
        Outcome o = probe(Map.of(), tmp, "--host", "tcp://127.0.0.1:" + server.getLocalPort());
        assertOneLineExit2(o, "took longer than 10 s in all");
    }

    /** /version is a daemon's; every other endpoint answers an endless JSON array. */
    @Test
    @Timeout(120)
    void endlessNetworksBodyIsCutAtTheCap() throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        servers.add(() -> http.stop(0));
        byte[] item = "{\"Name\":\"n\",\"Id\":\"0123456789abcdef\",\"Driver\":\"bridge\"},".repeat(1000)
                .getBytes(StandardCharsets.UTF_8);
        http.createContext("/", ex -> {
            ex.getResponseHeaders().add("Content-Type", "application/json");
            if (ex.getRequestURI().getPath().endsWith("/version")) {
                byte[] body = "{\"Version\":\"24.0.7\",\"ApiVersion\":\"1.43\",\"Os\":\"linux\"}"
                        .getBytes(StandardCharsets.UTF_8);
                ex.sendResponseHeaders(200, body.length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(body);
                }
                return;
            }
            ex.sendResponseHeaders(200, 0); // chunked, no length
            try (OutputStream out = ex.getResponseBody()) {
                out.write('[');
                long limit = 256L * 1024 * 1024; // the server stops by itself well past the client's cap
                for (long sent = 0; sent < limit; sent += item.length) {
                    out.write(item);
                }
                out.write("{}]".getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // the client hung up at its cap
            }
        });
        http.start();
        String host = "tcp://127.0.0.1:" + http.getAddress().getPort();
        // The CLI, with the real limits: it stops at the cap or (on a loaded machine) at the deadline.
        Outcome o = probe(Map.of(), tmp, "--host", host);
        assertOneLineExit2(o, "GET /v1.43/networks");
        assertThat(o.err()).containsAnyOf("answered more than 64 MiB", "took longer than 10 s in all");
        // The HTTP layer with a small cap and a long deadline: the cap alone ends the read.
        DockerHttpClient transport = new ZerodepDockerHttpClient.Builder().dockerHost(URI.create(host)).build();
        try (ReadOnlyHttpClient client = new ReadOnlyHttpClient(transport, Duration.ofSeconds(60), 1024 * 1024);
             DockerHttpClient.Response r = client.execute(DockerHttpClient.Request.builder()
                     .method(DockerHttpClient.Request.Method.GET).path("/v1.43/networks").build())) {
            assertThatThrownBy(() -> r.getBody().readAllBytes())
                    .isInstanceOf(ReadOnlyHttpClient.LimitExceeded.class)
                    .hasMessage("GET /v1.43/networks answered more than 1 MiB; netlint stops reading there");
        }
    }
}
