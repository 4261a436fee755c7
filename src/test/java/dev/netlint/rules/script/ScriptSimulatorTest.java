package dev.netlint.rules.script;

import dev.netlint.ingest.Directives;
import dev.netlint.ingest.IngestContext;
import dev.netlint.ingest.InputException;
import dev.netlint.ingest.SourceFile;
import dev.netlint.ingest.shell.ShellScriptReader;
import dev.netlint.model.Model;
import dev.netlint.model.Project;
import dev.netlint.model.SourceLocation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ScriptSimulatorTest {
    private static List<String> simulate(String script) throws InputException {
        Model model = new Model();
        new ShellScriptReader().read(SourceFile.ofText("s.sh", script),
                new IngestContext(model, Map.of(), f -> f, new Directives()));
        return model.projects().stream().flatMap(p -> ScriptSimulator.run(p).stream())
                .map(p -> p.location().line() + ":" + p.kind()).toList();
    }

    @Test
    void aConnectTheDaemonRefusesForItsAddressChangesNothing() throws InputException {
        // line 3 is refused (address outside the subnet), so line 4 is the first connect that takes effect
        assertThat(simulate("""
                docker network create --subnet 10.100.0.0/24 n
                docker run -d --name a img
                docker network connect --ip 10.100.9.9 n a
                docker network connect --ip 10.100.0.9 n a
                docker network connect n a
                """)).containsExactly("3:STATIC_IP_REFUSED", "5:DUPLICATE_CONNECT");
    }

    @Test
    void removedNamesCanBeReused() throws InputException {
        assertThat(simulate("""
                docker network create n
                docker run -d --name a --net n img
                docker rm -f a
                docker network rm n
                docker network create n
                docker run -d --name a --net n img
                docker run -d --name a img
                """)).containsExactly("7:DUPLICATE_CONTAINER");
    }

    @Test
    void unknownRemovalsMakeEverythingUncertain() throws InputException {
        assertThat(simulate("""
                docker run -d --name a img
                docker rm -f $(docker ps -aq)
                docker run -d --name a img
                docker network create n
                docker network prune -f
                docker network create n
                """)).isEmpty();
    }

    @Test
    void aRunRefusedOnlyAtStartStillTakesItsName() throws InputException {
        assertThat(simulate("""
                docker run -d --name a --net bridge --ip 172.17.0.9 img
                docker run -d --name a img
                """)).containsExactly("1:STATIC_IP_BUILTIN", "2:DUPLICATE_CONTAINER");
    }

    @Test
    void aRefusedRunLeavesNoContainer() throws InputException {
        assertThat(simulate("""
                docker run -d --name a img
                docker run -d --name b --net container:a --hostname b img
                docker run -d --name b img
                """)).containsExactly("2:MODE_CONFLICT");
    }

    @Test
    void onlySequentialProjectsAreSimulated() {
        Project compose = new Project("c", Project.Kind.DECLARATIVE, SourceLocation.of("c.yaml", 1, 1), "h");
        assertThat(ScriptSimulator.run(compose)).isEmpty();
    }
}
