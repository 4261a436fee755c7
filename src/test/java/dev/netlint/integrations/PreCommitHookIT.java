package dev.netlint.integrations;

import dev.netlint.integrations.Processes.Result;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives the repository's .pre-commit-hooks.yaml with Debian's real pre-commit: `try-repo`, and a
 * real `git commit` through an installed hook. The hook repository is a fresh git repository made
 * from this working tree (hook manifest, launcher and the sources the launcher builds), so the test
 * checks what is on disk, not only what is committed.
 */
class PreCommitHookIT {
    /** Host bits set: the daemon (Engine 25+) refuses it, so netlint reports an NL1xx error. */
    static final String BAD_COMPOSE = """
            services:
              web:
                image: nginx:1.27
                networks: [front]
            networks:
              front:
                ipam:
                  config:
                    - subnet: 10.200.0.5/24
            """;
    static final int BAD_LINE = 9;
    static final String GOOD_COMPOSE = """
            services:
              web:
                image: nginx:1.27
                networks: [front]
            networks:
              front:
                ipam:
                  config:
                    - subnet: 10.200.1.0/24
                      gateway: 10.200.1.1
            """;

    private static Path base;
    private static Path hookRepo;
    private static String hookRev;

    @BeforeAll
    static void makeHookRepository() throws Exception {
        Processes.requireTool("pre-commit", "--version");
        Processes.requireTool("git", "--version");
        base = Files.createTempDirectory("netlint-precommit-");
        Files.writeString(base.resolve("gitconfig"), "[init]\n\tdefaultBranch = main\n");
        hookRepo = base.resolve("netlint-hooks");
        Files.createDirectories(hookRepo);
        // The working tree as it is (minus target/ and .git): what a clone of this repository holds.
        Processes.copyTree(Path.of("").toAbsolutePath(), hookRepo);
        git(hookRepo, "init", "-q");
        git(hookRepo, "add", "-A");
        git(hookRepo, "commit", "-q", "-m", "netlint hooks under test");
        hookRev = git(hookRepo, "rev-parse", "HEAD").output().trim();
    }

    @AfterAll
    static void cleanUp() throws IOException {
        if (base != null) {
            Processes.deleteTree(base);
        }
    }

    @Test
    void tryRepoBlocksABadComposeFileAndShowsTheFinding() throws Exception {
        Path work = userRepo("try-bad");
        write(work, "deploy/compose.yaml", BAD_COMPOSE);
        Result r = preCommit(work, withJar(), "try-repo", hookRepo.toString(), "netlint", "--verbose",
                "--files", "deploy/compose.yaml");
        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        assertThat(r.output()).as(r.toString()).contains("netlint").contains("Failed");
        assertThat(r.output()).as("the finding, as path:line:col: severity ID message\n" + r)
                .containsPattern(Pattern.compile("deploy/compose\\.yaml:" + BAD_LINE + ":\\d+: error NL1\\d\\d \\S"));
    }

    @Test
    void tryRepoPassesAGoodComposeFileAndPassesOnlyNetlintInputs() throws Exception {
        Path work = userRepo("try-good");
        write(work, "compose.yaml", GOOD_COMPOSE);
        // JSON that is not Docker output, and a README with a compose example: passed, and silent
        write(work, "package.json", "{\"name\": \"site\", \"version\": \"1.0.0\"}\n");
        write(work, "docs/setup.md", "# Setup\n\nRun the stack:\n\n```yaml\nservices: {}\n```\n");
        // not an input at all: the hook's files/types filter keeps it from netlint
        write(work, "app.py", "print('hello')\n");
        Result r = preCommit(work, withJar(), "try-repo", hookRepo.toString(), "netlint", "--verbose",
                "--files", "compose.yaml", "package.json", "docs/setup.md", "app.py");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.output()).as(r.toString()).contains("Passed").doesNotContain("app.py")
                .containsPattern(Pattern.compile("\\b3 files\\b"));
    }

    @Test
    void anInstalledHookBlocksTheCommitUntilTheFileIsFixed() throws Exception {
        Path work = userRepo("commit");
        Map<String, String> env = withJar();
        writeConfig(work);
        assertThat(preCommit(work, env, "install").exit()).isZero();
        write(work, "compose.yaml", BAD_COMPOSE);
        git(work, "add", "-A");

        Result blocked = Processes.run(work, env(env), 120, List.of("git", "commit", "-m", "add the stack"));
        assertThat(blocked.exit()).as(blocked.toString()).isNotZero();
        assertThat(blocked.output()).as(blocked.toString())
                .containsPattern(Pattern.compile("compose\\.yaml:" + BAD_LINE + ":\\d+: error NL1\\d\\d \\S"));
        assertThat(Processes.run(work, env(env), 30, List.of("git", "rev-parse", "--verify", "-q", "HEAD")).exit())
                .as("no commit was made").isNotZero();

        write(work, "compose.yaml", BAD_COMPOSE.replace("10.200.0.5/24", "10.200.0.0/24"));
        git(work, "add", "-A");
        Result passed = Processes.run(work, env(env), 120, List.of("git", "commit", "-m", "add the stack"));
        assertThat(passed.exit()).as(passed.toString()).isZero();
        assertThat(passed.output()).contains("netlint").contains("Passed");
    }

    @Test
    void theFirstRunBuildsTheJarOnceAndLaterRunsReuseIt() throws Exception {
        Path work = userRepo("build");
        Map<String, String> env = new HashMap<>();
        env.put("PRE_COMMIT_HOME", base.resolve("home-build").toString());
        writeConfig(work);
        write(work, "compose.yaml", GOOD_COMPOSE);
        git(work, "add", "-A");

        Result first = preCommit(work, env, "run", "netlint", "--verbose", "--files", "compose.yaml");
        assertThat(first.exit()).as(first.toString()).isZero();
        assertThat(first.output()).contains("building netlint.jar");
        List<Path> jars;
        try (Stream<Path> s = Files.walk(base.resolve("home-build"))) {
            jars = s.filter(p -> p.endsWith(Path.of("target", "netlint.jar"))).toList();
        }
        assertThat(jars).as("the jar built inside pre-commit's clone of the hook repository").hasSize(1);

        write(work, "compose.yaml", BAD_COMPOSE);
        Result second = preCommit(work, env, "run", "netlint", "--verbose", "--files", "compose.yaml");
        assertThat(second.output()).as(second.toString()).doesNotContain("building netlint.jar");
        assertThat(second.exit()).as(second.toString()).isEqualTo(1);
        assertThat(second.output()).containsPattern(Pattern.compile("compose\\.yaml:" + BAD_LINE + ":\\d+: error NL1\\d\\d"));
    }

    @Test
    void fileNamesThatLookLikeOptionsOrArgumentFilesStayFileNames() throws Exception {
        Path work = userRepo("option-names");
        write(work, "compose.yaml", BAD_COMPOSE);
        // An executable shell script named like an option: pre-commit passes it (types: shell).
        Path optionLike = work.resolve("--fail-on=none");
        Files.writeString(optionLike, "#!/bin/sh\necho hello\n");
        assertThat(optionLike.toFile().setExecutable(true)).isTrue();
        Path stolen = base.resolve("stolen-report.json");
        write(work, "@x.json", "--output\n" + stolen + "\n--format\njson\n");
        git(work, "add", "-A");
        Result r = preCommit(work, withJar(), "try-repo", hookRepo.toString(), "netlint", "--verbose", "--all-files");
        assertThat(r.exit()).as("the option-like file must not switch failing off: " + r).isEqualTo(1);
        assertThat(r.output()).containsPattern(Pattern.compile("compose\\.yaml:" + BAD_LINE + ":\\d+: error NL1\\d\\d"));
        assertThat(stolen).as("@x.json must not be read as netlint arguments").doesNotExist();
    }

    @Test
    void optionsInArgsEndWithADoubleDash() throws Exception {
        Path work = userRepo("args");
        write(work, "compose.yaml", BAD_COMPOSE);
        writeConfig(work, hookRev, "args: [--fail-on, none, --]");
        git(work, "add", "-A");
        Result r = preCommit(work, withJar(), "run", "netlint", "--verbose", "--files", "compose.yaml");
        assertThat(r.exit()).as("args before -- are options: " + r).isZero();
        assertThat(r.output()).containsPattern(Pattern.compile("compose\\.yaml:" + BAD_LINE + ":\\d+: error NL1\\d\\d"));
    }

    @Test
    void aPinnedReleaseIsDownloadedOnceCheckedAndReusedWithoutMaven() throws Exception {
        String version = Processes.netlintVersion();
        String rev = hookRevPinning(version, Processes.sha256(Processes.netlintJar()));
        Path releases = Files.createDirectories(base.resolve("releases-good/v" + version));
        Files.copy(Processes.netlintJar(), releases.resolve("netlint.jar"));
        try (LocalReleaseServer server = new LocalReleaseServer(releases.getParent())) {
            Map<String, String> env = releaseEnv("home-release", server, version);
            Path work = userRepo("release");
            write(work, "compose.yaml", BAD_COMPOSE);
            writeConfig(work, rev);
            Result first = preCommit(work, env, "run", "netlint", "--verbose", "--files", "compose.yaml");
            assertThat(first.exit()).as(first.toString()).isEqualTo(1);
            assertThat(first.output()).contains("downloading netlint " + version).doesNotContain("building netlint.jar")
                    .containsPattern(Pattern.compile("compose\\.yaml:" + BAD_LINE + ":\\d+: error NL1\\d\\d"));
            assertThat(server.requests()).containsExactly("/v" + version + "/netlint.jar");
            List<Path> jars;
            try (Stream<Path> s = Files.walk(base.resolve("home-release"))) {
                jars = s.filter(p -> p.endsWith(Path.of("target", "release", "netlint.jar"))).toList();
            }
            assertThat(jars).hasSize(1);
            assertThat(Processes.sha256(jars.get(0))).isEqualTo(Processes.sha256(Processes.netlintJar()));

            Result second = preCommit(work, env, "run", "netlint", "--verbose", "--files", "compose.yaml");
            assertThat(second.exit()).as(second.toString()).isEqualTo(1);
            assertThat(second.output()).doesNotContain("downloading");
            assertThat(server.requests()).as("downloaded once").hasSize(1);
        }
    }

    @Test
    void aReleaseThatDoesNotMatchThePinnedChecksumIsRefusedAndNotBuilt() throws Exception {
        String version = Processes.netlintVersion();
        String rev = hookRevPinning(version, "f".repeat(64));
        Path releases = Files.createDirectories(base.resolve("releases-bad/v" + version));
        Files.copy(Processes.netlintJar(), releases.resolve("netlint.jar"));
        try (LocalReleaseServer server = new LocalReleaseServer(releases.getParent())) {
            Path work = userRepo("release-bad");
            write(work, "compose.yaml", GOOD_COMPOSE);
            writeConfig(work, rev);
            Result r = preCommit(work, releaseEnv("home-release-bad", server, version), "run", "netlint",
                    "--verbose", "--files", "compose.yaml");
            assertThat(r.exit()).as(r.toString()).isEqualTo(1);
            assertThat(r.output()).contains("exit code: 2").contains("checksum mismatch").contains("f".repeat(64))
                    .doesNotContain("building netlint.jar");
            try (Stream<Path> s = Files.walk(base.resolve("home-release-bad"))) {
                assertThat(s.filter(p -> p.getFileName().toString().startsWith("netlint.jar")).toList()).isEmpty();
            }
        }
    }

    /** A commit of the hook repository whose checksums.txt pins {@code sha256} for {@code version}. */
    private static synchronized String hookRevPinning(String version, String sha256) throws Exception {
        Files.writeString(hookRepo.resolve("github-action/checksums.txt"), version + " " + sha256 + "\n");
        git(hookRepo, "commit", "-q", "-a", "-m", "pin " + version + " " + sha256);
        String rev = git(hookRepo, "rev-parse", "HEAD").output().trim();
        git(hookRepo, "checkout", "-q", hookRev, "--", "github-action/checksums.txt");
        git(hookRepo, "commit", "-q", "-a", "-m", "unpin");
        return rev;
    }

    private static Map<String, String> releaseEnv(String home, LocalReleaseServer server, String version) {
        Map<String, String> env = new HashMap<>();
        env.put("PRE_COMMIT_HOME", base.resolve(home).toString());
        env.put("NETLINT_DOWNLOAD_BASE", server.url("v" + version));
        env.put("NETLINT_TEST_ALLOW_LOOPBACK_HTTP", "1");
        // no Maven: a release needs none
        env.put("NETLINT_MVN", "/nonexistent/mvn");
        return env;
    }

    private static Map<String, String> withJar() {
        Map<String, String> env = new HashMap<>();
        env.put("NETLINT_JAR", Processes.netlintJar().toString());
        env.put("PRE_COMMIT_HOME", base.resolve("home").toString());
        return env;
    }

    private static Map<String, String> env(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(extra);
        env.put("GIT_AUTHOR_NAME", "netlint test");
        env.put("GIT_AUTHOR_EMAIL", "test@netlint.invalid");
        env.put("GIT_COMMITTER_NAME", "netlint test");
        env.put("GIT_COMMITTER_EMAIL", "test@netlint.invalid");
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        // the machine's global git config (hooksPath, templates) must not change what is tested
        env.put("GIT_CONFIG_GLOBAL", base.resolve("gitconfig").toString());
        return env;
    }

    private static Result preCommit(Path dir, Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("pre-commit"));
        cmd.addAll(List.of(args));
        return Processes.run(dir, env(env), 600, cmd);
    }

    private static Result git(Path dir, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("git"));
        cmd.addAll(List.of(args));
        Result r = Processes.run(dir, env(Map.of()), 60, cmd);
        assertThat(r.exit()).as("git " + String.join(" ", args) + ": " + r).isZero();
        return r;
    }

    private static Path userRepo(String name) throws Exception {
        Path work = base.resolve(name);
        Files.createDirectories(work);
        git(work, "init", "-q");
        return work;
    }

    private static void writeConfig(Path work) throws IOException {
        writeConfig(work, hookRev);
    }

    /** A config using the hook repository at {@code rev}, with {@code hookLines} under the hook. */
    private static void writeConfig(Path work, String rev, String... hookLines) throws IOException {
        StringBuilder hook = new StringBuilder();
        for (String line : hookLines) {
            hook.append("        ").append(line).append('\n');
        }
        write(work, ".pre-commit-config.yaml", """
                repos:
                  - repo: %s
                    rev: %s
                    hooks:
                      - id: netlint
                """.formatted(hookRepo, rev) + hook);
    }

    private static void write(Path dir, String rel, String text) throws IOException {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }
}
