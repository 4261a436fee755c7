package dev.netlint.ingest.ports;

import dev.netlint.model.PortMapping;
import dev.netlint.model.SourceLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PortSpecTest {
    private static final SourceLocation AT = SourceLocation.of("t", 1, 1);

    /** A resolver over fixed variables, with compose's ${VAR:-d} / ${VAR-d} defaults; null = unknown. */
    private static UnaryOperator<String> vars(Map<String, String> set) {
        return raw -> {
            StringBuilder out = new StringBuilder();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\$\\{(\\w+)(?::?-([^}]*))?}").matcher(raw);
            int last = 0;
            while (m.find()) {
                out.append(raw, last, m.start());
                String v = set.get(m.group(1));
                if (v == null) {
                    v = m.group(2);
                }
                if (v == null) {
                    return null;
                }
                out.append(v);
                last = m.end();
            }
            return out.append(raw.substring(last)).toString();
        };
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "80|null|null|null|80|80|tcp",
            "8080:80|null|8080|8080|80|80|tcp",
            "127.0.0.1:8080:80/udp|127.0.0.1|8080|8080|80|80|udp",
            "[::1]:8080:80|::1|8080|8080|80|80|tcp",
            "::1:8080:80|::1|8080|8080|80|80|tcp",
            "9000-9001:9000-9001/sctp|null|9000|9001|9000|9001|sctp",
            "127.0.0.1::53/udp|127.0.0.1|null|null|53|53|udp",
    })
    void parses_like_nat_ParsePortSpec(String raw, String ip, String hs, String he, int cs, int ce, String proto)
            throws PortSpec.Invalid {
        PortSpec p = PortSpec.parse(raw);
        assertThat(p.hostIp()).isEqualTo("null".equals(ip) ? null : ip);
        assertThat(p.hostStart()).isEqualTo("null".equals(hs) ? null : Integer.valueOf(hs));
        assertThat(p.hostEnd()).isEqualTo("null".equals(he) ? null : Integer.valueOf(he));
        assertThat(p.containerStart()).isEqualTo(cs);
        assertThat(p.containerEnd()).isEqualTo(ce);
        assertThat(p.protocol()).isEqualTo(proto);
        assertThat(p.anyUnknown()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"70000:80", "80:70000", "9001-9000:80", "8080:80/icmp", "9000-9002:80-81",
            "[::1:8080:80", ":"})
    void refuses_what_the_daemon_refuses(String raw) {
        assertThatThrownBy(() -> PortSpec.parse(raw)).isInstanceOf(PortSpec.Invalid.class);
    }

    @Test
    void defaults_are_used_when_the_variable_is_unset() throws PortSpec.Invalid {
        PortSpec p = PortSpec.parse("${IP-127.0.0.1}:${PORT:-8080}:80", vars(Map.of()));
        assertThat(p.hostIp()).isEqualTo("127.0.0.1");
        assertThat(p.hostStart()).isEqualTo(8080);
        assertThat(p.anyUnknown()).isFalse();
        assertThat(PortSpec.parse("${PORT:-8080}:80", vars(Map.of("PORT", "9090"))).hostStart()).isEqualTo(9090);
    }

    @Test
    void an_unknown_field_is_unknown_alone() throws PortSpec.Invalid {
        PortSpec host = PortSpec.parse("127.0.0.1:${PORT}:80", vars(Map.of()));
        assertThat(host.hostPortUnknown()).isTrue();
        assertThat(host.hostIpUnknown()).isFalse();
        assertThat(host.containerPortUnknown()).isFalse();
        assertThat(host.hostIp()).isEqualTo("127.0.0.1");
        assertThat(host.containerStart()).isEqualTo(80);

        PortSpec ip = PortSpec.parse("${BIND}:8080:80", vars(Map.of()));
        assertThat(ip.hostIpUnknown()).isTrue();
        assertThat(ip.hostStart()).isEqualTo(8080);
        assertThat(ip.hostPortUnknown()).isFalse();

        PortSpec container = PortSpec.parse("8080:${TARGET}/udp", vars(Map.of()));
        assertThat(container.containerPortUnknown()).isTrue();
        assertThat(container.hostStart()).isEqualTo(8080);
        assertThat(container.protocol()).isEqualTo("udp");
    }

    @Test
    void a_known_field_is_still_checked() {
        assertThatThrownBy(() -> PortSpec.parse("${BIND}:99999:80", vars(Map.of())))
                .isInstanceOf(PortSpec.Invalid.class).hasMessageContaining("65535");
    }

    @Test
    void the_cli_marks_expanded_fields_unknown() {
        PortMapping m = PortSpec.forCli("127.0.0.1:$PORT:80", true, AT);
        assertThat(m.unknown()).isTrue();
        assertThat(m.hostPortUnknown()).isTrue();
        assertThat(m.hostIpUnknown()).isFalse();
        assertThat(m.containerPortStart()).isEqualTo(80);
        assertThat(PortSpec.forCli("8080:80", false, AT).hostPortStart()).isEqualTo(8080);
        assertThat(PortSpec.forCli("80:80/icmp", false, AT).unknown()).isTrue();
    }
}
