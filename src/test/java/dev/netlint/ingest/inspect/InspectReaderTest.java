package dev.netlint.ingest.inspect;

import dev.netlint.ingest.Directives;
import dev.netlint.ingest.IngestContext;
import dev.netlint.ingest.InputException;
import dev.netlint.ingest.SourceFile;
import dev.netlint.model.Attachment;
import dev.netlint.model.Container;
import dev.netlint.model.IpamPool;
import dev.netlint.model.Model;
import dev.netlint.model.Network;
import dev.netlint.model.NetworkMode;
import dev.netlint.model.Project;
import dev.netlint.model.SourceLocation;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InspectReaderTest {
    static Model read(String name, String json) throws InputException {
        Model model = new Model();
        new InspectReader().read(SourceFile.ofText(name, json),
                new IngestContext(model, Map.of(), f -> "host-of-" + f, new Directives()));
        return model;
    }

    private static final String NETWORKS = """
            [
                {
                    "Name": "lan",
                    "Id": "a4a33de2232b",
                    "Scope": "local",
                    "Driver": "macvlan",
                    "EnableIPv6": false,
                    "IPAM": {
                        "Driver": "default",
                        "Options": {},
                        "Config": [
                            {
                                "Subnet": "10.132.0.0/24",
                                "IPRange": "10.132.0.64/28",
                                "Gateway": "10.132.0.1/24",
                                "AuxiliaryAddresses": {"nas": "10.132.0.5"}
                            },
                            {}
                        ]
                    },
                    "Internal": false,
                    "Attachable": true,
                    "Containers": {
                        "875ad3a4ad18b37bcdd9a483f7ee04d53482876f604bc002f4bb80993a224285": {
                            "Name": "web",
                            "IPv4Address": "10.132.0.66/24",
                            "IPv6Address": ""
                        }
                    },
                    "Options": {"parent": "eth1.20", "macvlan_mode": "bridge"},
                    "Labels": null
                }
            ]
            """;

    @Test
    void readsNetworkInspectWithLocationsIntoTheDump() throws InputException {
        Model model = read("dumps/node01.json", NETWORKS);
        assertThat(model.projects()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Project.Kind.OBSERVED);
            assertThat(p.host()).isEqualTo("host-of-dumps/node01.json");
        });
        Network n = model.projects().get(0).network("lan").orElseThrow();
        assertThat(n.location()).isEqualTo(SourceLocation.of("dumps/node01.json", 3, 17, 3, 22));
        assertThat(n.isDriver("macvlan")).isTrue();
        assertThat(n.attachable()).isTrue();
        assertThat(n.parent().orElseThrow().value()).isEqualTo("eth1.20");
        assertThat(n.option("macvlan_mode").orElseThrow().value()).isEqualTo("bridge");
        assertThat(n.pools()).as("the empty {} config entry adds nothing").hasSize(1);
        IpamPool pool = n.pools().get(0);
        assertThat(pool.subnet().raw()).isEqualTo("10.132.0.0/24");
        assertThat(pool.subnet().location()).isEqualTo(SourceLocation.of("dumps/node01.json", 13, 31, 13, 46));
        assertThat(pool.ipRange().location().line()).isEqualTo(14);
        assertThat(pool.gateway().asIp().orElseThrow()).hasToString("10.132.0.1");
        assertThat(pool.gateway().isMalformed()).as("old engines print the gateway with a prefix").isFalse();
        assertThat(pool.auxAddresses().get("nas").asIp().orElseThrow()).hasToString("10.132.0.5");
        assertThat(n.endpoints()).singleElement().satisfies(e -> {
            assertThat(e.containerName()).isEqualTo("web");
            assertThat(e.ipv4().asIp().orElseThrow()).hasToString("10.132.0.66");
            assertThat(e.ipv6()).isNull();
            assertThat(e.location().line()).isEqualTo(26);
        });
    }

    @Test
    void readsContainerInspect() throws InputException {
        String json = """
                [{
                  "Id": "6f8e9fdbcc52",
                  "Created": "2024-01-01T00:00:00Z",
                  "Path": "nginx", "Args": [],
                  "State": {"Running": true},
                  "Image": "sha256:1",
                  "Name": "/web",
                  "HostConfig": {
                    "NetworkMode": "front",
                    "PortBindings": {"80/tcp": [{"HostIp": "127.0.0.1", "HostPort": "8080"}], "53/udp": [{"HostIp": "", "HostPort": ""}]},
                    "ExtraHosts": ["host.docker.internal:host-gateway"],
                    "Dns": ["10.133.0.53"]
                  },
                  "NetworkSettings": {"Networks": {
                    "front": {"IPAMConfig": {"IPv4Address": "10.133.0.10"}, "IPAddress": "10.133.0.10", "Aliases": ["web", "6f8e9fdbcc52"]},
                    "back": {"IPAMConfig": null, "IPAddress": "10.133.1.7", "GlobalIPv6Address": ""}
                  }}
                }]
                """;
        Model model = read("ctr.json", json);
        Container c = model.projects().get(0).container("web").orElseThrow();
        assertThat(c.networkMode().kind()).isEqualTo(NetworkMode.Kind.NETWORK);
        assertThat(c.ports()).hasSize(2);
        assertThat(c.ports().get(0).hostPortStart()).isEqualTo(8080);
        assertThat(c.ports().get(0).hostIp().raw()).isEqualTo("127.0.0.1");
        assertThat(c.ports().get(0).location().line()).isEqualTo(10);
        assertThat(c.ports().get(1).publishesHostPort()).isFalse();
        assertThat(c.ports().get(1).protocol()).isEqualTo("udp");
        assertThat(c.extraHosts()).extracting(t -> t.value()).containsExactly("host.docker.internal:host-gateway");
        assertThat(c.dns()).hasSize(1);
        Attachment front = c.attachments().get(0);
        assertThat(front.network().value()).isEqualTo("front");
        assertThat(front.ipv4().raw()).isEqualTo("10.133.0.10");
        assertThat(front.aliases()).hasSize(2);
        Attachment back = c.attachments().get(1);
        assertThat(back.ipv4()).as("a dynamic address is not a static one").isNull();
        assertThat(back.observedIpv4().raw()).isEqualTo("10.133.1.7");
        assertThat(back.observedIpv6()).isNull();
    }

    @Test
    void readsPodmanNetworkInspect() throws InputException {
        String json = """
                [{"name": "lan", "id": "b1c5", "driver": "macvlan", "network_interface": "enp1s0",
                  "subnets": [{"subnet": "10.134.0.0/24", "gateway": "10.134.0.1",
                               "lease_range": {"start_ip": "10.134.0.100", "end_ip": "10.134.0.149"}}],
                  "ipv6_enabled": false, "internal": false, "options": {"mode": "passthru"}},
                 {"name": "podman", "id": "2f25", "driver": "bridge", "network_interface": "podman0",
                  "subnets": [{"subnet": "10.134.1.0/24", "gateway": "10.134.1.1"}]}]
                """;
        Model model = read("podman.json", json);
        Network lan = model.projects().get(0).network("lan").orElseThrow();
        assertThat(lan.parent().orElseThrow().value()).isEqualTo("enp1s0");
        assertThat(lan.option("macvlan_mode").orElseThrow().value()).isEqualTo("passthru");
        assertThat(lan.pools().get(0).leaseStart().raw()).isEqualTo("10.134.0.100");
        assertThat(lan.pools().get(0).leaseEnd().raw()).isEqualTo("10.134.0.149");
        assertThat(lan.pools().get(0).subnet().location().line()).isEqualTo(2);
        Network bridge = model.projects().get(0).network("podman").orElseThrow();
        assertThat(bridge.parent()).as("a bridge's interface is not a parent").isEmpty();
    }

    @Test
    void otherDockerOutputIsSkippedWithANoteAndUnrelatedJsonIsIgnored() throws InputException {
        Model volumes = read("vol.json", "[\n  {\"CreatedAt\": \"x\", \"Driver\": \"local\", \"Mountpoint\": \"/var/lib/docker/volumes/a\", \"Name\": \"a\", \"Scope\": \"local\"}\n]\n");
        assertThat(volumes.projects()).isEmpty();
        assertThat(volumes.inputProblems()).isEmpty();
        assertThat(volumes.skippedInputs()).singleElement().satisfies(s -> {
            assertThat(s.location().line()).isEqualTo(2);
            assertThat(s.reason()).contains("docker volume inspect");
        });
        Model pkg = read("package.json", "{\"name\": \"x\", \"version\": \"1.0.0\", \"scripts\": {}}");
        assertThat(pkg.projects()).isEmpty();
        assertThat(pkg.skippedInputs()).isEmpty();
        assertThat(pkg.inputProblems()).isEmpty();
        Model garbage = read("tsconfig.json", "// comment\n{\"compilerOptions\": {}}");
        assertThat(garbage.skippedInputs()).isEmpty();
        assertThat(garbage.inputProblems()).isEmpty();
    }

    @Test
    void aValueAmongNetworksIsSkippedAndNamedForWhatItIs() throws InputException {
        Model model = read("mixed.json", "[\n  {\"Name\": \"web\", \"Id\": \"abc\", \"Driver\": \"bridge\", \"IPAM\": {\"Config\": []},"
                + " \"Containers\": {}},\n  42,\n  \"text\"\n]\n");
        assertThat(model.projects()).singleElement().satisfies(p -> assertThat(p.network("web")).isPresent());
        assertThat(model.skippedInputs()).singleElement().satisfies(s -> {
            assertThat(s.location().line()).isEqualTo(3);
            assertThat(s.reason()).startsWith("2 elements of this array are a number;").doesNotContain("null");
        });
    }

    @Test
    void everyKindOfNonObjectElementIsNamed() throws InputException {
        String network = "{\"Name\": \"web\", \"Id\": \"abc\", \"Driver\": \"bridge\", \"IPAM\": {\"Config\": []},"
                + " \"Containers\": {}}";
        Map<String, String> kinds = Map.of("true", "a boolean", "false", "a boolean", "null", "null",
                "[1, 2]", "an array", "\"text\"", "a string", "4.5", "a number");
        for (Map.Entry<String, String> kind : kinds.entrySet()) {
            Model model = read("mixed.json", "[\n  " + network + ",\n  " + kind.getKey() + "\n]\n");
            assertThat(model.skippedInputs()).as(kind.getKey()).singleElement()
                    .satisfies(s -> assertThat(s.reason()).startsWith("1 element of this array is " + kind.getValue() + ";")
);
        }
    }

    @Test
    void brokenInspectOutputIsALocatedError() {
        String truncated = "[\n  {\n    \"Name\": \"web\",\n    \"Scope\": \"local\",\n    \"Driver\": \"bridge\",\n    \"IPAM\": {\"Config\": [";
        assertThatThrownBy(() -> read("cut.json", truncated))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("end of the file")
                .satisfies(e -> assertThat(((InputException) e).line()).isEqualTo(6));
        String bad = "[{\"Name\": \"web\", \"Scope\": \"local\", \"Driver\": \"bridge\",\n \"IPAM\": {\"Config\": [}]}]";
        assertThatThrownBy(() -> read("bad.json", bad))
                .isInstanceOf(InputException.class)
                .satisfies(e -> assertThat(((InputException) e).line()).isEqualTo(2));
    }

    @Test
    void daemonJsonContentIsHandedToTheDaemonReader() throws InputException {
        Model model = read("etc/daemon.json", "{\"log-driver\": \"json-file\", \"bip\": \"10.135.0.1/24\"}");
        assertThat(model.hosts().get("host-of-etc/daemon.json").daemon().bip().raw()).isEqualTo("10.135.0.1/24");
    }

    @Test
    void claimsJsonByNameAndDockerOutputByContent() {
        InspectReader r = new InspectReader();
        assertThat(r.claimsByName(Path.of("a/b/node01.JSON"))).isTrue();
        assertThat(r.claimsByName(Path.of("compose.yaml"))).isFalse();
        SourceFile f = SourceFile.ofText("dump", NETWORKS);
        assertThat(r.claimsByContent(f, NETWORKS.getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(r.claimsByContent(f, "[{\"user\": 1}]".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(r.claimsByContent(f, "#!/bin/sh\n".getBytes(StandardCharsets.UTF_8))).isFalse();
        // a head cut in the middle of the first object still tells
        assertThat(r.claimsByContent(f, NETWORKS.substring(0, 120).getBytes(StandardCharsets.UTF_8))).isTrue();
    }
}
