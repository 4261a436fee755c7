package dev.netlint.deploy;

import dev.netlint.ingest.Directives;
import dev.netlint.ingest.IngestContext;
import dev.netlint.ingest.InputException;
import dev.netlint.ingest.SourceFile;
import dev.netlint.ingest.shell.ShellScriptReader;
import dev.netlint.model.Model;
import dev.netlint.model.Project;
import dev.netlint.model.SourceLocation;
import dev.netlint.rules.Rule;
import dev.netlint.rules.RuleRegistry;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SimulationTest {
    private static List<String> simulate(String script) throws InputException {
        Model model = new Model();
        new ShellScriptReader().read(SourceFile.ofText("s.sh", script),
                new IngestContext(model, Map.of(), f -> f, new Directives()));
        return findings(model);
    }

    /** "line:ruleId" of every simulated rule's findings, in line order. */
    static List<String> findings(Model model) {
        List<String> out = new java.util.ArrayList<>();
        Simulation sim = Simulation.of(model, RuleRegistry.stepChecks());
        for (Rule r : RuleRegistry.all()) {
            if (r instanceof StepCheck check) {
                sim.findings(check).forEach(f -> out.add(f.location().line() + ":" + r.info().id()));
            }
        }
        out.sort(java.util.Comparator.comparingInt(x -> Integer.parseInt(x.substring(0, x.indexOf(':')))));
        return out;
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
                """)).containsExactly("3:NL106", "5:NL403");
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
                """)).containsExactly("7:NL410");
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
                """)).containsExactly("1:NL405", "2:NL410");
    }

    @Test
    void aRefusedRunLeavesNoContainer() throws InputException {
        assertThat(simulate("""
                docker run -d --name a img
                docker run -d --name b --net container:a --hostname b img
                docker run -d --name b img
                """)).containsExactly("2:NL203");
    }

    @Test
    void observedProjectsAreStateNotSteps() {
        Model model = new Model();
        model.add(new Project("dump", Project.Kind.OBSERVED, SourceLocation.of("n.json", 1, 1), "h"));
        assertThat(findings(model)).isEmpty();
    }
}
