package dev.netlint.config;

import dev.netlint.engine.LintSettings;
import dev.netlint.engine.Linter;
import dev.netlint.ingest.DocumentOrder;
import dev.netlint.model.AddressValue;
import dev.netlint.model.Model;
import dev.netlint.model.Segment;
import dev.netlint.model.Severity;
import dev.netlint.rules.RuleRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigTest {
    @TempDir
    Path dir;

    private NetlintConfig.Loaded load(String text) throws IOException, ConfigException {
        Path f = dir.resolve(".netlint.yaml");
        Files.writeString(f, text);
        return ConfigLoader.load(f, "cfg.yaml");
    }

    private String error(String text) {
        try {
            ConfigApplier.apply(load(text), new LintSettings(), RuleRegistry.all());
        } catch (ConfigException e) {
            return e.getMessage();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("accepted: " + text);
    }

    @Test
    void everyKeyFeedsSettingsAndModel() throws Exception {
        NetlintConfig.Loaded c = load("""
                failOn: warning
                rules:
                  NL002: off
                  unused-directive: note
                ignore: ["vendor/**", "*.generated.yaml"]
                hostNetworks:
                  - 10.130.0.0/16
                  - fd4e:130::/48
                bip: 10.131.0.1/24
                defaultAddressPools:
                  - base: 10.132.0.0/16
                    size: 24
                hosts:
                  edge-1: ["sites/edge-1/**"]
                segments:
                  - name: office
                    hosts: [edge-1]
                    subnet: 10.133.0.0/24
                    gateway: 10.133.0.1
                    reserved: [10.133.0.2]
                """);
        LintSettings s = new LintSettings();
        assertThat(ConfigApplier.apply(c, s, RuleRegistry.all())).contains(FailOn.WARNING);
        assertThat(s.isEnabled("NL002")).isFalse();
        assertThat(s.severityOverrides()).containsEntry("NL003", Severity.NOTE);
        assertThat(s.ignoredPaths()).containsExactly("vendor/**", "*.generated.yaml");
        assertThat(s.ignoreBase()).isEqualTo(dir.toAbsolutePath().normalize());
        assertThat(s.hostOfFile().apply(dir.resolve("sites/edge-1/compose.yaml").toString())).isEqualTo("edge-1");
        assertThat(s.hostOfFile().apply("elsewhere/compose.yaml")).isEqualTo("elsewhere/compose.yaml");

        Model m = new Model();
        s.modelFacts().forEach(f -> f.accept(m));
        assertThat(m.hostNetworks()).extracting(AddressValue::raw).containsExactly("10.130.0.0/16", "fd4e:130::/48");
        AddressValue first = m.hostNetworks().get(0);
        assertThat(first.location().file()).isEqualTo("cfg.yaml");
        assertThat(first.location().line()).isEqualTo(7);
        assertThat(first.location().column()).isEqualTo(5);
        assertThat(m.defaultBridge("any").orElseThrow().toString()).isEqualTo("10.131.0.0/24");
        assertThat(m.defaultPools("any")).extracting(Object::toString).containsExactly("10.132.0.0/16");
        assertThat(m.configuredPools().get(0).size()).isEqualTo(24);
        assertThat(m.hosts()).containsKey("edge-1");
        assertThat(m.topologyDeclared()).isTrue();
        Segment seg = m.segments().get(0);
        assertThat(seg.name()).isEqualTo("office");
        assertThat(seg.hosts()).containsExactly("edge-1");
        assertThat(seg.subnet().raw()).isEqualTo("10.133.0.0/24");
        assertThat(seg.gateway().asIp()).isPresent();
        assertThat(seg.reservedAddresses()).extracting(AddressValue::raw).containsExactly("10.133.0.2");
        assertThat(c.config().hosts()).containsEntry("edge-1", List.of("sites/edge-1/**"));
        assertThat(c.config().segments().get(0).reserved()).hasSize(1);
    }

    @Test
    void ownedPublicBlocksReachTheModelAndAreValidated() throws Exception {
        NetlintConfig.Loaded c = load("""
                ownedPublicBlocks: [20.30.0.0/16, "2a01:4f8::/32"]
                """);
        LintSettings s = new LintSettings();
        ConfigApplier.apply(c, s, RuleRegistry.all());
        Model m = new Model();
        s.modelFacts().forEach(f -> f.accept(m));
        assertThat(m.ownedPublicBlocks()).extracting(AddressValue::raw).containsExactly("20.30.0.0/16", "2a01:4f8::/32");
        assertThat(m.ownedPublicBlocks().get(0).location().line()).isEqualTo(1);
        assertThat(error("ownedPublicBlocks: [20.30.0.0/33]\n")).startsWith("cfg.yaml:1:21: ownedPublicBlocks: ");
    }

    @Test
    void documentsGlobsDecideTheOrderAndFallBackToTheDefault() throws Exception {
        NetlintConfig.Loaded c = load("""
                documents:
                  sequential: ["guides/**", "*howto*"]
                  independent: ["guides/api/**", "cookbook.md"]
                """);
        LintSettings s = new LintSettings();
        ConfigApplier.apply(c, s, RuleRegistry.all());
        var order = s.documentOrderOfFile();
        assertThat(order.apply(dir.resolve("guides/setup.md").toString())).isEqualTo(DocumentOrder.SEQUENTIAL);
        assertThat(order.apply(dir.resolve("guides/api/networks.md").toString())).isEqualTo(DocumentOrder.INDEPENDENT);
        assertThat(order.apply(dir.resolve("deep/dir/macvlan-howto.md").toString())).isEqualTo(DocumentOrder.SEQUENTIAL);
        assertThat(order.apply(dir.resolve("sub/cookbook.md").toString())).isEqualTo(DocumentOrder.INDEPENDENT);
        assertThat(order.apply(dir.resolve("README.md").toString())).isEqualTo(DocumentOrder.SEQUENTIAL);
        assertThat(order.apply(dir.resolve("docs/reference/run.md").toString())).isEqualTo(DocumentOrder.INDEPENDENT);
        assertThat(order.apply(dir.resolve("notes.md").toString())).isEqualTo(DocumentOrder.UNSPECIFIED);
        assertThat(error("documents:\n  independent: [\"a[\"]\n")).contains("documents.independent: invalid glob");
        assertThat(error("documents:\n  parallel: []\n")).contains("unknown key 'parallel'");
    }

    @Test
    void reportUnusedDisablesIsTheFlagsCounterpart() throws Exception {
        Files.writeString(dir.resolve(".netlint.yaml"), "reportUnusedDisables: true\n");
        SettingsResolver.Flags none = SettingsResolver.Flags.none();
        assertThat(SettingsResolver.resolve(dir, none, RuleRegistry.all()).settings().reportUnusedDirectives()).isTrue();
        Files.writeString(dir.resolve(".netlint.yaml"), "failOn: error\n");
        assertThat(SettingsResolver.resolve(dir, none, RuleRegistry.all()).settings().reportUnusedDirectives()).isFalse();
        assertThat(error("reportUnusedDisables: maybe\n")).contains("cfg.yaml:1");
    }

    @Test
    void offAndOnAreReadAsWordsNotBooleans() throws Exception {
        LintSettings s = new LintSettings();
        ConfigApplier.apply(load("rules:\n  NL002: off\n  NL003: on\n"), s, RuleRegistry.all());
        assertThat(s.disabled()).containsExactly("NL002");
        assertThat(s.enabled()).containsExactly("NL003");
    }

    @Test
    void mistakesAreLocated() {
        assertThat(error("rules:\n  NL002: loud\n")).isEqualTo(
                "cfg.yaml:2:10: rules: NL002: 'loud' is not one of off, on, error, warning, note");
        assertThat(error("rules:\n  NL0999: off\n")).startsWith("cfg.yaml:2:11: rules: unknown rule 'NL0999'");
        assertThat(error("failOn: sometimes\n")).startsWith("cfg.yaml:1:9: failOn: 'sometimes'");
        assertThat(error("bip: 172.17.0.1\n")).startsWith("cfg.yaml:1:6: bip: '172.17.0.1' has no prefix length");
        assertThat(error("defaultAddressPools:\n  - base: 10.0.0.0/16\n    size: 8\n"))
                .startsWith("cfg.yaml:3:11: defaultAddressPools.size: /8 must be between");
        assertThat(error("segments:\n  - name: lan\n    gateway: 10.1.1.300\n"))
                .startsWith("cfg.yaml:3:14: segments.lan.gateway: ");
        assertThat(error("ignore:\n  - a\nhostNetwork: []\n")).startsWith("cfg.yaml:3:1: unknown key 'hostNetwork'");
        assertThat(error("hostNetworks: 10.0.0.0/8\n")).isEqualTo(
                "cfg.yaml:1:15: 'hostNetworks' has the wrong type: expected a list");
        assertThat(error("rules:\n  NL002: off\n  NL002: on\n")).isEqualTo("cfg.yaml:3:8: duplicate key 'NL002'");
        assertThat(error("ignore: [\n")).startsWith("cfg.yaml:2:1: invalid YAML: ");
        assertThat(error("segments:\n  - hosts: [a]\n")).contains("missing required key 'name'");
    }

    @Test
    void emptyAndCommentOnlyFilesAreEmptyConfigs() throws Exception {
        assertThat(load("").config()).isEqualTo(NetlintConfig.empty());
        assertThat(load("# nothing yet\n").config()).isEqualTo(NetlintConfig.empty());
    }

    @Test
    void foundInTheWorkingDirectoryOrAbove() throws IOException {
        Files.writeString(dir.resolve(".netlint.yaml"), "failOn: note\n");
        Path deep = Files.createDirectories(dir.resolve("a/b/c"));
        assertThat(ConfigLoader.find(deep)).contains(dir.resolve(".netlint.yaml").toAbsolutePath().normalize());
    }

    @Test
    void ignoreGlobsAreRelativeToTheConfigurationFile() throws Exception {
        Files.createDirectories(dir.resolve("vendor/x"));
        Files.writeString(dir.resolve("vendor/x/a.nlt"), "");
        Files.writeString(dir.resolve("keep.nlt"), "");
        Files.writeString(dir.resolve("skip.generated.nlt"), "");
        LintSettings s = new LintSettings();
        ConfigApplier.apply(load("ignore: [\"vendor/**\", \"*.generated.nlt\"]\n"), s, RuleRegistry.all());
        var reader = new dev.netlint.ingest.InputReader() {
            final java.util.List<String> seen = new java.util.ArrayList<>();
            public String format() { return "t"; }
            public boolean claimsByName(Path p) { return p.toString().endsWith(".nlt"); }
            public boolean claimsByContent(dev.netlint.ingest.SourceFile f, byte[] h) { return false; }
            public void read(dev.netlint.ingest.SourceFile f, dev.netlint.ingest.IngestContext c) { seen.add(f.fileName()); }
        };
        new Linter(s, List.of(reader), RuleRegistry.all()).lint(List.of(dir.toString()));
        assertThat(reader.seen).containsExactly("keep.nlt");
    }
}
