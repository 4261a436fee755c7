package dev.netlint.maven;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FileSelectorTest {
    @TempDir
    Path root;

    @Test
    void defaultsPickComposeFilesScriptsAndJsonAtAnyDepthButNotBuildOutput() throws IOException {
        touch("compose.yaml", "docker-compose.override.yml", "deploy/compose.prod.yml", "ops/net.sh",
                "ops/daemon.json", "dumps/bridge.json", "README.md", "pom.xml", "app.py",
                "target/compose.yaml", "web/node_modules/x/compose.yaml", "src/main/resources/app.yaml");
        List<String> got = select(List.of(CheckMojo.DEFAULT_INCLUDES), List.of(CheckMojo.DEFAULT_EXCLUDES), List.of());
        assertThat(got).containsExactly("compose.yaml", "deploy/compose.prod.yml", "docker-compose.override.yml",
                "dumps/bridge.json", "ops/daemon.json", "ops/net.sh");
    }

    @Test
    void excludesAndModuleDirectoriesAreLeftOut() throws IOException {
        touch("compose.yaml", "module-a/compose.yaml", "module-b/compose.yaml", "examples/broken/compose.yaml",
                "docs/setup.md");
        List<String> got = select(List.of("**/compose.yaml", "docs/*.md"), List.of("examples/**"),
                List.of("module-a", "./module-b/pom.xml"));
        assertThat(got).containsExactly("compose.yaml", "docs/setup.md");
    }

    /**
     * Names that look like options (a pull request can add them) reach netlint as absolute paths,
     * after "--" (CheckMojo.args), so neither picocli nor @file expansion can read them as options.
     */
    @Test
    void optionLikeNamesAreSelectedAsAbsolutePaths() throws IOException {
        touch("--fail-on=none.sh", "@args.json", "-o/compose.yaml");
        List<Path> got = new FileSelector(List.of(CheckMojo.DEFAULT_INCLUDES), List.of(CheckMojo.DEFAULT_EXCLUDES),
                List.of()).select(root);
        assertThat(got).extracting(p -> p.getFileName().toString())
                .contains("--fail-on=none.sh", "@args.json", "compose.yaml");
        assertThat(got).allSatisfy(p -> assertThat(p.isAbsolute()).isTrue())
                .allSatisfy(p -> assertThat(p.toString()).doesNotStartWith("-").doesNotStartWith("@"));
    }

    private List<String> select(List<String> inc, List<String> exc, List<String> modules) throws IOException {
        return new FileSelector(inc, exc, modules).select(root).stream()
                .map(p -> root.relativize(p).toString().replace('\\', '/')).toList();
    }

    private void touch(String... rels) throws IOException {
        for (String rel : rels) {
            Path p = root.resolve(rel);
            Files.createDirectories(p.getParent());
            Files.writeString(p, "x\n");
        }
    }
}
