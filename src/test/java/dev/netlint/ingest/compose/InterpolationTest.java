package dev.netlint.ingest.compose;

import dev.netlint.model.Model;
import dev.netlint.model.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.Map;

import static dev.netlint.ingest.compose.ComposeTesting.network;
import static dev.netlint.ingest.compose.ComposeTesting.read;
import static dev.netlint.ingest.compose.ComposeTesting.service;
import static dev.netlint.ingest.compose.ComposeTesting.write;
import static org.assertj.core.api.Assertions.assertThat;

class InterpolationTest {
    /** SET=value, EMPTY is set to "", UNSET is not set. */
    private static final Map<String, String> ENV = Map.of("SET", "10.60.7.0/24", "EMPTY", "", "PORT", "8080",
            "lower_case", "x");

    @TempDir
    Path dir;

    /** template | result ("?" = unknown, "!" = syntax error). */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", emptyValue = "", value = {
        "plain text                | plain text",
        "$SET                      | 10.60.7.0/24",
        "${SET}                    | 10.60.7.0/24",
        "a-${PORT}-b               | a-8080-b",
        "$PORT$PORT                | 80808080",
        "${UNSET}                  | ?",
        "$UNSET                    | ?",
        "x$UNSET                   | ?",
        "${EMPTY}                  | ''",
        "${UNSET:-10.60.8.0/24}    | 10.60.8.0/24",
        "${EMPTY:-dflt}            | dflt",
        "${SET:-dflt}              | 10.60.7.0/24",
        "${UNSET-dflt}             | dflt",
        "${EMPTY-dflt}             | ''",
        "${UNSET:-${SET}}          | 10.60.7.0/24",
        "${UNSET:-${ALSO_UNSET}}   | ?",
        "${UNSET:-a}${PORT}        | a8080",
        "${UNSET:?must be set}     | ?",
        "${EMPTY:?must be set}     | ?",
        "${EMPTY?must be set}      | ''",
        "${SET:?must be set}       | 10.60.7.0/24",
        "${SET:+alt}               | alt",
        "${EMPTY:+alt}             | ''",
        "${EMPTY+alt}              | alt",
        "${UNSET:+alt}             | ?",
        "$$                        | $",
        "$$SET                     | $SET",
        "$${SET}                   | ${SET}",
        "a$$b                      | a$b",
        "price: 5$                 | price: 5$",
        "$1 and $-                 | $1 and $-",
        "${lower_case}             | x",
        "${UNSET:-a:b}             | a:b",
        "${UNSET:-}                | ''",
        "${                        | !",
        "${SET                     | !",
        "${1BAD}                   | !",
        "${SET:x}                  | !",
        "${ SET }                  | !",
    })
    void interpolates_like_compose(String template, String expected) {
        Interpolator.Result r = new Interpolator(ENV::get).apply(template);
        switch (expected) {
            case "?" -> {
                assertThat(r.unknown()).as("unknown").isTrue();
                assertThat(r.error()).isNull();
                assertThat(r.value()).isEqualTo(template);
            }
            case "!" -> assertThat(r.error()).as("error").isNotNull();
            default -> {
                assertThat(r.unknown()).isFalse();
                assertThat(r.value()).isEqualTo(expected);
            }
        }
    }

    @Test
    void values_in_the_file_are_interpolated_and_unknowns_marked() {
        Model m = read(dir, """
                services:
                  web:
                    networks:
                      front:
                        ipv4_address: ${WEB_IP:-10.60.7.10}
                      back:
                        ipv4_address: ${DB_IP}
                networks:
                  front:
                    ipam:
                      config:
                        - subnet: ${SET}
                  back:
                    ipam:
                      config:
                        - subnet: ${BACK_SUBNET:?set BACK_SUBNET}
                """, ENV);
        assertThat(service(m, "web").attachments().get(0).ipv4().raw()).isEqualTo("10.60.7.10");
        assertThat(service(m, "web").attachments().get(0).ipv4().asIp()).isPresent();
        assertThat(service(m, "web").attachments().get(1).ipv4().isUnknown()).isTrue();
        assertThat(network(m, "front").pools().get(0).subnet().asCidr()).isPresent();
        assertThat(network(m, "back").pools().get(0).subnet().isUnknown()).isTrue();
        assertThat(network(m, "back").pools().get(0).subnet().raw()).isEqualTo("${BACK_SUBNET:?set BACK_SUBNET}");
        // a required variable is the author's deliberate choice: no problem reported
        assertThat(m.inputProblems()).isEmpty();
    }

    @Test
    void an_invalid_template_is_a_located_problem_and_the_value_unknown() {
        Model m = read(dir, """
                services:
                  web:
                    hostname: ${HOST:x}
                """, ENV);
        assertThat(service(m, "web").hostname().unknown()).isTrue();
        assertThat(m.inputProblems()).singleElement().satisfies(p -> {
            assertThat(p.location().line()).isEqualTo(3);
            assertThat(p.location().column()).isEqualTo(15);
            assertThat(p.message()).contains("invalid interpolation format");
        });
    }

    @Test
    void dot_env_beside_the_file_is_used_and_the_environment_wins() {
        write(dir, ".env", """
                # comment line
                export SUBNET=10.60.9.0/24
                GATEWAY="10.60.9.1"
                HOST_NAME='literal $NOT_EXPANDED'
                OVERRIDDEN=from-dotenv
                COMBINED=${SUBNET} # trailing comment
                """);
        Model m = read(dir, """
                services:
                  web:
                    hostname: $HOST_NAME
                    dns: $OVERRIDDEN
                    extra_hosts: ["c:$COMBINED"]
                networks:
                  n:
                    ipam:
                      config:
                        - subnet: $SUBNET
                          gateway: ${GATEWAY}
                """, Map.of("OVERRIDDEN", "from-env"));
        assertThat(network(m, "n").pools().get(0).subnet().raw()).isEqualTo("10.60.9.0/24");
        assertThat(network(m, "n").pools().get(0).gateway().raw()).isEqualTo("10.60.9.1");
        assertThat(service(m, "web").hostname().value()).isEqualTo("literal $NOT_EXPANDED");
        assertThat(service(m, "web").dns()).extracting(Text::value).containsExactly("from-env");
        assertThat(service(m, "web").extraHosts()).extracting(Text::value).containsExactly("c:10.60.9.0/24");
        assertThat(m.inputProblems()).isEmpty();
    }

    @Test
    void a_broken_dot_env_is_a_problem_located_in_the_dot_env() {
        write(dir, ".env", "GOOD=1\nBAD KEY!=2\n");
        Model m = read(dir, "services:\n  web:\n    hostname: h$GOOD\n");
        // Compose refuses the whole .env file: its variables are unknown
        assertThat(service(m, "web").hostname().unknown()).isTrue();
        assertThat(m.inputProblems()).singleElement().satisfies(p -> {
            assertThat(p.location().file()).endsWith(".env");
            assertThat(p.location().line()).isEqualTo(2);
            assertThat(p.message()).contains("unexpected character '!'");
        });
    }
}
