package dev.netlint.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.netlint.integrations.Processes.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the GitHub Action's step scripts (github-action/scripts) the way the runner does: bash,
 * with GITHUB_WORKSPACE, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, RUNNER_TEMP, GITHUB_ACTION_PATH and the
 * INPUT_* variables action.yml passes, over a workspace with a bad and a good compose file.
 */
class GitHubActionScriptsIT {
    private static final Path ACTION = Path.of("github-action").toAbsolutePath();

    @TempDir
    Path temp;
    Path workspace;
    Path runnerTemp;
    Path outputFile;
    Path summaryFile;

    @BeforeEach
    void workspace() throws IOException {
        Processes.requireTool("bash", "--version");
        workspace = Files.createDirectories(temp.resolve("workspace"));
        runnerTemp = Files.createDirectories(temp.resolve("runner-temp"));
        outputFile = Files.createFile(runnerTemp.resolve("github_output"));
        summaryFile = Files.createFile(runnerTemp.resolve("step_summary"));
        write("bad/compose.yaml", PreCommitHookIT.BAD_COMPOSE);
        write("good/compose.yaml", PreCommitHookIT.GOOD_COMPOSE);
    }

    @Test
    void installWithoutVersionUsesTheJarOfTheActionsOwnCheckout() throws Exception {
        Path jar = Processes.netlintJar();
        Result r = step("install.sh", Map.of("INPUT_VERSION", ""));
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(outputs()).containsEntry("jar", jar.toString()).containsKey("version");
    }

    @Test
    void installWithAVersionDownloadsTheReleaseJarAndChecksItsChecksum() throws Exception {
        Path jar = Processes.netlintJar();
        Path release = Files.createDirectories(temp.resolve("release"));
        Files.copy(jar, release.resolve("netlint.jar"));
        Files.writeString(release.resolve("netlint.jar.sha256"), sha256(jar) + "  netlint.jar\n");
        Map<String, String> env = Map.of("INPUT_VERSION", "v0.1.0", "NETLINT_DOWNLOAD_BASE", release.toUri().toString());

        Result r = step("install.sh", env);
        assertThat(r.exit()).as(r.toString()).isZero();
        Path got = Path.of(outputs().get("jar"));
        assertThat(got).startsWith(runnerTemp).hasFileName("netlint.jar");
        assertThat(sha256(got)).isEqualTo(sha256(jar));

        Files.writeString(release.resolve("netlint.jar.sha256"), "0".repeat(64) + "  netlint.jar\n");
        Result tampered = step("install.sh", env);
        assertThat(tampered.exit()).isEqualTo(2);
        assertThat(tampered.output()).contains("::error").contains("checksum mismatch");

        Result missing = step("install.sh", Map.of("INPUT_VERSION", "9.9.9",
                "NETLINT_DOWNLOAD_BASE", temp.resolve("no-such-release").toUri().toString()));
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.output()).contains("::error").contains("could not download");
    }

    @Test
    void installBuildsTheJarWithMavenWhenTheCheckoutHasNone() throws Exception {
        Processes.requireTool("mvn", "--version");
        // What the runner checks out for `uses: OWNER/netlint/github-action@REF`: the whole repository.
        Path checkout = temp.resolve("action-checkout");
        Processes.copyTree(Path.of("").toAbsolutePath(), checkout);
        Map<String, String> env = new HashMap<>();
        env.put("INPUT_VERSION", "");
        env.put("GITHUB_ACTION_PATH", checkout.resolve("github-action").toString());
        Result r = step("install.sh", env);
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.output()).contains("Building netlint");
        Path built = checkout.resolve("target/netlint.jar");
        assertThat(built).isRegularFile();
        assertThat(outputs()).containsEntry("jar", built.toString());

        Result lint = step("run.sh", Map.of("NETLINT_JAR", built.toString(), "INPUT_PATHS", "bad"));
        assertThat(lint.exit()).as(lint.toString()).isZero();
        assertThat(outputs()).containsEntry("exit-code", "1");
    }

    @Test
    void findingsAtOrAboveFailOnWriteSarifAndFailTheGateAfterwards() throws Exception {
        Result run = step("run.sh", runEnv("bad good", "error"));
        assertThat(run.exit()).as("the run step itself succeeds so the upload can follow: " + run).isZero();
        assertThat(run.output()).containsPattern(Pattern.compile("bad/compose\\.yaml:" + PreCommitHookIT.BAD_LINE
                + ":\\d+: error NL1\\d\\d \\S"));
        Map<String, String> out = outputs();
        assertThat(out).containsOnlyKeys("sarif-file", "exit-code", "findings", "errors", "warnings", "notes");
        assertThat(out).containsEntry("sarif-file", "reports/netlint.sarif").containsEntry("exit-code", "1");
        assertThat(Integer.parseInt(out.get("errors"))).isPositive();
        assertThat(Integer.parseInt(out.get("findings"))).isEqualTo(Integer.parseInt(out.get("errors"))
                + Integer.parseInt(out.get("warnings")) + Integer.parseInt(out.get("notes")));

        JsonNode sarif = new ObjectMapper().readTree(workspace.resolve("reports/netlint.sarif").toFile());
        assertThat(sarif.path("version").asText()).isEqualTo("2.1.0");
        JsonNode results = sarif.path("runs").path(0).path("results");
        assertThat(results.size()).isEqualTo(Integer.parseInt(out.get("findings")));
        assertThat(results.toString()).contains("bad/compose.yaml").doesNotContain("good/compose.yaml");
        assertThat(results.path(0).path("ruleId").asText()).matches("NL1\\d\\d");

        assertThat(Files.readString(summaryFile)).contains("### netlint").contains("bad/compose.yaml:" + PreCommitHookIT.BAD_LINE);

        Result gate = step("gate.sh", Map.of("NETLINT_EXIT_CODE", out.get("exit-code"), "INPUT_FAIL_ON", "error"));
        assertThat(gate.exit()).isEqualTo(1);
        assertThat(gate.output()).contains("::error");
    }

    @Test
    void aCleanWorkspacePassesTheGate() throws Exception {
        Result run = step("run.sh", runEnv("good", "note"));
        assertThat(run.exit()).as(run.toString()).isZero();
        Map<String, String> out = outputs();
        assertThat(out).containsEntry("exit-code", "0").containsEntry("findings", "0");
        assertThat(workspace.resolve("reports/netlint.sarif")).isRegularFile();
        Result gate = step("gate.sh", Map.of("NETLINT_EXIT_CODE", "0", "INPUT_FAIL_ON", "note"));
        assertThat(gate.exit()).as(gate.toString()).isZero();
    }

    @Test
    void failOnNoneStillReportsButPasses() throws Exception {
        Map<String, String> env = runEnv("bad", "none");
        env.put("INPUT_FORMAT", "github");
        Result run = step("run.sh", env);
        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.output()).as("github format: workflow commands")
                .containsPattern(Pattern.compile("::error file=bad/compose\\.yaml,line=" + PreCommitHookIT.BAD_LINE));
        Map<String, String> out = outputs();
        assertThat(out).containsEntry("exit-code", "0");
        assertThat(Integer.parseInt(out.get("errors"))).isPositive();
        assertThat(step("gate.sh", Map.of("NETLINT_EXIT_CODE", "0", "INPUT_FAIL_ON", "none")).exit()).isZero();
    }

    @Test
    void pathsOnePerLineMayContainSpaces() throws Exception {
        write("with space/compose.yaml", PreCommitHookIT.BAD_COMPOSE);
        Result run = step("run.sh", runEnv("good\nwith space/compose.yaml\n", "error"));
        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(outputs()).containsEntry("exit-code", "1");
        assertThat(run.output()).contains("with space/compose.yaml:" + PreCommitHookIT.BAD_LINE);
    }

    @Test
    void aMissingPathOrABadOptionFailsTheRunStepWithoutASarifOutput() throws Exception {
        Result missing = step("run.sh", runEnv("no-such-dir", "error"));
        assertThat(missing.exit()).as(missing.toString()).isEqualTo(2);
        assertThat(missing.output()).contains("::error");
        assertThat(outputs()).doesNotContainKey("sarif-file");

        Result badFailOn = step("run.sh", runEnv("good", "fatal"));
        assertThat(badFailOn.exit()).isEqualTo(2);
        assertThat(badFailOn.output()).contains("fail-on must be error, warning, note or none");

        Result noResult = step("gate.sh", Map.of("NETLINT_EXIT_CODE", "", "INPUT_FAIL_ON", "error"));
        assertThat(noResult.exit()).isEqualTo(2);
    }

    /** The log output quotes the pull request: it runs under ::stop-commands:: with a random token. */
    @Test
    void logOutputIsWrappedInStopCommands() throws Exception {
        write("bad/compose.yaml", PreCommitHookIT.BAD_COMPOSE + "# ::add-mask::pwned ::error::forged\n");
        Result run = step("run.sh", runEnv("bad", "error"));
        List<String> lines = run.output().lines().toList();
        int start = -1;
        String token = null;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("::stop-commands::")) {
                start = i;
                token = lines.get(i).substring("::stop-commands::".length());
            }
        }
        assertThat(token).as(run.toString()).matches("netlint-[0-9a-f]{32}");
        int end = lines.indexOf("::" + token + "::");
        assertThat(end).as("resumed after the report").isGreaterThan(start + 1);
        assertThat(String.join("\n", lines.subList(start + 1, end))).contains("NL1");
        Result again = step("run.sh", runEnv("bad", "error"));
        assertThat(again.output()).as("a new token each run").doesNotContain("::stop-commands::" + token);
    }

    /** The job summary escapes Markdown and HTML from file names and messages. */
    @Test
    void jobSummaryEscapesMarkdownAndHtml() throws Exception {
        Processes.requireTool("jq", "--version");
        write("html/compose.yaml", "networks:\n  front:\n    ipam:\n      config:\n"
                + "        - subnet: \"<img src=x onerror=alert(1)>[link](x)\"\n");
        Result run = step("run.sh", runEnv("html", "error"));
        assertThat(run.exit()).as(run.toString()).isZero();
        String summary = Files.readString(summaryFile);
        assertThat(summary).contains("&lt;img src=x onerror=alert\\(1\\)&gt;\\[link\\]\\(x\\)")
                .doesNotContain("<img", "[link](");
    }

    /** Paths that look like options stay paths: --fail-on=none and @file cannot switch the check off. */
    @Test
    void optionLikePathNamesAreLintedAsPaths() throws Exception {
        write("--fail-on=none/compose.yaml", PreCommitHookIT.BAD_COMPOSE);
        write("x.json", "--output\n" + temp.resolve("written.txt") + "\n");
        write("@x.json", "{}\n");
        Result run = step("run.sh", runEnv("--fail-on=none @x.json", "error"));
        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(outputs()).containsEntry("exit-code", "1");
        assertThat(temp.resolve("written.txt")).doesNotExist();
    }

    /** config-from-base: the configuration comes from the base commit, not from the pull request. */
    @Test
    void configFromBaseIgnoresThePullRequestsConfiguration() throws Exception {
        Processes.requireTool("git", "--version");
        write(".netlint.yaml", "rules: {}\n");
        Map<String, String> gitEnv = Map.of("GIT_AUTHOR_NAME", "t", "GIT_AUTHOR_EMAIL", "t@example.invalid",
                "GIT_COMMITTER_NAME", "t", "GIT_COMMITTER_EMAIL", "t@example.invalid");
        for (List<String> git : List.of(List.of("git", "init", "-q"), List.of("git", "add", "."),
                List.of("git", "commit", "-q", "-m", "base"))) {
            assertThat(Processes.run(workspace, gitEnv, 60, git).exit()).isZero();
        }
        String base = Processes.run(workspace, gitEnv, 60, List.of("git", "rev-parse", "HEAD")).output().strip();
        write(".netlint.yaml", "ignore: [\"**\"]\n"); // the pull request silences everything
        Map<String, String> env = runEnv("bad", "error");
        assertThat(step("run.sh", env).exit()).isZero();
        assertThat(outputs()).as("the pull request's own configuration").containsEntry("exit-code", "0");
        env.put("INPUT_CONFIG_FROM_BASE", "true");
        env.put("NETLINT_BASE_SHA", base);
        Result run = step("run.sh", env);
        assertThat(run.output()).contains("from the base commit " + base);
        assertThat(outputs()).containsEntry("exit-code", "1");
        Files.writeString(summaryFile, "");
    }

    private Map<String, String> runEnv(String paths, String failOn) {
        Map<String, String> env = new HashMap<>();
        env.put("NETLINT_JAR", Processes.netlintJar().toString());
        env.put("INPUT_PATHS", paths);
        env.put("INPUT_CONFIG", "");
        env.put("INPUT_FAIL_ON", failOn);
        env.put("INPUT_FORMAT", "text");
        env.put("INPUT_SARIF_FILE", "reports/netlint.sarif");
        return env;
    }

    /** Runs one step script with the variables the runner sets for a composite action's run step. */
    private Result step(String script, Map<String, String> inputs) throws Exception {
        Files.writeString(outputFile, "");
        Map<String, String> env = new HashMap<>();
        env.put("GITHUB_ACTIONS", "true");
        env.put("CI", "true");
        env.put("GITHUB_WORKSPACE", workspace.toString());
        env.put("GITHUB_OUTPUT", outputFile.toString());
        env.put("GITHUB_STEP_SUMMARY", summaryFile.toString());
        env.put("RUNNER_TEMP", runnerTemp.toString());
        env.put("GITHUB_ACTION_PATH", ACTION.toString());
        env.put("GITHUB_ACTION_REPOSITORY", "");
        env.putAll(inputs);
        Path scriptPath = Path.of(env.get("GITHUB_ACTION_PATH"), "scripts", script);
        return Processes.run(workspace, env, 600, List.of("bash", scriptPath.toString()));
    }

    /** GITHUB_OUTPUT as the runner reads it: name=value lines (the scripts write no multi-line values). */
    private Map<String, String> outputs() throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(outputFile, StandardCharsets.UTF_8)) {
            int eq = line.indexOf('=');
            assertThat(eq).as("GITHUB_OUTPUT line " + line).isPositive();
            out.put(line.substring(0, eq), line.substring(eq + 1));
        }
        return out;
    }

    private void write(String rel, String text) throws IOException {
        Path p = workspace.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
