package dev.netlint.integrations;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Runs the real external tools (pre-commit, git, bash, Maven) that the integration tests drive. */
final class Processes {
    private Processes() {
    }

    /** Exit code and interleaved stdout+stderr of a finished process. */
    record Result(int exit, String output) {
        @Override
        public String toString() {
            return "exit " + exit + ", output:\n" + output;
        }
    }

    static Result run(Path dir, Map<String, String> env, long timeoutSeconds, List<String> command)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Path log = Files.createTempFile("netlint-it-", ".log");
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            p.waitFor();
            fail(command + " did not finish within " + timeoutSeconds + " s; output:\n" + Files.readString(log));
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        Files.deleteIfExists(log);
        return new Result(p.exitValue(), out);
    }

    /** True when {@code tool} runs; a missing tool skips the test locally and fails it when CI=true. */
    static void requireTool(String tool, String... versionArgs) {
        boolean present;
        try {
            ProcessBuilder pb = new ProcessBuilder(Stream.concat(Stream.of(tool), Stream.of(versionArgs)).toList())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            present = pb.start().waitFor() == 0;
        } catch (IOException e) {
            present = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            present = false;
        }
        if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(tool + " is required when CI=true (apt-get install " + tool + ")");
        }
        assumeTrue(present, tool + " is not installed; skipping (this fails when CI=true)");
    }

    /** The jar `mvn package` made; the *IT classes run after package, so it must exist. */
    static Path netlintJar() {
        Path jar = Path.of("target", "netlint.jar").toAbsolutePath();
        assertThat(jar).as("target/netlint.jar (built by mvn package before the integration tests)").isRegularFile();
        return jar;
    }

    static String sha256(Path file) throws IOException {
        try {
            return java.util.HexFormat.of().formatHex(
                    java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The version target/netlint.jar prints ("netlint VERSION"), e.g. 0.1.0-SNAPSHOT. */
    static String netlintVersion() throws IOException, InterruptedException {
        Result r = run(Path.of("").toAbsolutePath(), Map.of(), 60,
                List.of("java", "-jar", netlintJar().toString(), "--version"));
        assertThat(r.exit()).as(r.toString()).isZero();
        String first = r.output().lines().findFirst().orElse("");
        assertThat(first).startsWith("netlint ");
        return first.substring("netlint ".length()).trim();
    }

    /** Build output, git metadata and the ignored local corpus are not part of a checkout. */
    private static final java.util.Set<String> SKIPPED = java.util.Set.of("target", ".git", "corpus-scripts", ".idea", "node_modules");

    /** Copies a directory tree, leaving out {@link #SKIPPED} names at any depth. */
    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.sorted().toList()) {
                Path rel = from.relativize(p);
                boolean skipped = false;
                for (Path part : rel) {
                    skipped |= SKIPPED.contains(part.toString());
                }
                if (skipped) {
                    continue;
                }
                Path dest = to.resolve(rel.toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                p.toFile().setWritable(true);
                Files.deleteIfExists(p);
            }
        }
    }
}
