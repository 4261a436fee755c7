package dev.netlint.cli;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each way a probe can fail gives exactly one line on stderr and exit code 2. The transport has
 * connect and response timeouts (DaemonConnection), so none of these can hang; no test times anything.
 */
class ProbeErrorsTest {
    @TempDir
    Path tmp;

    private final List<AutoCloseable> servers = new ArrayList<>();

    @AfterEach
    void stopServers() throws Exception {
        for (AutoCloseable s : servers) {
            s.close();
        }
    }

    record Outcome(int rc, String out, String err) {
    }

    static Outcome probe(Map<String, String> env, Path home, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ProbeCommand cmd = new ProbeCommand().use(env, home, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        int rc = new CommandLine(cmd).execute(args);
        return new Outcome(rc, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static void assertOneLineExit2(Outcome o, String... fragments) {
        assertThat(o.rc()).as(o.err()).isEqualTo(2);
        assertThat(o.err()).endsWith("\n");
        assertThat(o.err().strip().lines().count()).as("one line: " + o.err()).isEqualTo(1);
        assertThat(o.err()).startsWith("netlint probe: ").contains(fragments).doesNotContain("Exception", "\tat ");
        assertThat(o.out()).isEmpty();
    }

    @Test
    void daemonNotRunning_noSocket() {
        Outcome o = probe(Map.of(), tmp, "--host", "unix://" + tmp.resolve("docker.sock"));
        assertOneLineExit2(o, "no socket there", "is dockerd running?");
    }

    @Test
    void daemonNotRunning_staleSocketRefuses() throws IOException {
        Path sock = tmp.resolve("stale.sock");
        try (ServerSocketChannel ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.bind(UnixDomainSocketAddress.of(sock));
        } // closed: the file stays, nobody listens
        assertThat(sock).exists();
        Outcome o = probe(Map.of(), tmp, "--host", "unix://" + sock);
        assertOneLineExit2(o, "connection refused", "is dockerd running?");
    }

    @Test
    void daemonNotRunning_tcpRefuses() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Outcome o = probe(Map.of(), tmp, "--host", "tcp://127.0.0.1:" + port);
        assertOneLineExit2(o, "connection refused");
    }

    @Test
    void notASocket() throws IOException {
        Path file = Files.writeString(tmp.resolve("plain"), "x");
        Outcome o = probe(Map.of(), tmp, "--host", "unix://" + file);
        assertOneLineExit2(o, "regular file, not a socket");
    }

    @Test
    void daemonHostFromEnvironmentIsUsed() {
        Outcome o = probe(Map.of("DOCKER_HOST", "unix://" + tmp.resolve("env.sock")), tmp);
        assertOneLineExit2(o, "env.sock", "(DOCKER_HOST)");
    }

    @Test
    void unknownContext() {
        Outcome o = probe(Map.of(), tmp, "--context", "nlt-pr-nope");
        assertOneLineExit2(o, "docker context 'nlt-pr-nope' not found");
    }

    /**
     * Permission denied on a unix socket this test creates (not docker's). Root bypasses file
     * permissions, so as root the probe runs in a child JVM as user nobody (setpriv), on a copy of
     * the class path that nobody can read; otherwise in-process on a socket with mode 000.
     */
    @Test
    void permissionDeniedOnTheSocket() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("perm"));
        Path sock = dir.resolve("denied.sock");
        ServerSocketChannel ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        servers.add(ch);
        ch.bind(UnixDomainSocketAddress.of(sock));
        Files.setPosixFilePermissions(sock, PosixFilePermissions.fromString("---------"));
        boolean root = "root".equals(System.getProperty("user.name"));
        if (!root) {
            assertOneLineExit2(probe(Map.of(), tmp, "--host", "unix://" + sock), "permission denied");
            return;
        }
        Path setpriv = Path.of("/usr/bin/setpriv");
        if (!Files.isExecutable(setpriv)) {
            String why = "running as root without /usr/bin/setpriv: cannot drop privileges to test EACCES";
            if ("true".equals(System.getenv("CI"))) {
                org.junit.jupiter.api.Assertions.fail(why);
            }
            Assumptions.abort(why);
        }
        openUp(tmp);
        String classPath = copyClassPath(Files.createDirectories(tmp.resolve("cp")));
        openUp(tmp);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(setpriv.toString(), "--reuid=65534", "--regid=65534", "--clear-groups",
                java.toString(), "-cp", classPath, ProbeCommand.class.getName(), "--host", "unix://" + sock)
                .directory(tmp.toFile()).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertOneLineExit2(new Outcome(p.exitValue(), out, err), "permission denied on the Docker socket");
    }

    /** Hard-links (or copies) every class path entry into dir, readable by everyone. */
    private static String copyClassPath(Path dir) throws IOException {
        List<String> entries = new ArrayList<>();
        int i = 0;
        for (String e : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path src = Path.of(e);
            if (!Files.exists(src)) {
                continue;
            }
            Path dst = dir.resolve(i++ + "-" + src.getFileName());
            if (Files.isDirectory(src)) {
                try (var walk = Files.walk(src)) {
                    for (Path f : walk.toList()) {
                        Path t = dst.resolve(src.relativize(f).toString());
                        if (Files.isDirectory(f)) {
                            Files.createDirectories(t);
                        } else {
                            Files.copy(f, t);
                        }
                    }
                }
            } else {
                try {
                    Files.createLink(dst, src);
                } catch (IOException | UnsupportedOperationException linkFailed) {
                    Files.copy(src, dst);
                }
            }
            entries.add(dst.toString());
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    private static void openUp(Path root) throws IOException {
        try (var walk = Files.walk(root)) {
            for (Path f : walk.toList()) {
                if (Files.isSymbolicLink(f) || f.toString().endsWith(".sock")) {
                    continue;
                }
                Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(Files.isDirectory(f) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
    }

    /** A plain TCP server (no TLS) answers the TLS handshake with HTTP: the handshake must fail cleanly. */
    @Test
    void tlsFailure() throws Exception {
        Path certs = Files.createDirectories(tmp.resolve("certs"));
        Process gen = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                "-subj", "/CN=nlt-pr-test", "-keyout", certs.resolve("key.pem").toString(),
                "-out", certs.resolve("cert.pem").toString()).redirectErrorStream(true).start();
        gen.getInputStream().readAllBytes();
        assertThat(gen.waitFor()).as("openssl generates a throwaway certificate").isZero();
        Files.copy(certs.resolve("cert.pem"), certs.resolve("ca.pem"));
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        servers.add(server);
        Thread t = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                    s.getInputStream().read(new byte[512]);
                    OutputStream o = s.getOutputStream();
                    o.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                    o.flush();
                } catch (IOException e) {
                    return;
                }
            }
        });
        t.setDaemon(true);
        t.start();
        Outcome o = probe(Map.of("DOCKER_HOST", "tcp://127.0.0.1:" + server.getLocalPort(), "DOCKER_TLS_VERIFY", "1",
                "DOCKER_CERT_PATH", certs.toString()), tmp);
        assertOneLineExit2(o, "TLS handshake with the Docker daemon at tcp://127.0.0.1:" + server.getLocalPort());
    }

    @Test
    void tlsWithoutCertificates() {
        Outcome o = probe(Map.of("DOCKER_TLS_VERIFY", "1", "DOCKER_CERT_PATH", tmp.resolve("none").toString()), tmp,
                "--host", "tcp://127.0.0.1:2376");
        assertOneLineExit2(o, "ca.pem", "missing or unreadable");
    }

    /** A fake daemon on loopback that says it speaks API 1.12. */
    @Test
    void apiVersionTooOld() throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        servers.add(() -> http.stop(0));
        http.createContext("/", ex -> {
            byte[] body = (ex.getRequestURI().getPath().endsWith("/version")
                    ? "{\"Version\":\"1.0.1\",\"ApiVersion\":\"1.12\",\"Os\":\"linux\"}" : "{}")
                    .getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(body);
            }
        });
        http.start();
        Outcome o = probe(Map.of(), tmp, "--host", "tcp://127.0.0.1:" + http.getAddress().getPort());
        assertOneLineExit2(o, "speaks API 1.12", "needs API 1.24 or later");
    }

    /** A server that accepts and never answers: the response timeout ends the probe. */
    @Test
    void silentServer() throws IOException {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        servers.add(server);
        List<Socket> held = new ArrayList<>();
        Thread t = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    synchronized (held) {
                        held.add(s);
                    }
                    InputStream in = s.getInputStream();
                    in.read(new byte[512]);
                } catch (IOException e) {
                    return;
                }
            }
        });
        t.setDaemon(true);
        t.start();
        Outcome o = probe(Map.of(), tmp, "--host", "tcp://127.0.0.1:" + server.getLocalPort());
        assertOneLineExit2(o, "did not answer within");
        synchronized (held) {
            for (Socket s : held) {
                s.close();
            }
        }
    }
}
