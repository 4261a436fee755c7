package dev.netlint.rules;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Every NL2xx/NL3xx rule has a page in the brief's exact shape, agreeing with its @RuleInfo. */
class ModeAndPortRulePagesTest {
    private static final List<String> SECTIONS = List.of("## Why", "## Bad", "## Good", "## What the daemon does");
    private static final Pattern SHELL_FENCE = Pattern.compile("(?m)^```(sh|bash|shell|console)\\s*$");

    @Test
    void everyModeAndPortRuleHasItsPage() throws IOException {
        List<Rule> rules = RuleRegistry.all().stream()
                .filter(r -> r.info().id().startsWith("NL2") || r.info().id().startsWith("NL3")).toList();
        assertThat(rules).hasSizeGreaterThanOrEqualTo(22);
        for (Rule r : rules) {
            RuleInfo info = r.info();
            Path page = Path.of("rules", info.id() + ".md");
            assertThat(page).as(info.id()).exists();
            String text = Files.readString(page, StandardCharsets.UTF_8);
            String[] lines = text.split("\n");
            assertThat(lines[0]).isEqualTo("# " + info.id() + " " + info.name());
            assertThat(lines[1]).isEqualTo("Severity: " + info.severity().label());
            assertThat(lines[2]).isEqualTo(info.summary());
            int at = 0;
            for (String section : SECTIONS) {
                int found = text.indexOf("\n" + section + "\n", at);
                assertThat(found).as(info.id() + " has " + section + " in order").isGreaterThan(at);
                at = found;
            }
            assertThat(text.substring(text.indexOf("\n## Bad\n"))).as(info.id() + " has fenced examples")
                    .containsPattern("(?m)^```(yaml|text)$");
            assertThat(SHELL_FENCE.matcher(text).find()).as(info.id() + " uses no shell fences").isFalse();
            assertThat(info.name()).matches("[a-z0-9]+(-[a-z0-9]+)*");
        }
    }
}
