package dev.netlint.integrations;

import dev.netlint.integrations.Processes.Result;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The release process, as a JReleaser dry run: in a clone of this repository whose origin is the
 * project's GitHub repository (JReleaser reads it; nothing is contacted) and whose version is a
 * release (so the RELEASE-only Homebrew, Scoop, SDKMAN! and JBang packagers run too), with the jar,
 * man pages and completion this build made: assemble, release (changelog, checksums, the GitHub
 * release, dry) and package (the formula, manifest and catalog). Signing and the Maven Central
 * upload need the release keys, and publishing needs the tap repositories: the real release does them. Then checks the artifacts: checksums, changelog, the
 * launcher and `man netlint` from the unpacked distribution, and the packagers' files.
 */
class ReleaseDistributionIT {
    private static final String VERSION = "0.0.0";
    private static Path base;
    private static Path clone;
    private static Path out;
    private static Result dryRun;

    @BeforeAll
    static void dryRun() throws Exception {
        Processes.requireTool("git", "--version");
        Processes.requireTool("tar", "--version");
        Processes.requireTool("mvn", "--version");
        Path root = Path.of("").toAbsolutePath();
        base = Files.createTempDirectory("netlint-release-");
        clone = base.resolve("netlint");
        run(base, 120, "git", "clone", "-q", "--no-checkout", root.toString(), clone.toString());
        run(clone, 30, "git", "remote", "set-url", "origin", "https://github.com/netlint/netlint.git");
        // The working tree as it is (uncommitted changes included), as in PreCommitHookIT; JReleaser
        // reads only the history (HEAD, log, tags) and the origin from git.
        Processes.copyTree(root, clone);
        Path pom = clone.resolve("pom.xml");
        Files.writeString(pom, Files.readString(pom).replaceFirst("<version>[^<]*-SNAPSHOT</version>",
                "<version>" + VERSION + "</version>"));
        Path target = Files.createDirectories(clone.resolve("target"));
        Files.copy(Processes.netlintJar(), target.resolve("netlint.jar"));
        Processes.copyTree(root.resolve("target/man/man1"), target.resolve("man/man1"));
        Processes.copyTree(root.resolve("target/completion"), target.resolve("completion"));

        Map<String, String> env = new HashMap<>();
        env.put("JRELEASER_GITHUB_TOKEN", "dry-run-without-a-token");
        env.put("JRELEASER_SDKMAN_CONSUMER_KEY", "dry-run");
        env.put("JRELEASER_SDKMAN_CONSUMER_TOKEN", "dry-run");
        // full-release = release + package + publish + announce; publish would look up the tap,
        // bucket and catalog repositories on GitHub even in a dry run, so it is left out here.
        dryRun = Processes.run(clone, env, 900, List.of("mvn", "-B",
                "org.jreleaser:jreleaser-maven-plugin:1.23.0:assemble",
                "org.jreleaser:jreleaser-maven-plugin:1.23.0:release",
                "org.jreleaser:jreleaser-maven-plugin:1.23.0:package",
                "-Djreleaser.dry.run=true", "-Dnetlint.central.active=NEVER", "-Dnetlint.signing.active=NEVER"));
        out = clone.resolve("target/jreleaser");
    }

    @AfterAll
    static void cleanUp() throws IOException {
        if (base != null) {
            Processes.deleteTree(base);
        }
    }

    @Test
    void theDryRunSucceedsWithoutNetwork() {
        assertThat(dryRun.exit()).as(dryRun.toString()).isZero();
        assertThat(dryRun.output()).contains("dry-run set to true").contains("JReleaser succeeded");
    }

    @Test
    void everyChecksumMatchesItsFileAndCoversTheJarAndBothArchives() throws Exception {
        Path sums = out.resolve("checksums/checksums_sha256.txt");
        assertThat(sums).as(dryRun.toString()).isRegularFile();
        Map<String, String> byName = new HashMap<>();
        for (String line : Files.readAllLines(sums)) {
            String[] parts = line.trim().split("\\s+");
            assertThat(parts).as(line).hasSize(2);
            byName.put(parts[1], parts[0]);
        }
        assertThat(byName).containsOnlyKeys("netlint.jar", "netlint-" + VERSION + ".zip", "netlint-" + VERSION + ".tgz");
        assertThat(byName.get("netlint.jar")).isEqualTo(Processes.sha256(Processes.netlintJar()));
        Path archives = out.resolve("assemble/netlint/archive");
        for (String archive : List.of("netlint-" + VERSION + ".zip", "netlint-" + VERSION + ".tgz")) {
            assertThat(Processes.sha256(archives.resolve(archive))).as(archive).isEqualTo(byName.get(archive));
        }
    }

    @Test
    void theChangelogComesFromTheCommits() throws Exception {
        Path changelog = out.resolve("release/CHANGELOG.md");
        assertThat(changelog).as(dryRun.toString()).isRegularFile();
        String head = run(clone, 30, "git", "log", "-1", "--format=%h %s").output().trim();
        assertThat(Files.readString(changelog)).contains("- " + head);
    }

    @Test
    void theLauncherAndTheManPageWorkFromTheUnpackedDistribution() throws Exception {
        Path unpacked = Files.createDirectories(base.resolve("unpacked"));
        run(unpacked, 120, "tar", "xzf", out.resolve("assemble/netlint/archive/netlint-" + VERSION + ".tgz").toString());
        Path home = unpacked.resolve("netlint-" + VERSION);
        assertThat(home.resolve("lib/netlint.jar")).isRegularFile();
        assertThat(Files.isExecutable(home.resolve("bin/netlint"))).isTrue();

        Map<String, String> env = new HashMap<>();
        env.put("PATH", home.resolve("bin") + ":/usr/local/bin:/usr/bin:/bin");
        env.remove("NETLINT_JAR");
        Result version = Processes.run(base, env, 60, List.of("sh", "-c", "unset NETLINT_JAR MANPATH; netlint --version"));
        assertThat(version.exit()).as(version.toString()).isZero();
        assertThat(version.output()).startsWith("netlint " + Processes.netlintVersion());

        Path compose = base.resolve("compose.yaml");
        Files.writeString(compose, PreCommitHookIT.BAD_COMPOSE);
        Result lint = Processes.run(base, env, 60, List.of("sh", "-c", "unset NETLINT_JAR; netlint compose.yaml"));
        assertThat(lint.exit()).as(lint.toString()).isEqualTo(1);
        assertThat(lint.output()).containsPattern("compose\\.yaml:" + PreCommitHookIT.BAD_LINE + ":\\d+: error NL1\\d\\d");

        Processes.requireTool("man", "--version");
        // man finds pages beside a bin directory on PATH (bin/../man); no MANPATH needed.
        Result where = Processes.run(base, env, 60, List.of("sh", "-c", "unset MANPATH; man -w netlint"));
        assertThat(where.exit()).as(where.toString()).isZero();
        assertThat(where.output().trim()).isEqualTo(home.resolve("man/man1/netlint.1").toString());
        env.put("MANWIDTH", "100");
        Result page = Processes.run(base, env, 60, List.of("sh", "-c", "unset MANPATH; man -P cat netlint 2>&1"));
        assertThat(page.exit()).as(page.toString()).isZero();
        assertThat(page.output()).contains("NAME").contains("netlint").contains("SYNOPSIS").contains("--fail-on");
        Result lintPage = Processes.run(base, env, 60, List.of("sh", "-c", "unset MANPATH; man -P cat netlint-lint 2>&1"));
        assertThat(lintPage.exit()).as(lintPage.toString()).isZero();

        try (ZipFile zip = new ZipFile(out.resolve("assemble/netlint/archive/netlint-" + VERSION + ".zip").toFile())) {
            List<String> names = zip.stream().map(e -> e.getName()).toList();
            assertThat(names).contains("netlint-" + VERSION + "/bin/netlint", "netlint-" + VERSION + "/lib/netlint.jar",
                    "netlint-" + VERSION + "/man/man1/netlint.1");
        }
    }

    @Test
    void thePackagersDescribeTheArchivesWithTheirChecksums() throws Exception {
        Map<String, String> sums = new HashMap<>();
        for (String line : Files.readAllLines(out.resolve("checksums/checksums_sha256.txt"))) {
            String[] parts = line.trim().split("\\s+");
            sums.put(parts[1], parts[0]);
        }
        String zipSha = sums.get("netlint-" + VERSION + ".zip");
        String formula = readOne("glob:**/brew/**/netlint.rb");
        assertThat(formula).contains("netlint-" + VERSION + ".zip").contains(zipSha)
                .contains("https://github.com/netlint/netlint/releases/download/v" + VERSION);
        String scoop = readOne("glob:**/scoop/**/netlint.json");
        assertThat(scoop).contains(zipSha).contains("netlint-" + VERSION + ".zip");
        String jbang = readOne("glob:**/jbang/jbang-catalog.json");
        assertThat(jbang).contains("\"netlint\"").contains("netlint.java");
        assertThat(readOne("glob:**/jbang/netlint.java")).contains("//DEPS dev.netlint:netlint:" + VERSION)
                .contains("dev.netlint.cli.NetlintCommand.main(args)");
        assertThat(dryRun.output()).contains("[sdkman] packaging netlint distribution")
                .doesNotContain("api.github.com");
    }

    private static String readOne(String glob) throws IOException {
        var matcher = out.getFileSystem().getPathMatcher(glob);
        List<Path> found;
        try (Stream<Path> s = Files.walk(out)) {
            found = s.filter(matcher::matches).filter(Files::isRegularFile).toList();
        }
        assertThat(found).as(glob + " under " + out + "\n" + dryRun).isNotEmpty();
        return Files.readString(found.get(0));
    }

    private static Result run(Path dir, long timeout, String... command) throws Exception {
        Result r = Processes.run(dir, Map.of(), timeout, List.of(command));
        assertThat(r.exit()).as(String.join(" ", command) + ": " + r).isZero();
        return r;
    }

}
