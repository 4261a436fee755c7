package dev.netlint.integrations;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * bin/netlint, the launcher, with a cache directory of its own: the first run records a class-data
 * archive, warm runs map it, and a read-only cache, a stale or corrupt archive or concurrent first
 * runs never change what a lint prints or its exit status, and never add a word on stderr.
 */
class LauncherIT {
    private static final Path LAUNCHER = Path.of("bin", "netlint").toAbsolutePath();
    private static final Path JDK25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");

    @TempDir
    Path temp;
    Path cacheHome;
    Path project;
    Path jar;
    /** What `java -jar netlint.jar` itself prints for {@link #project}: the reference output. */
    Run reference;

    record Run(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\nstdout:\n" + out + "\nstderr:\n" + err;
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        jar = Processes.netlintJar();
        cacheHome = Files.createDirectories(temp.resolve("cache"));
        project = Files.createDirectories(temp.resolve("project"));
        Files.writeString(project.resolve("compose.yaml"), PreCommitHookIT.BAD_COMPOSE);
        reference = run(List.of(javaOf(null), "-jar", jar.toString(), "--no-color", "compose.yaml"), Map.of());
        assertThat(reference.exit()).as(reference.toString()).isEqualTo(1);
        assertThat(reference.out()).contains("NL104");
    }

    @Test
    void firstRunRecordsAnArchiveAndWarmRunsMapIt() throws Exception {
        Run first = lint(Map.of());
        assertSameAsReference(first);
        assertThat(archives()).hasSize(1);
        assertThat(indexEntries()).hasSize(1);

        Path classLog = temp.resolve("classes.log");
        Run warm = lint(Map.of("NETLINT_JAVA_OPTS", "-Xlog:class+load=info:file=" + classLog));
        assertSameAsReference(warm);
        List<String> loaded = Files.readAllLines(classLog);
        assertThat(loaded).filteredOn(l -> l.contains(" dev.netlint.engine.Linter "))
                .singleElement().asString().contains("shared objects file");
        // picocli is compiled for Java 5: a dynamic archive would leave it out, the static one holds it.
        assertThat(loaded).filteredOn(l -> l.contains(" picocli.CommandLine "))
                .singleElement().asString().contains("shared objects file");
        assertThat(archives()).hasSize(1);
    }

    @Test
    void aCollectorNamedInTheOptionsReplacesTheSerialOne() throws Exception {
        assertSameAsReference(lint(Map.of("NETLINT_JAVA_OPTS", "-XX:TieredStopAtLevel=4 -XX:+UseParallelGC")));
        assertSameAsReference(lint(Map.of("NETLINT_JAVA_OPTS", "-XX:+UseParallelGC")));
    }

    @Test
    void jdk25UsesTheAotCache() throws Exception {
        assumeTrue(Files.isExecutable(JDK25.resolve("bin/java")), "no JDK 25 at " + JDK25);
        Map<String, String> env = Map.of("JAVA_HOME", JDK25.toString());
        assertSameAsReference(lint(env));
        assertThat(archives()).singleElement().asString().endsWith(".aot");
        Path classLog = temp.resolve("classes.log");
        Map<String, String> warmEnv = new HashMap<>(env);
        warmEnv.put("NETLINT_JAVA_OPTS", "-Xlog:class+load=info:file=" + classLog);
        assertSameAsReference(lint(warmEnv));
        assertThat(Files.readAllLines(classLog)).filteredOn(l -> l.contains(" dev.netlint.engine.Linter "))
                .singleElement().asString().contains("shared objects file");
    }

    @Test
    void aCacheDirectoryThatCannotBeWrittenMeansNoArchive() throws Exception {
        // A regular file where the cache directory should be: mkdir fails even for root.
        Path notADirectory = Files.writeString(temp.resolve("not-a-directory"), "");
        assertSameAsReference(lint(Map.of("XDG_CACHE_HOME", notADirectory.toString())));

        // A read-only cache directory (root writes there all the same, so this case bites for other users).
        Path readOnly = Files.createDirectories(temp.resolve("read-only/netlint"));
        readOnly.toFile().setWritable(false, false);
        try {
            assertSameAsReference(lint(Map.of("XDG_CACHE_HOME", readOnly.getParent().toString())));
        } finally {
            readOnly.toFile().setWritable(true, false);
        }
    }

    @Test
    void aStaleArchiveIsReplacedAndNeverFailsALint() throws Exception {
        assertSameAsReference(lint(Map.of()));
        Path oldArchive = archives().get(0);
        byte[] oldBytes = Files.readAllBytes(oldArchive);

        // A new netlint.jar (other content) in the same place: its own archive, not the old one.
        Path jarCopy = temp.resolve("lib/netlint.jar");
        Files.createDirectories(jarCopy.getParent());
        Files.copy(jar, jarCopy);
        Map<String, String> env = Map.of("NETLINT_JAR", jarCopy.toString());
        assertSameAsReference(lint(env));
        addEntry(jarCopy, "META-INF/netlint-launcher-test.txt", "a rebuilt jar");
        assertSameAsReference(lint(env));
        List<Path> archives = archives();
        assertThat(archives).hasSize(2).contains(oldArchive);
        Path newArchive = archives.stream().filter(a -> !a.equals(oldArchive)).findFirst().orElseThrow();

        // The old jar's archive where the new jar's belongs (a stale file): the lint runs without it.
        Files.write(newArchive, oldBytes);
        assertSameAsReference(lint(env));
        assertSameAsReference(lint(env));
    }

    @Test
    void aCorruptArchiveNeverFailsALint() throws Exception {
        assertSameAsReference(lint(Map.of()));
        Path archive = archives().get(0);
        long size = Files.size(archive);

        // Truncated (mapping it would crash the JVM): the size check catches it and a new one is recorded.
        byte[] half = new byte[(int) (size / 2)];
        System.arraycopy(Files.readAllBytes(archive), 0, half, 0, half.length);
        Files.write(archive, half);
        assertSameAsReference(lint(Map.of()));
        // Whole again, though not always to the byte: which classes a run loads varies a little with
        // thread timing (rules run in parallel), and the archive records them.
        long rewritten = Files.size(archives().get(0));
        assertThat(rewritten).isGreaterThan(half.length);
        size = rewritten;

        // Garbage of the right size: the JVM refuses to map it, silently.
        byte[] garbage = new byte[(int) size];
        new java.util.Random(13).nextBytes(garbage);
        Files.write(archive, garbage);
        assertSameAsReference(lint(Map.of()));
        assertSameAsReference(lint(Map.of()));
    }

    @Test
    void concurrentFirstRunsAllLintAndLeaveOneArchive() throws Exception {
        List<CompletableFuture<Run>> runs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            runs.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return lint(Map.of());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        for (CompletableFuture<Run> r : runs) {
            assertSameAsReference(r.get(10, TimeUnit.MINUTES));
        }
        assertThat(archives()).hasSize(1);
        try (Stream<Path> s = Files.list(cacheHome.resolve("netlint"))) {
            assertThat(s.map(p -> p.getFileName().toString())).as("no temporary file left")
                    .allMatch(n -> n.equals("index") || n.startsWith("netlint-"));
        }
        assertSameAsReference(lint(Map.of()));
    }

    @Test
    void findsTheJarBesideItThroughASymlinkAndSaysWhenThereIsNone() throws Exception {
        // An install: bin/netlint and lib/netlint.jar, called through a symbolic link on PATH.
        Path install = temp.resolve("install");
        Files.createDirectories(install.resolve("bin"));
        Files.createDirectories(install.resolve("lib"));
        Files.copy(LAUNCHER, install.resolve("bin/netlint"));
        install.resolve("bin/netlint").toFile().setExecutable(true);
        Files.createSymbolicLink(install.resolve("lib/netlint.jar"), jar);
        Path onPath = Files.createDirectories(temp.resolve("path"));
        Files.createSymbolicLink(onPath.resolve("netlint"), install.resolve("bin/netlint"));
        Run viaLink = run(List.of(onPath.resolve("netlint").toString(), "--no-color", "compose.yaml"),
                Map.of("XDG_CACHE_HOME", cacheHome.toString()));
        assertSameAsReference(viaLink);

        Files.delete(install.resolve("lib/netlint.jar"));
        Run none = run(List.of(install.resolve("bin/netlint").toString(), "--version"),
                Map.of("XDG_CACHE_HOME", cacheHome.toString()));
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).contains("cannot find netlint.jar").contains("NETLINT_JAR");
    }

    private Run lint(Map<String, String> env) throws IOException, InterruptedException {
        Map<String, String> all = new HashMap<>(Map.of("XDG_CACHE_HOME", cacheHome.toString()));
        all.putAll(env);
        return run(List.of(LAUNCHER.toString(), "--no-color", "compose.yaml"), all);
    }

    private void assertSameAsReference(Run r) {
        assertThat(r.err()).as("stderr of " + r).isEmpty();
        assertThat(r.out()).as(r.toString()).isEqualTo(reference.out());
        assertThat(r.exit()).as(r.toString()).isEqualTo(reference.exit());
    }

    private List<Path> archives() throws IOException {
        Path dir = cacheHome.resolve("netlint");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().matches("netlint-\\d+\\.(jsa|aot)")).sorted().toList();
        }
    }

    private List<Path> indexEntries() throws IOException {
        try (Stream<Path> s = Files.list(cacheHome.resolve("netlint/index"))) {
            return s.toList();
        }
    }

    private static void addEntry(Path zip, String name, String content) throws IOException {
        try (FileSystem fs = FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()), Map.of())) {
            Files.writeString(fs.getPath(name), content);
        }
    }

    private static String javaOf(Path jdk) {
        return jdk == null ? Path.of(System.getProperty("java.home"), "bin", "java").toString()
                : jdk.resolve("bin/java").toString();
    }

    private Run run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(project.toFile());
        pb.environment().remove("NETLINT_JAR");
        pb.environment().remove("NETLINT_JAVA_OPTS");
        pb.environment().remove("NETLINT_CACHE_DIR");
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().putAll(env);
        Path out = Files.createTempFile(temp, "out", ".txt");
        Path err = Files.createTempFile(temp, "err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            fail(command + " did not finish in 5 minutes");
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
