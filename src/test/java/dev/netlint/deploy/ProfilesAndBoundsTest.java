package dev.netlint.deploy;

import dev.netlint.engine.LintResult;
import dev.netlint.engine.LintSettings;
import dev.netlint.engine.Linter;
import dev.netlint.model.Container;
import dev.netlint.rules.Finding;
import dev.netlint.rules.ports.HostPortAlreadyAllocated;
import dev.netlint.testing.ComposeModelFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ProfilesAndBoundsTest {
    @TempDir
    Path dir;

    @Test
    void withoutASelectionDisjointProfilesNeverClash() {
        var f = ComposeModelFixtures.compose("c.yaml");
        f.port(f.service("dev").profile("dev"), "8080:80");
        f.port(f.service("prod").profile("prod"), "8080:80");
        assertThat(f.run(new HostPortAlreadyAllocated())).isEmpty();
    }

    @Test
    void aSelectionRunsEverySelectedServiceAndTheClashNamesItsProfiles() {
        var f = ComposeModelFixtures.compose("c.yaml");
        f.port(f.service("web").profile("dev"), "8080:80");
        f.port(f.service("api").profile("api"), "8080:80");
        f.port(f.service("batch").profile("batch"), "8080:80");
        f.model().activeProfiles(Set.of("dev", "api"));
        List<Finding> out = f.run(new HostPortAlreadyAllocated());
        assertThat(out).singleElement().satisfies(x -> assertThat(x.message())
                .contains("service \"api\"").contains("with profiles api and dev"));
    }

    @Test
    void aSharedProfileNamesIt() {
        var f = ComposeModelFixtures.compose("c.yaml");
        Container a = f.service("a").profile("tools");
        Container b = f.service("b").profile("tools").profile("ci");
        f.port(a, "9090:80");
        f.port(b, "9090:80");
        assertThat(f.run(new HostPortAlreadyAllocated())).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("with profile tools"));
    }

    @Test
    void fiveThousandIdenticalEntriesStayLinear() throws IOException {
        StringBuilder yaml = new StringBuilder("services:\n  web:\n    image: nginx\n    ports:\n");
        for (int i = 0; i < 5000; i++) {
            yaml.append("      - \"80:80\"\n");
        }
        Path c = Files.createDirectories(dir.resolve("p")).resolve("compose.yaml");
        Files.writeString(c, yaml, StandardCharsets.UTF_8);
        LintResult r = new Linter(new LintSettings().maxFindingsPerFile(Integer.MAX_VALUE)).lint(List.of(c.toString()));
        // every entry after the first asks for a port the first holds: one finding each, no pairs kept
        assertThat(r.findings().stream().filter(x -> x.ruleId().equals("NL301")).count()).isEqualTo(4999);
    }

    @Test
    void fiveThousandServicesOnOnePortStayLinear() throws IOException {
        StringBuilder yaml = new StringBuilder("services:\n");
        for (int i = 0; i < 5000; i++) {
            yaml.append("  s").append(i).append(":\n    image: nginx\n    ports: [\"80:80\"]\n");
        }
        Path c = Files.createDirectories(dir.resolve("q")).resolve("compose.yaml");
        Files.writeString(c, yaml, StandardCharsets.UTF_8);
        LintResult r = new Linter(new LintSettings().maxFindingsPerFile(Integer.MAX_VALUE)).lint(List.of(c.toString()));
        List<Finding> clashes = r.findings().stream().filter(x -> x.ruleId().equals("NL301")).toList();
        assertThat(clashes).hasSize(4999);
        assertThat(clashes.get(clashes.size() - 1).message()).contains("of service \"s0\"").contains("(and 4998 more entries)");
    }
}
