package dev.netlint.ingest.live;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The probe tests' access to the real dockerd of this machine, through /usr/bin/docker. When no
 * daemon answers, tests skip with a message, except in CI (env CI=true) where they fail. Objects
 * are created with the prefix {@code nlt-pr-} and removed by name, only those the tests made.
 */
public final class LiveDaemonFixture {
    public static final String DOCKER = "/usr/bin/docker";
    public static final String IMAGE = "netlint-busybox:test";
    public static final String SOCKET = "unix:///var/run/docker.sock";

    private LiveDaemonFixture() {
    }

    /** The outcome of one docker CLI call. */
    public record Run(int rc, String out, String err) {
        public String all() {
            return out + err;
        }
    }

    public static Run docker(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(DOCKER);
        cmd.addAll(Arrays.asList(args));
        try {
            Process p = new ProcessBuilder(cmd).start();
            p.getOutputStream().close();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Run(-1, "", "timed out: " + cmd);
            }
            return new Run(p.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            return new Run(-1, "", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Run(-1, "", e.toString());
        }
    }

    private static String read(java.io.InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** Skips (or fails in CI) unless the daemon answers, and makes sure the test image exists. */
    public static void requireDaemon() {
        String why = null;
        if (!Files.isExecutable(Path.of(DOCKER))) {
            why = DOCKER + " is not installed";
        } else {
            Run v = docker("version", "--format", "{{.Server.APIVersion}}");
            if (v.rc() != 0) {
                why = "no Docker daemon answers: " + v.err().trim();
            }
        }
        if (why != null) {
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail("CI=true but the probe tests cannot run: " + why);
            }
            Assumptions.abort("skipping live daemon test: " + why);
        }
        ensureImage();
    }

    /** Creates netlint-busybox:test from the host's static busybox when it is missing. */
    static synchronized void ensureImage() {
        if (docker("image", "inspect", IMAGE).rc() == 0) {
            return;
        }
        Path busybox = Files.isExecutable(Path.of("/bin/busybox")) ? Path.of("/bin/busybox") : Path.of("/usr/bin/busybox");
        Assertions.assertTrue(Files.isExecutable(busybox), "busybox-static is needed to build " + IMAGE);
        try {
            Path root = Files.createTempDirectory("nlt-pr-rootfs");
            Path bin = Files.createDirectories(root.resolve("bin"));
            Files.copy(busybox, bin.resolve("busybox"));
            for (String tool : List.of("sh", "sleep", "true")) {
                Files.createSymbolicLink(bin.resolve(tool), Path.of("busybox"));
            }
            Path tar = root.resolveSibling(root.getFileName() + ".tar");
            Process p = new ProcessBuilder("tar", "-C", root.toString(), "-cf", tar.toString(), ".").inheritIO().start();
            Assertions.assertEquals(0, p.waitFor(), "tar of the busybox root");
            Run imp = docker("import", tar.toString(), IMAGE);
            Assertions.assertEquals(0, imp.rc(), "docker import: " + imp.all());
        } catch (IOException e) {
            Assertions.fail("cannot build " + IMAGE + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Assertions.fail("interrupted");
        }
    }

    /** docker run -d ... IMAGE sleep 600, asserting success. */
    public static void runSleeping(String name, String... options) {
        List<String> args = new ArrayList<>(List.of("run", "-d", "--name", name));
        args.addAll(Arrays.asList(options));
        args.addAll(List.of(IMAGE, "sleep", "600"));
        Run r = docker(args.toArray(String[]::new));
        Assertions.assertEquals(0, r.rc(), "docker " + args + ": " + r.all());
    }

    public static void createNetwork(String name, String... options) {
        List<String> args = new ArrayList<>(List.of("network", "create"));
        args.addAll(Arrays.asList(options));
        args.add(name);
        Run r = docker(args.toArray(String[]::new));
        Assertions.assertEquals(0, r.rc(), "docker " + args + ": " + r.all());
    }

    /** Removes the named containers and then networks; only names with our prefix are accepted. */
    public static void remove(List<String> containers, List<String> networks) {
        for (String c : containers) {
            requirePrefix(c);
            docker("rm", "-f", c);
        }
        for (String n : networks) {
            requirePrefix(n);
            docker("network", "rm", n);
        }
    }

    private static void requirePrefix(String name) {
        if (!name.startsWith("nlt-pr-")) {
            throw new IllegalArgumentException("refusing to remove " + name + ": not a probe test object");
        }
    }

    /**
     * A token unique to this JVM, for object names: several test runs (branches, main) may share
     * one development daemon, and must not remove or trip over each other's objects.
     */
    public static final String RUN = Long.toString(ProcessHandle.current().pid(), 36);

    /** {@code nlt-pr-<run>-<suffix>}. */
    public static String name(String suffix) {
        return "nlt-pr-" + RUN + "-" + suffix;
    }

    /**
     * Creates {@code name} with subnet {@code 10.B.0.0/24} for the first B in [from, to] where the
     * daemon accepts it, and returns B. A test class derives all its subnets (10.B.x.0) and host
     * ports ({@link #port}) from B, so concurrent runs of the same class move to another block,
     * and classes use disjoint ranges of B. The probe's share of the address plan is 10.160-10.199.
     */
    public static int createAnchorNetwork(String name, int from, int to, String... options) {
        String last = "";
        for (int b = from; b <= to; b++) {
            List<String> args = new ArrayList<>(List.of("network", "create", "--subnet", "10." + b + ".0.0/24",
                    "--gateway", "10." + b + ".0.1"));
            args.addAll(Arrays.asList(options));
            args.add(name);
            Run r = docker(args.toArray(String[]::new));
            if (r.rc() == 0) {
                return b;
            }
            last = r.all().trim();
            if (!last.contains("Pool overlaps")) {
                break;
            }
        }
        Assertions.fail("no free 10.B.0.0/24 block for B in " + from + ".." + to + ": " + last);
        return -1;
    }

    /** A host port owned by block B: 28000 + 10 * (B - 160) + k, for k in 0..9. */
    public static int port(int block, int k) {
        return 28000 + 10 * (block - 160) + k;
    }

    /** The endpoint of the local daemon, as the probe resolves it. */
    public static DaemonEndpoint localEndpoint() throws ProbeException {
        return new EndpointResolver(java.util.Map.of(), Path.of("/nonexistent-home"))
                .resolve(List.of(SOCKET), List.of()).get(0);
    }
}
