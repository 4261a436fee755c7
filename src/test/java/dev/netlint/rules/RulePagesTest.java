package dev.netlint.rules;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every registered rule has a page rules/ID.md in the house format, agreeing with its @RuleInfo;
 * every page belongs to a registered rule; every rule appears in the README's rule list and in at
 * least one fixture (NL003 only fires with a flag, so JUnit covers it instead; NL7xx fixtures are
 * checked against a live daemon by ProbeFixtureTest).
 */
class RulePagesTest {
    private static final Pattern ID = Pattern.compile("NL\\d{3}");

    @Test
    void idsAndNamesAreUniqueAndWellFormed() {
        Set<String> ids = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (Rule r : RuleRegistry.all()) {
            assertThat(r.info().id()).matches(ID);
            assertThat(r.info().name()).matches("[a-z0-9]+(-[a-z0-9]+)*");
            assertThat(ids.add(r.info().id())).as("duplicate id " + r.info().id()).isTrue();
            assertThat(names.add(r.info().name())).as("duplicate name " + r.info().name()).isTrue();
            assertThat(r.info().summary()).endsWith(".");
        }
    }

    @Test
    void everyRuleHasAPageInTheHouseFormat() throws IOException {
        for (Rule r : RuleRegistry.all()) {
            RuleInfo info = r.info();
            String page = Files.readString(Path.of("rules", info.id() + ".md"), StandardCharsets.UTF_8);
            List<String> lines = page.lines().toList();
            assertThat(lines.get(0)).isEqualTo("# " + info.id() + " " + info.name());
            assertThat(lines.get(1)).isEqualTo("Severity: " + info.severity().label());
            assertThat(lines.get(2)).isEqualTo(info.summary());
            int why = lines.indexOf("## Why");
            int bad = lines.indexOf("## Bad");
            int good = lines.indexOf("## Good");
            int daemon = lines.indexOf("## What the daemon does");
            assertThat(why).as(info.id() + " ## Why").isGreaterThan(2);
            assertThat(bad).as(info.id() + " ## Bad after ## Why").isGreaterThan(why);
            assertThat(good).as(info.id() + " ## Good after ## Bad").isGreaterThan(bad);
            assertThat(daemon).as(info.id() + " ## What the daemon does after ## Good").isGreaterThan(good);
            assertThat(page.substring(page.indexOf("## Bad"), page.indexOf("## Good")))
                    .as(info.id() + " bad example is fenced").contains("```");
            assertThat(page.substring(page.indexOf("## Good"), page.indexOf("## What the daemon does")))
                    .as(info.id() + " good example is fenced").contains("```");
            assertThat(page).as(info.id() + " uses no shell fences (Markdown shell blocks are linted as inputs)")
                    .doesNotContain("```sh", "```bash", "```shell", "```console");
        }
    }

    @Test
    void everyPageBelongsToARegisteredRule() throws IOException {
        try (Stream<Path> pages = Files.list(Path.of("rules"))) {
            List<String> ids = pages.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".md"))
                    .map(n -> n.substring(0, n.length() - 3)).toList();
            for (String id : ids) {
                assertThat(RuleRegistry.byId(id)).as("rules/" + id + ".md has no rule").isPresent();
            }
        }
    }

    @Test
    void everyRuleIsListedInTheReadmeAndExpectedByAFixture() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        String fixtures;
        try (Stream<Path> s = Files.walk(Path.of("fixtures"))) {
            StringBuilder all = new StringBuilder();
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                String text = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
                if (p.toString().endsWith(".expect")) {
                    text = text.replaceAll("(?m)^(\\s*\\d+\\s*:)", "expect $1"); // sidecar lines "LINE: ID"
                }
                all.append(text).append('\n');
            }
            fixtures = all.toString();
        }
        for (Rule r : RuleRegistry.all()) {
            String id = r.info().id();
            assertThat(readme).as("README lists " + id).contains("[" + id + "](rules/" + id + ".md)");
            if (!id.equals("NL003")) {
                assertThat(fixtures).as("a fixture expects " + id).containsPattern("expect[^\\n]*" + id);
            }
        }
    }
}
