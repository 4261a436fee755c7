package dev.netlint.rules.script;

import dev.netlint.rules.Rule;
import dev.netlint.rules.RuleInfo;
import dev.netlint.rules.RuleRegistry;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Every simulation rule is registered and has its page, in the shape the CLI and SARIF expect. */
class ScriptRulePagesTest {
    @Test
    void everyScriptRuleHasItsPageAndFixtures() throws IOException {
        List<Rule> rules = RuleRegistry.all().stream()
                .filter(r -> r.getClass().getPackageName().equals("dev.netlint.rules.script")).toList();
        assertThat(rules).hasSizeGreaterThanOrEqualTo(15);
        String fixtures = allFixtureText();
        for (Rule r : rules) {
            RuleInfo info = r.info();
            assertThat(info.id()).matches("NL4\\d\\d");
            Path page = Path.of("rules", info.id() + ".md");
            assertThat(page).exists();
            List<String> lines = Files.readAllLines(page, StandardCharsets.UTF_8);
            assertThat(lines.get(0)).isEqualTo("# " + info.id() + " " + info.name());
            assertThat(lines.get(1)).isEqualTo("Severity: " + info.severity().name().toLowerCase(Locale.ROOT));
            assertThat(lines.get(2)).isEqualTo(info.summary());
            assertThat(lines).containsSubsequence("## Why", "## Bad", "## Good", "## What the daemon does");
            String text = String.join("\n", lines);
            assertThat(text).doesNotContain("```sh", "```bash", "```shell", "```console");
            assertThat(fixtures).as(info.id() + " has a bad fixture").contains(info.id());
        }
    }

    private static String allFixtureText() throws IOException {
        StringBuilder b = new StringBuilder();
        for (String dir : List.of("fixtures/scripts", "fixtures/daemon", "fixtures/markdown")) {
            try (var s = Files.walk(Path.of(dir))) {
                for (Path p : s.filter(Files::isRegularFile).toList()) {
                    b.append(Files.readString(p, StandardCharsets.UTF_8));
                }
            }
        }
        return b.toString();
    }
}
