package dev.netlint.ingest.shell;

import dev.netlint.ingest.Directives;
import dev.netlint.ingest.IngestContext;
import dev.netlint.ingest.InputException;
import dev.netlint.ingest.SourceFile;
import dev.netlint.model.Model;
import dev.netlint.model.Network;
import dev.netlint.model.Operation;
import dev.netlint.model.Project;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownShellReaderTest {
    private static Project read(String md) throws InputException {
        return read("README.md", md);
    }

    private static Project read(String name, String md) throws InputException {
        Model model = new Model();
        new MarkdownShellReader().read(SourceFile.ofText(name, md),
                new IngestContext(model, Map.of(), f -> f, new Directives()));
        return model.projects().isEmpty() ? null : model.projects().get(0);
    }

    @Test
    void consoleBlocksStripPromptsAndSkipOutput() throws InputException {
        Project p = read("""
                Intro
                ```console
                $ SUB=10.9.0.0/24
                $ docker network create \\
                >   --subnet "$SUB" \\
                >   lan
                a1b2c3d4
                # docker network create --subnet 10.9.9.0/24 admin
                root@box:~# docker network ls
                NETWORK ID   NAME   DRIVER
                docker network create notacommand
                ```
                """);
        List<Operation> ops = p.operations();
        assertThat(ops).hasSize(2);
        Network lan = ((Operation.CreateNetwork) ops.get(0)).network();
        assertThat(lan.name()).isEqualTo("lan");
        assertThat(lan.pools().get(0).subnet().raw()).isEqualTo("10.9.0.0/24");
        // "$SUB" on line 5 of the Markdown file, after the "> " prompt and "  --subnet "
        assertThat(lan.pools().get(0).subnet().location().line()).isEqualTo(5);
        assertThat(lan.pools().get(0).subnet().location().column()).isEqualTo(14);
        assertThat(lan.location().line()).isEqualTo(6);
        assertThat(lan.location().column()).isEqualTo(5);
        Network admin = ((Operation.CreateNetwork) ops.get(1)).network();
        assertThat(admin.name()).isEqualTo("admin");
        assertThat(admin.location().line()).isEqualTo(8);
    }

    @Test
    void shellBlocksAreScriptsAndOtherFencesAreIgnored() throws InputException {
        Project p = read("""
                ```bash
                # a comment, not a prompt
                docker network create one
                ```
                ```text
                docker network create two
                ```
                    docker network create three

                - step:
                  ```sh
                  docker network create four
                  ```
                ~~~shell
                docker network create five
                ~~~
                ```bash
                $ docker network create six
                output line
                ```
                """);
        assertThat(p.operations()).extracting(o -> ((Operation.CreateNetwork) o).network().name())
                .containsExactly("one", "four", "five", "six");
        Network four = ((Operation.CreateNetwork) p.operations().get(1)).network();
        assertThat(four.location().line()).isEqualTo(12);
        assertThat(four.location().column()).isEqualTo(25);
    }

    @Test
    void variablesCarryFromBlockToBlock() throws InputException {
        Project p = read("```sh\nNET=shared\n```\ntext\n```sh\ndocker network create $NET\n```\n");
        assertThat(((Operation.CreateNetwork) p.operations().get(0)).network().name()).isEqualTo("shared");
    }

    @Test
    void markdownWithoutShellBlocksAddsNothing() throws InputException {
        assertThat(read("# Title\n\n```yaml\na: 1\n```\n")).isNull();
        assertThat(new MarkdownShellReader().claimsByName(Path.of("docs/README.md"))).isTrue();
        assertThat(new MarkdownShellReader().claimsByName(Path.of("a.txt"))).isFalse();
    }

    @Test
    void untaggedBlocksAreReadWhenTheyHoldDockerCommands() throws InputException {
        Project p = read("""
                ```
                # create the network first
                docker network create a
                ```
                ```
                host$ docker network create b
                NETWORK ID
                ```
                ```
                key: value
                docker network create c
                ```
                """);
        assertThat(p.operations()).extracting(o -> ((Operation.CreateNetwork) o).network().name())
                .containsExactly("a", "b");
    }

    @Test
    void aNameCreatedAgainIsAnAlternativeNotASequence() throws InputException {
        // a document that is neither a README/tutorial nor reference (DocumentOrder.UNSPECIFIED)
        Project p = read("docs/static-ip.md", """
                ```bash
                docker network create --subnet 10.9.0.0/24 n
                docker run -d --name web --network n nginx
                ```
                Or with a fixed address:
                ```bash
                docker run -d --name web --network n --ip 10.9.0.10 nginx
                docker network create --subnet 10.9.0.0/24 --gateway 10.9.0.1 n
                docker rm -f web
                docker run -d --name web nginx
                ```
                """);
        assertThat(p.operations()).extracting(Operation::conditional)
                .containsExactly(false, false, true, true, false, false);
    }

    @Test
    void inAReadmeANameCreatedAgainIsASequence() throws InputException {
        Project p = read("README.md", """
                ```bash
                docker network create --subnet 10.9.0.0/24 n
                ```
                ```bash
                docker network create --subnet 10.9.0.0/24 n
                ```
                """);
        assertThat(p.operations()).extracting(Operation::conditional).containsExactly(false, false);
    }
}
