package dev.netlint.ingest.compose;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DotEnvTest {
    @Test
    void parses_compose_dot_env_rules() throws Exception {
        Map<String, String> env = DotEnv.parse("""
                # a comment
                A=plain
                B = spaced value  
                export C=exported
                D="double \\"quoted\\" \\n line"
                E='single $A \\n'
                F=unquoted # comment
                G=no#comment
                H=${A}-x
                I="${A}-y"
                J='${A}-z'
                K: yaml-style
                L=
                M="multi
                line"
                N=$$literal
                INHERITED
                """, Map.of("INHERITED", "from-env", "A", "env-wins"));
        assertThat(env).containsEntry("A", "plain")
                .containsEntry("B", "spaced value")
                .containsEntry("C", "exported")
                .containsEntry("D", "double \"quoted\" \n line")
                .containsEntry("E", "single $A \\n")
                .containsEntry("F", "unquoted")
                .containsEntry("G", "no#comment")
                .containsEntry("H", "env-wins-x")
                .containsEntry("I", "env-wins-y")
                .containsEntry("J", "${A}-z")
                .containsEntry("K", "yaml-style")
                .containsEntry("L", "")
                .containsEntry("M", "multi\nline")
                .containsEntry("N", "$literal")
                .containsEntry("INHERITED", "from-env");
    }

    @Test
    void an_unterminated_quote_is_an_error_with_its_line() {
        assertThatThrownBy(() -> DotEnv.parse("A=1\nB=\"open\n", Map.of()))
                .isInstanceOf(DotEnv.SyntaxError.class)
                .satisfies(e -> assertThat(((DotEnv.SyntaxError) e).line).isEqualTo(2));
    }

    @Test
    void a_value_with_an_unset_variable_is_left_out() throws Exception {
        assertThat(DotEnv.parse("A=${NOPE}\nB=ok\n", Map.of())).containsOnlyKeys("B");
    }
}
