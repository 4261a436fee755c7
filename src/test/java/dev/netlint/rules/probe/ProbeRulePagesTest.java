package dev.netlint.rules.probe;

import dev.netlint.rules.Rule;
import dev.netlint.rules.RuleRegistry;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every probe rule is registered and has its page with the required sections, in order. */
class ProbeRulePagesTest {
    @Test
    void probeRulesHavePages() throws IOException {
        List<Rule> probe = RuleRegistry.all().stream().filter(r -> r.info().id().startsWith("NL7")).toList();
        assertThat(probe).extracting(r -> r.info().id())
                .containsExactly("NL701", "NL702", "NL703", "NL704", "NL705", "NL706", "NL707", "NL708");
        for (Rule r : probe) {
            Path page = Path.of("rules", r.info().id() + ".md");
            String text = Files.readString(page, StandardCharsets.UTF_8);
            List<String> lines = text.lines().toList();
            assertThat(lines.get(0)).isEqualTo("# " + r.info().id() + " " + r.info().name());
            assertThat(lines.get(1)).isEqualTo("Severity: " + r.info().severity().label());
            assertThat(lines.get(2)).isEqualTo(r.info().summary());
            int why = lines.indexOf("## Why");
            int bad = lines.indexOf("## Bad");
            int good = lines.indexOf("## Good");
            int daemon = lines.indexOf("## What the daemon does");
            assertThat(why).as(page + " sections").isPositive().isLessThan(bad);
            assertThat(bad).isLessThan(good);
            assertThat(good).isLessThan(daemon);
            assertThat(text).doesNotContain("```sh", "```bash", "```shell", "```console");
        }
    }
}
