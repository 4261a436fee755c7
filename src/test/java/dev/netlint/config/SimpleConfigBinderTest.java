package dev.netlint.config;

import dev.netlint.cli.InitCommand;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The start-up binder of {@code .netlint.yaml} (snakeyaml-engine, no Jackson) against the Jackson
 * binding: whatever it accepts, it binds exactly as Jackson does (values, lines, columns); whatever
 * is not simple, or wrong, it leaves to Jackson.
 */
class SimpleConfigBinderTest {

    static final List<String> SIMPLE = List.of(
            "",
            "# only a comment\n",
            "rules:\n  NL101: off\n  NL102: warning\n  port-on-host-network: 'on'\n",
            "rules: {NL101: off, NL102: error}\nfailOn: warning\n",
            "failOn: none\nreportUnusedDisables: true\n",
            "reportUnusedDisables: False\n",
            "ignore:\n  - 'vendor/**'\n  - \"**/testdata/*.yaml\"\n  - build\n",
            "hostNetworks: [10.0.0.0/8, 192.168.1.0/24, 'fd00:1::/64', 2001:db8::/32]\n",
            "bip: 172.26.0.1/16\ndefaultAddressPools:\n  - base: 10.10.0.0/16\n    size: 24\n  - {base: \"10.20.0.0/16\", size: \"26\"}\n",
            "hosts:\n  node01: [hosts/node01/*.sh]\n  node02:\n    - hosts/node02/compose.yaml\n",
            "segments:\n  - name: lan\n    hosts: [node01, node02]\n    subnet: 192.168.0.0/24\n    gateway: 192.168.0.1\n"
                    + "    reserved: [192.168.0.2, 192.168.0.250]\n",
            "rules:\n  NL101: yes\n  NL102: No\n  NL103: TRUE\n  NL104: n\n  NL105: Y\n",
            "rules:\n  NL101: |\n    off\n",
            "---\nfailOn: error\n...\n");

    /** Each is valid for Jackson or rejected by it; none is simple. */
    static final List<String> NOT_SIMPLE = List.of(
            "rules: &r {NL101: off}\nfailOn: *r\n",
            "failOn: !!str error\n",
            "rules:\n  NL101: off\n  NL101: on\n",
            "bip: 1.5\n",
            "defaultAddressPools:\n  - base: 10.10.0.0/16\n    size: 024\n",
            "defaultAddressPools:\n  - base: 10.10.0.0/16\n",
            "bip:\n",
            "bip: ~\n",
            "ignore: [1_000]\n",
            "ignore: [yes]\n",
            "unknownKey: 1\n",
            "segments:\n  - hosts: [a]\n",
            "rules: [NL101]\n",
            "failOn: error\n---\nfailOn: note\n",
            "rules:\n  NL101: off\n bad indentation: [\n",
            "reportUnusedDisables: yes\n",
            "hostNetworks: [-1]\n");

    @Test
    void bindsSimpleFilesExactlyAsJacksonDoes() throws Exception {
        for (String text : SIMPLE) {
            Optional<NetlintConfig> simple = SimpleConfigBinder.bind(text);
            assertThat(simple).as("simple: %s", text).isPresent();
            assertThat(simple.get()).as(text).isEqualTo(ConfigLoader.parseWithJackson(text, "x"));
        }
    }

    @Test
    void theProjectsOwnAndTheStarterConfigurationAreSimple() throws Exception {
        for (String text : List.of(Files.readString(Path.of(".netlint.yaml")), InitCommand.starter())) {
            Optional<NetlintConfig> simple = SimpleConfigBinder.bind(text);
            assertThat(simple).isPresent();
            assertThat(simple.get()).isEqualTo(ConfigLoader.parseWithJackson(text, "x"));
        }
    }

    @Test
    void leavesEverythingElseToJackson() throws Exception {
        for (String text : NOT_SIMPLE) {
            assertThat(SimpleConfigBinder.bind(text)).as(text).isEmpty();
            // ConfigLoader.parse then answers exactly what Jackson answers, error or not.
            Object viaLoader;
            Object viaJackson;
            try {
                viaLoader = ConfigLoader.parse(text, "x");
            } catch (ConfigException e) {
                viaLoader = e.getMessage();
            }
            try {
                viaJackson = ConfigLoader.parseWithJackson(text, "x");
            } catch (ConfigException e) {
                viaJackson = e.getMessage();
            }
            assertThat(viaLoader).as(text).isEqualTo(viaJackson);
        }
    }
}
