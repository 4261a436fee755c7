package dev.netlint.ingest.compose;

import dev.netlint.ingest.SourceFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ComposeDiscoveryTest {
    private final ComposeReader reader = new ComposeReader();

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "compose.yaml, true", "compose.yml, true", "docker-compose.yml, true", "docker-compose.yaml, true",
        "compose.prod.yaml, true", "docker-compose-dev.yml, true", "compose-monitoring.yml, true",
        "Docker-Compose.YML, true", "compose.override.yaml, true",
        "stack.yml, false", "compose.json, false", "my-compose.yml, false", "compose, false",
        "docker-compose.yml.bak, false"})
    void walked_files_are_claimed_by_name(String name, boolean claimed) {
        assertThat(reader.claimsByName(dir.resolve(name))).isEqualTo(claimed);
    }

    @Test
    void an_override_beside_its_main_file_is_not_claimed_by_name() {
        ComposeTesting.write(dir, "docker-compose.yml", "services: {}\n");
        assertThat(reader.claimsByName(dir.resolve("docker-compose.override.yml"))).isFalse();
        assertThat(reader.claimsByName(dir.resolve("compose.override.yaml"))).isFalse();
        assertThat(reader.claimsByName(dir.resolve("docker-compose.yml"))).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Stackfile | services:\\n  web: {image: x}\\n | true",
        "Stackfile | # deploy file\\n\\nnetworks:\\n  n: {}\\n | true",
        "Stackfile | services: {web: {image: x}}\\n | true",
        "Stackfile | ---\\nservices:\\n  web: {}\\n | true",
        "Makefile | all: services\\nservices:\\n\\tdocker compose up\\n | false",
        "run | #!/bin/sh\\nservices:\\n | false",
        "notes | the services: list\\n | false",
        "data.json | {\"services\": {}}\\n | false",
        "x.yml | anything at all\\n | true",
        "X.YAML | [1, 2]\\n | true"})
    void explicit_files_are_claimed_by_content_or_extension(String name, String content, boolean claimed) {
        String text = content.replace("\\n", "\n").replace("\\t", "\t");
        SourceFile f = SourceFile.ofText(dir.resolve(name).toString(), text);
        assertThat(reader.claimsByContent(f, text.getBytes(StandardCharsets.UTF_8))).isEqualTo(claimed);
    }
}
