package dev.netlint.ingest.shell;

import dev.netlint.engine.LintSettings;
import dev.netlint.engine.Linter;
import dev.netlint.ingest.Directives;
import dev.netlint.ingest.DocumentOrder;
import dev.netlint.ingest.IngestContext;
import dev.netlint.ingest.InputException;
import dev.netlint.ingest.SourceFile;
import dev.netlint.model.Model;
import dev.netlint.model.Operation;
import dev.netlint.model.Project;
import dev.netlint.rules.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Hosts named by prompts and directives, and sequential versus independent documents. */
class DocumentHostsTest {
    /** One of the tutorial's two blocks: the same macvlan "on each of the two servers". */
    private static final String TUTORIAL_BLOCK = """
            ```console
            $ docker network create -d macvlan \\
            >   --subnet=192.168.0.0/24 \\
            >   --ip-range=192.168.0.64/28 \\
            >   --gateway=192.168.0.1 \\
            >   -o macvlan_mode=bridge \\
            >   -o parent=eth0 my_macvlan
            ```
            """;

    /** The tutorial netlint grew from, with {@code %s} where the host directives go. */
    static final String TUTORIAL = """
            # Containers on the LAN with macvlan

            Run the following on each of the two servers, node01 and node02.
            %s
            """ + TUTORIAL_BLOCK + """

            ## On node02
            %s
            """ + TUTORIAL_BLOCK;

    @TempDir
    Path dir;

    private static List<Project> read(String name, String text) throws InputException {
        Model model = new Model();
        IngestContext ctx = new IngestContext(model, Map.of(), f -> "file-host", new Directives());
        if (name.endsWith(".md")) {
            new MarkdownShellReader().read(SourceFile.ofText(name, text), ctx);
        } else {
            new ShellScriptReader().read(SourceFile.ofText(name, text), ctx);
        }
        return model.projects();
    }

    private List<Finding> lint(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return new Linter(new LintSettings().environment(Map.of())).lint(List.of(f.toString())).findings();
    }

    @Test
    void theTutorialWithHostDirectivesGivesTheCrossHostErrorNamingBothHosts() throws IOException {
        List<Finding> findings = lint("tutorial.md",
                TUTORIAL.formatted("<!-- netlint host=node01 -->", "<!-- netlint host=node02 -->"));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("NL501");
            assertThat(f.message()).startsWith("node01 and node02, both on the LAN 192.168.0.0/24");
            assertThat(f.location().line()).isEqualTo(19);
        });
    }

    @Test
    void theTutorialWithoutHostMarkersGivesNoCrossHostFinding() throws IOException {
        List<Finding> findings = lint("tutorial.md", TUTORIAL.formatted("", ""));
        assertThat(findings).noneMatch(f -> f.ruleId().startsWith("NL5"));
        // a tutorial is sequential: on one host, the second block creates my_macvlan again
        assertThat(findings).extracting(Finding::ruleId).containsExactly("NL409");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            user@node01:~$ docker network create a                 | node01
            admin@node01.lab.example:/srv$ docker network create a  | node01.lab.example
            [root@node01 ~]# docker network create a                | node01
            [root@node01 /etc]$ docker network create a             | node01
            node2$ docker network create a                          | node2
            node2# docker network create a                          | node2
            host-B $ docker network create a                        | host-B
            """)
    void promptsThatNameAHost(String line, String host) throws InputException {
        List<Project> ps = read("guide.md", "```console\nops@gateway-1:~$ docker network create first\n" + line
                + "\n$ docker network create b\n```\n```sh\n" + line + "\n```\n");
        // from the prompt on, in later blocks too, the commands run on the host it names
        assertThat(ps).extracting(Project::host).containsExactly("gateway-1", host);
        assertThat(ps.get(1).operations()).hasSize(3);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            $ docker network create a
            # docker network create a
            user@host:~$ docker network create a
            pi@localhost:~ $ docker network create a
            root@3f2a9c1b7d4e:/# docker network create a
            """)
    void promptsThatNameNoParticularHost(String line) throws InputException {
        List<Project> ps = read("guide.md", "```console\n" + line + "\n$ docker network create b\n```\n");
        assertThat(ps).singleElement().satisfies(p -> assertThat(p.host()).isEqualTo("file-host"));
    }

    @Test
    void proseNamesNoHost() throws InputException {
        List<Project> ps = read("guide.md", """
                ## On node01
                ```sh
                docker network create a
                ```
                Now on node02 (ssh node02):
                ```sh
                docker network create b
                ```
                """);
        assertThat(ps).singleElement().satisfies(p -> assertThat(p.host()).isEqualTo("file-host"));
    }

    @Test
    void directivesInMarkdownProseAndInsideBlocks() throws InputException {
        List<Project> ps = read("guide.md", """
                <!-- netlint host=node01 -->
                ```sh
                docker network create a
                # netlint host=node02
                docker network create b
                ```
                ```console
                # netlint host=node03
                $ docker network create c
                ```
                <!--netlint host=node01-->
                ```sh
                docker network create d
                ```
                """);
        assertThat(ps).extracting(Project::host).containsExactly("node01", "node02", "node03");
        assertThat(ps.get(0).operations()).extracting(o -> ((Operation.CreateNetwork) o).network().name())
                .containsExactly("a", "d");
        assertThat(ps.get(2).operations()).hasSize(1); // the directive line is no command in a transcript
    }

    @Test
    void aDocumentThatNamesOneHostIsAboutThatHost() throws InputException {
        List<Project> ps = read("guide.md", """
                ```console
                $ docker network create a
                user@nas:~$ docker network create b
                ```
                """);
        assertThat(ps).singleElement().satisfies(p -> {
            assertThat(p.host()).isEqualTo("nas");
            assertThat(p.operations()).hasSize(2);
        });
    }

    @Test
    void scriptDirectives() throws InputException {
        List<Project> ps = read("deploy.sh", """
                docker network create a
                # netlint host=edge-1
                docker network create b
                  #   netlint   host=edge-2
                docker network create c
                """);
        assertThat(ps).extracting(Project::host).containsExactly("file-host", "edge-1", "edge-2");
        assertThat(read("one.sh", "docker network create a\n# netlint host=edge-1\ndocker network create b\n"))
                .singleElement().satisfies(p -> assertThat(p.host()).isEqualTo("edge-1"));
    }

    @Test
    void aDirectiveWithoutAValidNameIsAnInputProblem() throws InputException {
        Model model = new Model();
        IngestContext ctx = new IngestContext(model, Map.of(), f -> "file-host", new Directives());
        new ShellScriptReader().read(SourceFile.ofText("x.sh", "# netlint host=\ndocker network create a\n"), ctx);
        new MarkdownShellReader().read(SourceFile.ofText("x.md",
                "<!-- netlint host=$(hostname) -->\n```sh\ndocker network create a\n```\n"), ctx);
        assertThat(model.inputProblems()).hasSize(2)
                .allSatisfy(p -> assertThat(p.message()).contains("does not name a host"));
        assertThat(model.projects()).extracting(Project::host).containsExactly("file-host", "file-host");
    }

    private static final String TWO_EXAMPLES = """
            %s
            ```sh
            docker network create --subnet 10.9.0.0/24 my-net
            ```
            ```sh
            docker network create --subnet 10.9.0.0/24 my-net
            docker network create my-net
            ```
            """;

    @Test
    void inAnIndependentDocumentEachBlockStartsEmpty() throws IOException {
        List<Finding> findings = lint("network-reference.md", TWO_EXAMPLES.formatted(""));
        // the second example stands alone: only its own re-creation (line 7) is a duplicate
        assertThat(findings).extracting(f -> f.ruleId() + "@" + f.location().line()).containsExactly("NL409@7");
    }

    @Test
    void inASequentialDocumentABlockThatCreatesANameAgainIsAnError() throws IOException {
        List<Finding> findings = lint("README.md", TWO_EXAMPLES.formatted(""));
        assertThat(findings).extracting(f -> f.ruleId() + "@" + f.location().line())
                .containsExactly("NL409@6", "NL409@7");
    }

    @Test
    void theDirectiveAtTheTopWins() throws IOException {
        assertThat(lint("README.md", TWO_EXAMPLES.formatted("<!-- netlint independent -->")))
                .extracting(f -> f.ruleId() + "@" + f.location().line()).containsExactly("NL409@7");
        assertThat(lint("api-reference.md", TWO_EXAMPLES.formatted("<!-- netlint sequential -->")))
                .extracting(f -> f.ruleId() + "@" + f.location().line()).containsExactly("NL409@6", "NL409@7");
    }

    @Test
    void variablesDoNotCrossIndependentExamples() throws InputException {
        Model model = new Model();
        IngestContext ctx = new IngestContext(model, Map.of(), f -> "h", new Directives())
                .documentOrderOfFile(f -> DocumentOrder.INDEPENDENT);
        new MarkdownShellReader().read(SourceFile.ofText("x.md",
                "```sh\nNET=one\ndocker network create $NET\n```\n```sh\ndocker network create $NET\n```\n"), ctx);
        assertThat(model.projects()).hasSize(2);
        assertThat(((Operation.CreateNetwork) model.projects().get(1).operations().get(0)).name().known()).isFalse();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            README.md                              | SEQUENTIAL
            docs/readme.markdown                   | SEQUENTIAL
            docs/macvlan-tutorial.md               | SEQUENTIAL
            tutorials/swarm/step-2.md              | SEQUENTIAL
            docs/reference/commandline/network.md  | INDEPENDENT
            site/references/network.md             | INDEPENDENT
            docs/cli-reference.md                  | INDEPENDENT
            docs/reference/README.md               | INDEPENDENT
            docs/networking.md                     | UNSPECIFIED
            CHANGELOG.md                           | UNSPECIFIED
            """)
    void defaultOrderByName(String name, DocumentOrder order) {
        assertThat(DocumentOrder.byName(name)).isEqualTo(order);
    }
}
