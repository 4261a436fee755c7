package dev.netlint.ingest.compose;

import dev.netlint.model.Container;
import dev.netlint.model.Model;
import dev.netlint.model.PortMapping;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.Map;

import static dev.netlint.ingest.compose.ComposeTesting.read;
import static dev.netlint.ingest.compose.ComposeTesting.service;
import static org.assertj.core.api.Assertions.assertThat;

class PortSyntaxTest {
    @TempDir
    Path dir;

    /** raw entry (as written in YAML) | host IP | host start | host end | container start | end | protocol. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "'\"8080:80\"'                 | -         | 8080 | 8080 | 80   | 80   | tcp",
        "'\"127.0.0.1:8080:80\"'       | 127.0.0.1 | 8080 | 8080 | 80   | 80   | tcp",
        "'\"[::1]:8080:80\"'           | ::1       | 8080 | 8080 | 80   | 80   | tcp",
        "'\"::1:8080:80\"'             | ::1       | 8080 | 8080 | 80   | 80   | tcp",
        "'\"8080-8090:80-90\"'         | -         | 8080 | 8090 | 80   | 90   | tcp",
        "'\"8080-8090:80\"'            | -         | 8080 | 8090 | 80   | 80   | tcp",
        "'\"80/udp\"'                  | -         | -    | -    | 80   | 80   | udp",
        "'\"53:53/udp\"'               | -         | 53   | 53   | 53   | 53   | udp",
        "'\"127.0.0.1::80\"'           | 127.0.0.1 | -    | -    | 80   | 80   | tcp",
        "'2379'                        | -         | -    | -    | 2379 | 2379 | tcp",
        "'\"3000-3005\"'               | -         | -    | -    | 3000 | 3005 | tcp",
        "'8080:80'                     | -         | 8080 | 8080 | 80   | 80   | tcp",
        "'\"0.0.0.0:5000:5000/SCTP\"'  | 0.0.0.0   | 5000 | 5000 | 5000 | 5000 | sctp",
        "'\"[fd10:60::1]:443:443/tcp\"'| fd10:60::1| 443  | 443  | 443  | 443  | tcp",
    })
    void short_syntax(String entry, String ip, Integer hs, Integer he, int cs, int ce, String proto) {
        PortMapping p = onlyPort("      - " + entry + "\n");
        assertThat(p.hostIp() == null ? null : p.hostIp().raw()).isEqualTo(ip);
        assertThat(p.hostPortStart()).isEqualTo(hs);
        assertThat(p.hostPortEnd()).isEqualTo(he);
        assertThat(p.containerPortStart()).isEqualTo(cs);
        assertThat(p.containerPortEnd()).isEqualTo(ce);
        assertThat(p.protocol()).isEqualTo(proto);
        assertThat(p.unknown()).isFalse();
        assertThat(p.location().line()).isEqualTo(4);
        assertThat(p.location().column()).isEqualTo(9);
    }

    /** YAML 1.1 (PyYAML, docker-compose v1) reads these unquoted entries as base-60 integers. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "22:22       | true",
        "2222:22     | true",
        "3000:59     | true",
        "'\"22:22\"' | false",
        "8080:80     | false",
        "21:60       | false",
        "0:22        | false",
        "127.0.0.1:22:22 | false",
    })
    void sexagesimal_risk_only_for_plain_unquoted_base_60_forms(String entry, boolean risk) {
        PortMapping p = onlyPort("      - " + entry + "\n");
        assertThat(p.sexagesimalRisk()).isEqualTo(risk);
    }

    @Test
    void single_quoted_entry_has_no_sexagesimal_risk() {
        assertThat(onlyPort("      - '22:22'\n").sexagesimalRisk()).isFalse();
        assertThat(onlyPort("      - >-\n        22:22\n").sexagesimalRisk()).isFalse();
    }

    @Test
    void long_syntax() {
        Model m = read(dir, """
                services:
                  web:
                    ports:
                      - target: 80
                        published: 8080
                        host_ip: 127.0.0.1
                        protocol: udp
                        mode: host
                      - target: 443
                        published: "8443-8445"
                      - target: "9000"
                      - {target: 53, published: "53", protocol: UDP}
                """);
        Container web = service(m, "web");
        assertThat(web.ports()).hasSize(4);
        PortMapping a = web.ports().get(0);
        assertThat(a.hostIp().raw()).isEqualTo("127.0.0.1");
        assertThat(a.hostPortStart()).isEqualTo(8080);
        assertThat(a.containerPortStart()).isEqualTo(80);
        assertThat(a.protocol()).isEqualTo("udp");
        assertThat(a.location().line()).isEqualTo(4);
        assertThat(a.location().endLine()).isEqualTo(8);
        PortMapping b = web.ports().get(1);
        assertThat(b.hostPortStart()).isEqualTo(8443);
        assertThat(b.hostPortEnd()).isEqualTo(8445);
        PortMapping c = web.ports().get(2);
        assertThat(c.publishesHostPort()).isFalse();
        assertThat(c.containerPortStart()).isEqualTo(9000);
        assertThat(web.ports().get(3).protocol()).isEqualTo("udp");
        assertThat(m.inputProblems()).isEmpty();
    }

    @Test
    void unresolved_variables_make_the_port_unknown() {
        Model m = read(dir, """
                services:
                  web:
                    ports:
                      - "${HOST_PORT}:80"
                      - target: 80
                        published: ${PUB}
                      - "${KNOWN}:81"
                """, Map.of("KNOWN", "8081"));
        Container web = service(m, "web");
        assertThat(web.ports().get(0).unknown()).isTrue();
        assertThat(web.ports().get(0).raw()).isEqualTo("${HOST_PORT}:80");
        assertThat(web.ports().get(1).unknown()).isTrue();
        assertThat(web.ports().get(2).unknown()).isFalse();
        assertThat(web.ports().get(2).hostPortStart()).isEqualTo(8081);
        assertThat(web.ports().get(2).raw()).isEqualTo("8081:81");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"\"70000:80\"", "\"abc:80\"", "\"8080:\"", "\"8081-8080:80\"", "\"8080-8081:80-82\"",
        "\"80/icmp\"", "\"300.1.1.1:80:80\"", "\"[::1:80:80\"", "{published: 80}", "{target: 99999}",
        "{target: 80, protocol: icmp}", "{target: 80, host_ip: nonsense}", "[80]"})
    void invalid_entries_are_located_problems_and_skipped(String entry) {
        Model m = read(dir, "services:\n  web:\n    ports:\n      - " + entry + "\n      - \"9090:90\"\n");
        assertThat(service(m, "web").ports()).extracting(PortMapping::containerPortStart).containsExactly(90);
        assertThat(m.inputProblems()).singleElement().satisfies(p -> {
            assertThat(p.location().line()).isEqualTo(4);
            assertThat(p.fatal()).isFalse();
        });
    }

    private PortMapping onlyPort(String item) {
        Model m = read(dir, "services:\n  web:\n    ports:\n" + item);
        assertThat(m.inputProblems()).isEmpty();
        assertThat(service(m, "web").ports()).hasSize(1);
        return service(m, "web").ports().get(0);
    }
}
