package dev.netlint.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks github-action/action.yml the way GitHub reads it (required keys of a composite action),
 * and that its inputs and its scripts agree: every input is used, and every INPUT_* variable a
 * script reads is passed to that script's step from the input of the same name.
 */
class GitHubActionMetadataTest {
    private static final Path ACTION_DIR = Path.of("github-action");
    private static final Pattern INPUT_VAR = Pattern.compile("\\bINPUT_[A-Z0-9_]+\\b");
    private static final Pattern SCRIPT_REF = Pattern.compile("\\$GITHUB_ACTION_PATH/(scripts/[A-Za-z0-9_.-]+\\.sh)");
    private static final Pattern OUTPUT_WRITE = Pattern.compile("echo \"([a-z][a-z0-9-]*)=");

    private static JsonNode action;

    @BeforeAll
    static void parse() throws IOException {
        action = new ObjectMapper(new YAMLFactory()).readTree(ACTION_DIR.resolve("action.yml").toFile());
    }

    @Test
    void hasTheKeysGitHubRequiresOfACompositeAction() {
        assertThat(action.path("name").asText()).isNotBlank();
        assertThat(action.path("description").asText()).isNotBlank();
        assertThat(action.path("branding").path("icon").asText()).isNotBlank();
        assertThat(action.path("branding").path("color").asText())
                .isIn("white", "black", "yellow", "blue", "green", "orange", "red", "purple", "gray-dark");
        assertThat(action.path("runs").path("using").asText()).isEqualTo("composite");
        JsonNode steps = action.path("runs").path("steps");
        assertThat(steps.isArray() && steps.size() > 0).as("runs.steps").isTrue();
        for (JsonNode step : steps) {
            assertThat(step.has("run") ^ step.has("uses")).as("a step has exactly one of run/uses: " + step).isTrue();
            if (step.has("run")) {
                assertThat(step.path("shell").asText()).as("composite run steps need a shell: " + step).isEqualTo("bash");
            }
        }
    }

    @Test
    void declaresTheDocumentedInputsWithDescriptionsAndDefaults() {
        JsonNode inputs = action.path("inputs");
        assertThat(names(inputs)).containsExactlyInAnyOrder(
                "paths", "config", "config-from-base", "fail-on", "format", "sarif-file", "upload-sarif", "version");
        for (Iterator<Map.Entry<String, JsonNode>> it = inputs.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            assertThat(e.getValue().path("description").asText()).as(e.getKey() + ".description").isNotBlank();
            assertThat(e.getValue().has("default") || e.getValue().path("required").asBoolean())
                    .as(e.getKey() + " has a default or is required").isTrue();
        }
        assertThat(inputs.path("sarif-file").path("default").asText()).isEqualTo("netlint.sarif");
        assertThat(inputs.path("upload-sarif").path("default").asText()).isEqualTo("true");
        assertThat(inputs.path("fail-on").path("default").asText()).isEqualTo("error");
        assertThat(inputs.path("paths").path("default").asText()).isEqualTo(".");
    }

    @Test
    void setsUpJavaRunsTheScriptsUploadsSarifAlwaysAndGatesLast() {
        List<String> order = new ArrayList<>();
        for (JsonNode step : action.path("runs").path("steps")) {
            String uses = step.path("uses").asText("");
            if (uses.startsWith("actions/setup-java@")) {
                assertThat(step.path("with").path("java-version").asText()).isEqualTo("17");
                order.add("setup-java");
            } else if (uses.startsWith("actions/cache@")) {
                assertThat(step.path("if").asText()).isEqualTo("steps.version.outputs.source == 'release'");
                assertThat(step.path("with").path("key").asText())
                        .contains("steps.version.outputs.version").contains("steps.version.outputs.sha256");
                order.add("cache");
            } else if (uses.startsWith("github/codeql-action/upload-sarif@")) {
                assertThat(uses).endsWith("@v3");
                String cond = step.path("if").asText();
                assertThat(cond).contains("always()").contains("inputs.upload-sarif == 'true'");
                assertThat(step.path("with").path("sarif_file").asText()).contains("steps.run.outputs.sarif-file");
                order.add("upload");
            } else {
                Matcher m = SCRIPT_REF.matcher(step.path("run").asText(""));
                assertThat(m.find()).as("run steps call a script of the action: " + step).isTrue();
                order.add(m.group(1));
            }
        }
        assertThat(order).containsExactly("setup-java", "scripts/install.sh", "cache", "scripts/install.sh",
                "scripts/run.sh", "upload", "scripts/gate.sh");
        assertThat(stepById("version").path("run").asText()).endsWith("install.sh\" resolve");
        assertThat(stepById("install").path("run").asText()).endsWith("install.sh\" install");
        assertThat(stepById("run")).as("the run step has id run (outputs and upload refer to it)").isNotNull();
        assertThat(stepById("install")).isNotNull();
    }

    @Test
    void everyInputIsUsedAndEveryInputVariableAScriptReadsIsPassedFromItsInput() throws IOException {
        String stepsText = action.path("runs").path("steps").toString();
        for (String input : names(action.path("inputs"))) {
            assertThat(stepsText).as("input " + input + " is used by a step").contains("inputs." + input);
        }
        for (JsonNode step : action.path("runs").path("steps")) {
            Matcher m = SCRIPT_REF.matcher(step.path("run").asText(""));
            if (!m.find()) {
                continue;
            }
            Path script = ACTION_DIR.resolve(m.group(1));
            assertThat(script).isRegularFile();
            assertThat(Files.isExecutable(script)).as(script + " is executable").isTrue();
            Set<String> read = new TreeSet<>();
            Matcher v = INPUT_VAR.matcher(Files.readString(script));
            while (v.find()) {
                read.add(v.group());
            }
            JsonNode env = step.path("env");
            for (String var : read) {
                String input = var.substring("INPUT_".length()).toLowerCase(Locale.ROOT).replace('_', '-');
                assertThat(env.path(var).asText())
                        .as(script + " reads " + var + ": its step must pass ${{ inputs." + input + " }}")
                        .isEqualTo("${{ inputs." + input + " }}");
            }
            for (String passed : names(env)) {
                if (passed.startsWith("INPUT_")) {
                    assertThat(read).as(script + " is passed " + passed + " and should use it").contains(passed);
                }
            }
        }
    }

    @Test
    void everyOutputComesFromTheRunStepAndTheRunScriptWritesIt() throws IOException {
        String runScript = Files.readString(ACTION_DIR.resolve("scripts/run.sh"));
        Set<String> written = new LinkedHashSet<>();
        Matcher m = OUTPUT_WRITE.matcher(runScript);
        while (m.find()) {
            written.add(m.group(1));
        }
        Map<String, String> outputs = new LinkedHashMap<>();
        action.path("outputs").fields().forEachRemaining(e -> outputs.put(e.getKey(), e.getValue().path("value").asText()));
        assertThat(outputs).isNotEmpty();
        for (var e : outputs.entrySet()) {
            assertThat(e.getValue()).isEqualTo("${{ steps.run.outputs." + e.getKey() + " }}");
            assertThat(written).as("run.sh writes output " + e.getKey()).contains(e.getKey());
        }
        assertThat(action.path("outputs").path("sarif-file").path("description").asText()).isNotBlank();
    }

    @Test
    void theReadmeShowsAWorkflowThatMayUploadSarif() throws IOException {
        String readme = Files.readString(ACTION_DIR.resolve("README.md"));
        Matcher block = Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(block.find()).as("README has a yaml workflow example").isTrue();
        JsonNode workflow = new ObjectMapper(new YAMLFactory()).readTree(block.group(1));
        assertThat(workflow.path("permissions").path("security-events").asText()).isEqualTo("write");
        assertThat(workflow.path("permissions").path("contents").asText()).isEqualTo("read");
        JsonNode steps = workflow.path("jobs").path("netlint").path("steps");
        assertThat(steps.toString()).contains("actions/checkout@").contains("/github-action@");
        try (Stream<Path> s = Files.list(ACTION_DIR.resolve("scripts"))) {
            assertThat(s.map(p -> p.getFileName().toString()).toList())
                    .containsExactlyInAnyOrder("install.sh", "release-jar.sh", "run.sh", "gate.sh");
        }
    }

    private static JsonNode stepById(String id) {
        for (JsonNode step : action.path("runs").path("steps")) {
            if (id.equals(step.path("id").asText())) {
                return step;
            }
        }
        return null;
    }

    private static List<String> names(JsonNode object) {
        List<String> out = new ArrayList<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
