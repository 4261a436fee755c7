package dev.netlint.rules.ipam;

import dev.netlint.rules.Rule;
import dev.netlint.rules.RuleInfo;
import dev.netlint.rules.RuleRegistry;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every NL1xx rule is registered and has a page in the brief's format, agreeing with its @RuleInfo. */
class IpamRulePagesTest {
    @Test
    void allFifteenRulesAreRegisteredInIdOrder() {
        List<String> ids = RuleRegistry.all().stream().map(r -> r.info().id()).filter(id -> id.startsWith("NL1")).toList();
        assertThat(ids).containsExactly("NL101", "NL102", "NL103", "NL104", "NL105", "NL106", "NL107", "NL108",
                "NL109", "NL110", "NL111", "NL112", "NL113", "NL114", "NL115");
    }

    @Test
    void pagesMatchTheirRules() throws IOException {
        for (Rule r : RuleRegistry.all()) {
            RuleInfo info = r.info();
            if (!info.id().startsWith("NL1")) {
                continue;
            }
            assertThat(info.name()).matches("[a-z0-9]+(-[a-z0-9]+)*");
            String page = Files.readString(Path.of("rules", info.id() + ".md"), StandardCharsets.UTF_8);
            List<String> lines = page.lines().toList();
            assertThat(lines.get(0)).isEqualTo("# " + info.id() + " " + info.name());
            assertThat(lines.get(1)).isEqualTo("Severity: " + info.severity().label());
            assertThat(lines.get(2)).isEqualTo(info.summary());
            int why = lines.indexOf("## Why");
            int bad = lines.indexOf("## Bad");
            int good = lines.indexOf("## Good");
            int daemon = lines.indexOf("## What the daemon does");
            assertThat(why).as(info.id()).isGreaterThan(2);
            assertThat(bad).as(info.id()).isGreaterThan(why);
            assertThat(good).as(info.id()).isGreaterThan(bad);
            assertThat(daemon).as(info.id()).isGreaterThan(good);
            assertThat(page).as(info.id() + " has fenced examples").contains("```yaml");
            assertThat(page).as(info.id() + " uses no shell fences (they would be linted)")
                    .doesNotContain("```sh", "```bash", "```shell", "```console");
        }
    }
}
