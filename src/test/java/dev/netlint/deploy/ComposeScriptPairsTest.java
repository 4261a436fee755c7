package dev.netlint.deploy;

import dev.netlint.engine.LintResult;
import dev.netlint.engine.LintSettings;
import dev.netlint.engine.Linter;
import dev.netlint.model.Severity;
import dev.netlint.rules.Finding;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One mistake, one rule id: the same daemon refusal (or warning) written as a compose project and
 * as a script gets the same rule id with the same severity, because both go through one simulation.
 */
class ComposeScriptPairsTest {
    @TempDir
    Path dir;

    static Stream<Arguments> pairs() {
        return Stream.of(
                Arguments.of("host port clash", "NL301", """
                        services:
                          a: {image: nginx, ports: ["8080:80"]}
                          b: {image: nginx, ports: ["8080:80"]}
                        """, """
                        docker run -d --name a -p 8080:80 nginx
                        docker run -d --name b -p 8080:80 nginx
                        """),
                Arguments.of("udp clash on one address", "NL301", """
                        services:
                          a: {image: dns, ports: ["127.0.0.1:5353:53/udp"]}
                          b: {image: dns, ports: ["127.0.0.1:5353:53/udp"]}
                        """, """
                        docker run -d --name a -p 127.0.0.1:5353:53/udp dns
                        docker run -d --name b -p 127.0.0.1:5353:53/udp dns
                        """),
                Arguments.of("wildcard over a specific address", "NL301", """
                        services:
                          a: {image: web, ports: ["127.0.0.1:9000:80"]}
                          b: {image: web, ports: ["9000:80"]}
                        """, """
                        docker run -d --name a -p 127.0.0.1:9000:80 web
                        docker run -d --name b -p 9000:80 web
                        """),
                Arguments.of("ports in host mode", "NL201", """
                        services:
                          a: {image: web, network_mode: host, ports: ["8080:80"]}
                        """, """
                        docker run -d --name a --network host -p 8080:80 web
                        """),
                Arguments.of("ports in container mode", "NL203", """
                        services:
                          a: {image: web, network_mode: "container:base", ports: ["8080:80"]}
                        """, """
                        docker run -d --name a --network container:base -p 8080:80 web
                        """),
                Arguments.of("hostname in container mode", "NL203", """
                        services:
                          a: {image: web, network_mode: "container:base", hostname: a}
                        """, """
                        docker run -d --name a --network container:base --hostname a web
                        """),
                Arguments.of("dns in container mode", "NL203", """
                        services:
                          a: {image: web, network_mode: "container:base", dns: [10.61.0.53]}
                        """, """
                        docker run -d --name a --network container:base --dns 10.61.0.53 web
                        """),
                Arguments.of("mac address in container mode", "NL203", """
                        services:
                          a: {image: web, network_mode: "container:base", mac_address: "02:42:0a:3d:00:09"}
                        """, """
                        docker run -d --name a --network container:base --mac-address 02:42:0a:3d:00:09 web
                        """),
                Arguments.of("extra hosts in container mode", "NL203", """
                        services:
                          a: {image: web, network_mode: "container:base", extra_hosts: ["db:10.61.0.9"]}
                        """, """
                        docker run -d --name a --network container:base --add-host db:10.61.0.9 web
                        """),
                Arguments.of("expose in container mode", "NL203", """
                        services:
                          a: {image: web, network_mode: "container:base", expose: ["80"]}
                        """, """
                        docker run -d --name a --network container:base --expose 80 web
                        """),
                Arguments.of("mac address in host mode", "NL203", """
                        services:
                          a: {image: web, network_mode: host, mac_address: "02:42:0a:3d:00:08"}
                        """, """
                        docker run -d --name a --network host --mac-address 02:42:0a:3d:00:08 web
                        """),
                Arguments.of("links in host mode", "NL212", """
                        services:
                          db: {image: db}
                          a: {image: web, network_mode: host, links: [db]}
                        """, """
                        docker run -d --name db db
                        docker run -d --name a --network host --link db:db web
                        """),
                Arguments.of("links in container mode", "NL212", """
                        services:
                          a: {image: web, network_mode: "container:base", links: [base]}
                        """, """
                        docker run -d --name a --network container:base --link base:base web
                        """),
                Arguments.of("alias on the default bridge", "NL210", """
                        services:
                          a:
                            image: web
                            networks:
                              bridge: {aliases: [web]}
                        networks:
                          bridge: {external: true}
                        """, """
                        docker run -d --name a --network bridge --network-alias web web
                        """),
                Arguments.of("static address outside the subnet", "NL106", """
                        services:
                          a:
                            image: web
                            networks:
                              n: {ipv4_address: 10.61.2.5}
                        networks:
                          n:
                            ipam: {config: [{subnet: 10.61.1.0/24}]}
                        """, """
                        docker network create --subnet 10.61.1.0/24 n
                        docker run -d --name a --network n --ip 10.61.2.5 web
                        """),
                Arguments.of("static address without a subnet", "NL107", """
                        services:
                          a:
                            image: web
                            networks:
                              n: {ipv4_address: 10.61.3.5}
                        networks:
                          n: {}
                        """, """
                        docker network create n
                        docker run -d --name a --network n --ip 10.61.3.5 web
                        """),
                Arguments.of("static address on the implied gateway", "NL108", """
                        services:
                          a:
                            image: web
                            networks:
                              n: {ipv4_address: 10.61.4.1}
                        networks:
                          n:
                            ipam: {config: [{subnet: 10.61.4.0/24}]}
                        """, """
                        docker network create --subnet 10.61.4.0/24 n
                        docker run -d --name a --network n --ip 10.61.4.1 web
                        """),
                Arguments.of("static address on the broadcast address", "NL108", """
                        services:
                          a:
                            image: web
                            networks:
                              n: {ipv4_address: 10.61.5.255}
                        networks:
                          n:
                            ipam: {config: [{subnet: 10.61.5.0/24}]}
                        """, """
                        docker network create --subnet 10.61.5.0/24 n
                        docker run -d --name a --network n --ip 10.61.5.255 web
                        """),
                Arguments.of("one static address for two containers", "NL108", """
                        services:
                          a:
                            image: web
                            networks:
                              n: {ipv4_address: 10.61.6.7}
                          b:
                            image: web
                            networks:
                              n: {ipv4_address: 10.61.6.7}
                        networks:
                          n:
                            ipam: {config: [{subnet: 10.61.6.0/24}]}
                        """, """
                        docker network create --subnet 10.61.6.0/24 n
                        docker run -d --name a --network n --ip 10.61.6.7 web
                        docker run -d --name b --network n --ip 10.61.6.7 web
                        """),
                Arguments.of("one container name twice", "NL410", """
                        services:
                          a: {image: web, container_name: app}
                          b: {image: web, container_name: app}
                        """, """
                        docker run -d --name app web
                        docker run -d --name app web
                        """),
                Arguments.of("two macvlan networks on one parent", "NL412", """
                        networks:
                          lan1:
                            driver: macvlan
                            driver_opts: {parent: nlt-veth9}
                            ipam: {config: [{subnet: 10.61.7.0/24}]}
                          lan2:
                            driver: macvlan
                            driver_opts: {parent: nlt-veth9}
                            ipam: {config: [{subnet: 10.61.8.0/24}]}
                        services:
                          a: {image: web, networks: [lan1, lan2]}
                        """, """
                        docker network create -d macvlan --subnet 10.61.7.0/24 -o parent=nlt-veth9 lan1
                        docker network create -d macvlan --subnet 10.61.8.0/24 -o parent=nlt-veth9 lan2
                        """));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("pairs")
    void composeAndScriptGetTheSameRuleAndSeverity(String mistake, String id, String compose, String script)
            throws IOException {
        Path c = Files.createDirectories(dir.resolve("c")).resolve("compose.yaml");
        Path s = dir.resolve("deploy.sh");
        Files.writeString(c, compose, StandardCharsets.UTF_8);
        Files.writeString(s, script, StandardCharsets.UTF_8);
        Optional<Severity> fromCompose = severityOf(id, c);
        Optional<Severity> fromScript = severityOf(id, s);
        assertThat(fromCompose).as(mistake + " in compose").isPresent();
        assertThat(fromScript).as(mistake + " in a script").isPresent();
        assertThat(fromScript).as(mistake + ": same severity").isEqualTo(fromCompose);
    }

    private static Optional<Severity> severityOf(String id, Path file) {
        LintResult r = new Linter(new LintSettings()).lint(List.of(file.toString()));
        assertThat(r.errors()).as("read " + file).isEmpty();
        return r.findings().stream().filter(f -> f.ruleId().equals(id)).map(Finding::severity).findFirst();
    }

    @org.junit.jupiter.api.Test
    void atLeastFifteenPairs() {
        assertThat(pairs().count()).isGreaterThanOrEqualTo(15);
    }
}
