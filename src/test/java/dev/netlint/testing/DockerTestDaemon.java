package dev.netlint.testing;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The Docker daemon that daemon-backed tests drive: always through {@code /usr/bin/docker} (the
 * Debian 20.10 client that matches the daemon), never another client on the PATH.
 *
 * <p>Rule for every test that needs it: call {@link #requireDaemon(String)} first. When
 * {@code CI=true} and no daemon answers, the test FAILS (CI must have one: {@code .ci/run} starts
 * it); elsewhere it is skipped with a message saying how to run it.
 */
public final class DockerTestDaemon {
    public static final String DOCKER = "/usr/bin/docker";
    /** A busybox-static root imported as an image: {@code sh}, {@code sleep} and the other applets. */
    public static final String IMAGE = "netlint-busybox:test";
    private static final long TIMEOUT_SECONDS = 120;

    private DockerTestDaemon() {
    }

    /** What a command printed and how it ended. */
    public record Result(int exitCode, String stdout, String stderr) {
        public boolean ok() {
            return exitCode == 0;
        }

        /** The first non-blank line of stderr (the daemon's reason), or "". */
        public String firstError() {
            return stderr.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
        }
    }

    /** Whether {@code /usr/bin/docker} exists and a daemon answers it. */
    public static boolean available() {
        if (!Files.isExecutable(Path.of(DOCKER))) {
            return false;
        }
        try {
            return run(List.of(DOCKER, "info", "--format", "{{.ServerVersion}}"), Map.of(), 30).ok();
        } catch (IOException e) {
            return false;
        }
    }

    /** Fails under CI, skips elsewhere, when no daemon answers. */
    public static void requireDaemon(String what) {
        if (available()) {
            return;
        }
        String why = what + " needs a Docker daemon reachable through " + DOCKER
                + " (start dockerd as root, or run .ci/run)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail("CI=true but no Docker daemon answers: " + why);
        }
        Assumptions.abort("skipped: " + why);
    }

    /** Runs {@code /usr/bin/docker args...}. */
    public static Result docker(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(DOCKER);
        cmd.addAll(List.of(args));
        try {
            return run(cmd, Map.of(), TIMEOUT_SECONDS);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + DOCKER + ": " + e.getMessage(), e);
        }
    }

    /** Runs a command line with a timeout; the process is killed (by its own handle) when it overruns. */
    public static Result run(List<String> command, Map<String, String> env, long timeoutSeconds) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(env);
        Process p = pb.start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> slurp(p.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> slurp(p.getErrorStream()));
        try {
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
                return new Result(-1, out.getNow(""), "timed out after " + timeoutSeconds + " s: " + command);
            }
            return new Result(p.exitValue(), out.join(), err.join());
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            return new Result(-1, "", "interrupted");
        }
    }

    private static String slurp(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * Imports {@link #IMAGE} unless present: a root holding Debian's static busybox
     * ({@code busybox-static}) as /bin/busybox, with sh and sleep linked to it.
     */
    public static synchronized void ensureBusyboxImage() {
        if (docker("image", "inspect", IMAGE).ok()) {
            return;
        }
        Path busybox = Stream.of("/bin/busybox", "/usr/bin/busybox").map(Path::of).filter(Files::isExecutable)
                .findFirst().orElseThrow(() -> new IllegalStateException(
                        "busybox is not installed (apt-get install busybox-static) to build " + IMAGE));
        Path root = null;
        Path tar = null;
        try {
            root = Files.createTempDirectory("netlint-busybox");
            Path bin = Files.createDirectories(root.resolve("bin"));
            Files.copy(busybox, bin.resolve("busybox"));
            bin.resolve("busybox").toFile().setExecutable(true, false);
            for (String applet : List.of("sh", "sleep", "ip", "hostname", "cat", "ls", "ping", "nslookup")) {
                Files.createSymbolicLink(bin.resolve(applet), Path.of("busybox"));
            }
            tar = Files.createTempFile("netlint-busybox", ".tar");
            Result t = run(List.of("tar", "-C", root.toString(), "-cf", tar.toString(), "."), Map.of(), 60);
            if (!t.ok()) {
                throw new IllegalStateException("tar failed: " + t.stderr());
            }
            Result imported = docker("import", tar.toString(), IMAGE);
            if (!imported.ok()) {
                throw new IllegalStateException("docker import failed: " + imported.stderr());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot build " + IMAGE + ": " + e.getMessage(), e);
        } finally {
            delete(root);
            delete(tar);
        }
    }

    private static void delete(Path p) {
        if (p == null) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            s.sorted(Comparator.reverseOrder()).forEach(q -> q.toFile().delete());
        } catch (IOException e) {
            // a temp file left behind is harmless
        }
    }

    /** Removes the containers, then the networks, whose names start with {@code prefix}; only those. */
    public static void removeByPrefix(String prefix) {
        if (!prefix.startsWith("nlt-") || prefix.length() < 6) {
            throw new IllegalArgumentException("refusing to clean up with a prefix as broad as '" + prefix + "'");
        }
        Result ps = docker("ps", "-a", "--format", "{{.Names}}");
        List<String> containers = ps.stdout().lines().map(String::trim).filter(n -> n.startsWith(prefix)).toList();
        if (!containers.isEmpty()) {
            List<String> args = new ArrayList<>(List.of("rm", "-f"));
            args.addAll(containers);
            docker(args.toArray(String[]::new));
        }
        Result ls = docker("network", "ls", "--format", "{{.Name}}");
        List<String> networks = ls.stdout().lines().map(String::trim).filter(n -> n.startsWith(prefix)).toList();
        for (String n : networks) {
            docker("network", "rm", n);
        }
    }
}
