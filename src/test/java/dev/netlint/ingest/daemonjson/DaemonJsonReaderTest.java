package dev.netlint.ingest.daemonjson;

import dev.netlint.ingest.Directives;
import dev.netlint.ingest.IngestContext;
import dev.netlint.ingest.InputException;
import dev.netlint.ingest.SourceFile;
import dev.netlint.model.DaemonSettings;
import dev.netlint.model.Model;
import dev.netlint.model.SourceLocation;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

public class DaemonJsonReaderTest {
    public static Model read(String json) throws InputException {
        Model model = new Model();
        new DaemonJsonReader().read(SourceFile.ofText("node01/daemon.json", json),
                new IngestContext(model, Map.of(), f -> "node01", new Directives()));
        return model;
    }

    @Test
    void aNullSizeIsNoSizeAsForTheDaemonsJsonDecoder() throws InputException {
        // Go's encoding/json leaves an int field alone for null: the daemon starts, as without "size".
        Model withNull = read("{\"default-address-pools\": [{\"base\": \"10.137.0.0/16\", \"size\": null}]}");
        Model without = read("{\"default-address-pools\": [{\"base\": \"10.137.0.0/16\"}]}");

        assertThat(withNull.inputProblems()).isEqualTo(without.inputProblems()).isEmpty();
        DaemonSettings d = withNull.daemonOf("node01").orElseThrow();
        assertThat(d.defaultAddressPools()).singleElement().satisfies(pool -> assertThat(pool.size()).isNull());
    }

    @Test
    void readsTheNetworkingKeysWithLocations() throws InputException {
        Model model = read("""
                {
                  "bip": "10.136.0.1/24",
                  "fixed-cidr": "10.136.0.128/25",
                  "fixed-cidr-v6": "fd4e:136::/64",
                  "default-address-pools": [
                    {"base": "10.137.0.0/16", "size": 24},
                    {"base": "fd4e:137::/48", "size": 64}
                  ],
                  "ipv6": true,
                  "icc": false,
                  "ip": "127.0.0.1",
                  "userland-proxy": false,
                  "log-opts": {"max-size": "10m"}
                }
                """);
        DaemonSettings d = model.hosts().get("node01").daemon();
        assertThat(d.bip().location()).isEqualTo(SourceLocation.of("node01/daemon.json", 2, 10, 2, 25));
        assertThat(d.fixedCidr().asCidr()).isPresent();
        assertThat(d.fixedCidrV6().raw()).isEqualTo("fd4e:136::/64");
        assertThat(d.defaultAddressPools()).hasSize(2);
        assertThat(d.defaultAddressPools().get(0).size()).isEqualTo(24);
        assertThat(d.defaultAddressPools().get(0).location().line()).as("located at the size").isEqualTo(6);
        assertThat(d.ipv6()).isTrue();
        assertThat(d.icc().value()).isEqualTo("false");
        assertThat(d.ip().asIp().orElseThrow()).hasToString("127.0.0.1");
        assertThat(d.userlandProxy().value()).isEqualTo("false");
        assertThat(model.inputProblems()).isEmpty();
        assertThat(model.defaultBridge("node01").orElseThrow()).hasToString("10.136.0.0/24");
        assertThat(model.defaultPools("node01")).hasSize(2);
    }

    @Test
    void valuesOfTheWrongTypeAreLocatedProblems() throws InputException {
        Model model = read("{\n  \"bip\": 10,\n  \"icc\": \"no\",\n  \"default-address-pools\": [{\"base\": \"10.138.0.0/16\", \"size\": \"24\"}]\n}");
        assertThat(model.inputProblems()).extracting(p -> p.location().line()).containsExactly(2, 3, 4);
        assertThat(model.inputProblems().get(0).message()).contains("\"bip\" must be a string").contains("refuses to start");
        assertThat(model.inputProblems()).noneMatch(p -> p.fatal());
    }

    @Test
    void syntaxErrorsAreLocated() {
        assertThatThrownBy(() -> read("{\n  \"bip\": \"10.139.0.1/24\",\n}"))
                .isInstanceOf(InputException.class)
                .satisfies(e -> assertThat(((InputException) e).line()).isEqualTo(3));
        assertThatThrownBy(() -> read("{\"bip\": \"10.139.0.1/24\"} {}"))
                .isInstanceOf(InputException.class).hasMessageContaining("after the top-level object");
    }

    @Test
    void recognisedByKeysNotByName() {
        DaemonJsonReader r = new DaemonJsonReader();
        SourceFile f = SourceFile.ofText("x", "");
        assertThat(r.claimsByContent(f, "{\"log-driver\": \"journald\"}".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(r.claimsByContent(f, "{\"name\": \"app\", \"version\": \"1\"}".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(r.claimsByContent(f, "[{\"Name\": \"bridge\"}]".getBytes(StandardCharsets.UTF_8))).isFalse();
    }
}
