package dev.netlint.engine;

import dev.netlint.model.Severity;
import dev.netlint.model.SourceLocation;
import dev.netlint.rules.Finding;
import dev.netlint.model.Fix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Fixes are pinned to exact regions, applied all-or-nothing, and never written over a changed file. */
class FixApplierTest {
    @TempDir
    Path dir;

    private static final String TEXT = "networks:\n  a:\n    ipam:\n      config:\n        - subnet: \"10.1.2.3/16\" # keep\n";

    private Finding hostBits(Path cwd) {
        // the rule points at the whole scalar, quotes included; the resolver finds the value inside
        Fix fix = Fix.safe("write 10.1.0.0/16",
                Fix.Edit.replace(SourceLocation.of("c.yaml", 5, 19, 5, 32), "10.1.2.3/16", "10.1.0.0/16"));
        Fix exact = FixResolver.resolve(fix, f -> Optional.of(new SourceText(TEXT)));
        return new Finding("NL104", "cidr-host-bits-set", Severity.ERROR, "m", SourceLocation.of("c.yaml", 5, 19), exact);
    }

    @Test
    void resolvesInsideQuotesAndKeepsEverythingElse() throws Exception {
        Files.writeString(dir.resolve("c.yaml"), TEXT);
        Finding f = hostBits(dir);
        assertThat(f.fix().edits().get(0).region()).isEqualTo(SourceLocation.of("c.yaml", 5, 20, 5, 31));
        FixApplier.Plan plan = FixApplier.plan(List.of(f), false, dir);
        assertThat(FixApplier.write(plan)).isEmpty();
        assertThat(Files.readString(dir.resolve("c.yaml"))).isEqualTo(TEXT.replace("10.1.2.3/16", "10.1.0.0/16"));
    }

    @Test
    void aFileChangedSinceItWasLintedIsLeftAlone() throws Exception {
        Files.writeString(dir.resolve("c.yaml"), TEXT.replace("10.1.2.3", "10.9.9.9"));
        FixApplier.Plan plan = FixApplier.plan(List.of(hostBits(dir)), false, dir);
        assertThat(plan.changes()).isEmpty();
        assertThat(plan.notes()).singleElement().asString().contains("changed since it was linted");
    }

    @Test
    void aFileChangedBetweenPlanAndWriteIsLeftAlone() throws Exception {
        Files.writeString(dir.resolve("c.yaml"), TEXT);
        FixApplier.Plan plan = FixApplier.plan(List.of(hostBits(dir)), false, dir);
        Files.writeString(dir.resolve("c.yaml"), TEXT + "# edited meanwhile\n");
        assertThat(FixApplier.write(plan)).singleElement().asString().contains("changed while netlint was fixing it");
        assertThat(Files.readString(dir.resolve("c.yaml"))).endsWith("# edited meanwhile\n");
    }

    @Test
    void symbolicLinksAreNotWrittenThrough() throws Exception {
        Path real = Files.writeString(dir.resolve("real.yaml"), TEXT);
        Files.createSymbolicLink(dir.resolve("c.yaml"), real);
        FixApplier.Plan plan = FixApplier.plan(List.of(hostBits(dir)), false, dir);
        assertThat(plan.changes()).isEmpty();
        assertThat(plan.notes()).singleElement().asString().contains("symbolic link");
        assertThat(Files.readString(real)).isEqualTo(TEXT);
    }

    @Test
    void suggestionsNeedUnsafeAndAnAmbiguousValueGetsNoFix() throws Exception {
        Files.writeString(dir.resolve("c.yaml"), TEXT);
        Fix suggestion = Fix.suggestion("move", Fix.Edit.replace(SourceLocation.of("c.yaml", 5, 1), "10.1.2.3/16", "10.0.0.0/16"));
        Finding f = new Finding("NL110", "subnet-overlap", Severity.ERROR, "m", SourceLocation.of("c.yaml", 5, 1),
                FixResolver.resolve(suggestion, x -> Optional.of(new SourceText(TEXT))));
        assertThat(FixApplier.plan(List.of(f), false, dir).changes()).isEmpty();
        assertThat(FixApplier.plan(List.of(f), true, dir).changes()).hasSize(1);

        String twice = "x: 10.1.2.3/16 10.1.2.3/16\n";
        Fix ambiguous = Fix.safe("w", Fix.Edit.replace(SourceLocation.of("d", 1, 1), "10.1.2.3/16", "y"));
        assertThat(FixResolver.resolve(ambiguous, x -> Optional.of(new SourceText(twice)))).isNull();
    }

    @Test
    void aFlagIsRemovedWithItsValueOrNotAtAll() {
        String script = "docker run -d --network host -p 8080:80 --name x img\n";
        Fix fix = Fix.suggestion("drop", Fix.Edit.deleteWithFlag(SourceLocation.of("s.sh", 1, 33, 1, 40), "8080:80",
                java.util.regex.Pattern.compile("(?<![\\w-])(?:-p[ \\t]*|--publish(?:=|[ \\t]+))$")));
        Fix exact = FixResolver.resolve(fix, x -> Optional.of(new SourceText(script)));
        assertThat(FixApplier.apply(script, exact.edits())).isEqualTo("docker run -d --network host --name x img\n");

        String combined = "docker run -dp 8080:80 img\n";
        Fix notAlone = Fix.suggestion("drop", Fix.Edit.deleteWithFlag(SourceLocation.of("s.sh", 1, 16), "8080:80",
                java.util.regex.Pattern.compile("(?<![\\w-])(?:-p[ \\t]*|--publish(?:=|[ \\t]+))$")));
        assertThat(FixResolver.resolve(notAlone, x -> Optional.of(new SourceText(combined)))).isNull();
    }
}
