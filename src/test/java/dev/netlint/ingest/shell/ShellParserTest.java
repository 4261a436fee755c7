package dev.netlint.ingest.shell;

import dev.netlint.ingest.InputException;
import dev.netlint.model.SourceLocation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ShellParserTest {
    private static List<ShellCommand> parse(String text) throws InputException {
        return ShellParser.parse(ShellSource.whole("t.sh", text));
    }

    private static List<String> values(ShellCommand c) {
        return c.words().stream().map(w -> w.unknown() ? "?" + w.value() : w.value()).toList();
    }

    @Test
    void continuationsQuotesAndSeparators() throws InputException {
        List<ShellCommand> cmds = parse("docker network create \\\n  --subnet '10.1.0.0/16' \"n 1\"; echo a | cat\n"
                + "# docker run commented out\nfalse && docker rm x || docker rm y\n");
        assertThat(cmds).extracting(ShellParserTest::values).containsExactly(
                List.of("docker", "network", "create", "--subnet", "10.1.0.0/16", "n 1"),
                List.of("echo", "a"), List.of("cat"), List.of("false"),
                List.of("docker", "rm", "x"), List.of("docker", "rm", "y"));
        assertThat(cmds.get(0).conditional()).isFalse();
        // after a non-docker command, && does not tell us whether the right side runs
        assertThat(cmds.get(4).conditional()).isTrue();
        assertThat(cmds.get(5).conditional()).isTrue();
    }

    @Test
    void andAfterADockerCommandIsSequential() throws InputException {
        List<ShellCommand> cmds = parse("sudo docker network create n && docker run --net n img\n");
        assertThat(cmds).hasSize(2);
        assertThat(cmds.get(1).conditional()).isFalse();
    }

    @Test
    void simpleVariablesResolveOthersAreUnknown() throws InputException {
        List<ShellCommand> cmds = parse("""
                SUBNET=10.1.0.0/16
                NAME="front"
                echo "$SUBNET" ${SUBNET} net-${NAME} $(hostname) $1 $HOME ${SUBNET:-x}
                for i in 1 2; do echo $i; done
                if true; then SUBNET=10.2.0.0/16; fi
                echo $SUBNET
                """);
        assertThat(values(cmds.get(0))).containsExactly("hostname"); // $(...) runs first
        assertThat(values(cmds.get(1))).containsExactly("echo", "10.1.0.0/16", "10.1.0.0/16", "net-front",
                "?$(hostname)", "?$1", "?$HOME", "?${SUBNET:-x}");
        assertThat(values(cmds.get(2))).containsExactly("echo", "?$i");
        assertThat(values(cmds.get(3))).containsExactly("true");
        assertThat(values(cmds.get(4))).containsExactly("echo", "?$SUBNET");
    }

    @Test
    void unquotedVariablesSplitIntoWords() throws InputException {
        List<ShellCommand> cmds = parse("OPTS=\"-p 80:80  --net x\"\nEMPTY=\ndocker run $OPTS $EMPTY \"$OPTS\" img\n");
        assertThat(values(cmds.get(0))).containsExactly("docker", "run", "-p", "80:80", "--net", "x",
                "-p 80:80  --net x", "img");
    }

    @Test
    void escapesAreRemoved() throws InputException {
        List<ShellCommand> cmds = parse("echo a\\ b \"c\\\"d\\$e\" 'f\\g'\n");
        assertThat(values(cmds.get(0))).containsExactly("echo", "a b", "c\"d$e", "f\\g");
    }

    @Test
    void commandsInsideSubstitutionsAreRead() throws InputException {
        List<ShellCommand> cmds = parse("ID=$(docker network create n)\ndocker rm -f $(docker ps -aq)\n");
        assertThat(cmds).extracting(ShellParserTest::values).containsExactly(
                List.of("docker", "network", "create", "n"), List.of("docker", "ps", "-aq"),
                List.of("docker", "rm", "-f", "?$(docker ps -aq)"));
    }

    @Test
    void functionBodiesAreConditional() throws InputException {
        List<ShellCommand> cmds = parse("up() {\n  docker network create n\n}\nup\n");
        assertThat(cmds.get(0).conditional()).isTrue();
        assertThat(cmds.get(1).conditional()).isFalse();
    }

    @Test
    void locationsCountCharactersAfterNonAsciiText() throws InputException {
        ShellSource src = ShellSource.whole("t.sh", "echo 'héllo wörld' ✓\r\ndocker run --net x img\r\n");
        List<ShellCommand> cmds = ShellParser.parse(src);
        ShellWord net = cmds.get(1).words().get(3);
        assertThat(net.value()).isEqualTo("x");
        SourceLocation l = src.location(net.start(), net.end());
        assertThat(l.line()).isEqualTo(2);
        assertThat(l.column()).isEqualTo(18);
        assertThat(l.endColumn()).isEqualTo(19);
        assertThat(values(cmds.get(0))).containsExactly("echo", "héllo wörld", "✓");
    }

    @Test
    void brokenSyntaxStillYieldsTheCommandsAround() throws InputException {
        List<ShellCommand> cmds = parse("docker network create a\nif then fi ( ;;\ndocker network create b\n");
        assertThat(cmds.stream().map(ShellParserTest::values).filter(v -> v.size() == 4))
                .contains(List.of("docker", "network", "create", "a"));
    }
}
