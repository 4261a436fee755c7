package dev.netlint.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A project's networks and containers as the rules walk them: its own, then what its commands make. */
class ProjectTest {
    private static final SourceLocation HERE = SourceLocation.of("deploy.sh", 1, 1);

    @Test
    void aScriptsNetworksAreItsOwnThenTheCreatedOnesEachOnce() {
        Project script = new Project("deploy.sh", Project.Kind.SEQUENTIAL, HERE, "local");
        Network front = new Network("front", HERE);
        Network back = new Network("back", HERE);
        Network lan = new Network("lan", HERE);
        script.add(front).add(back);
        script.add(new Operation.CreateNetwork(lan, Text.of("lan", HERE), HERE, false));
        script.add(new Operation.CreateNetwork(front, Text.of("front", HERE), HERE, false));
        script.add(new Operation.CreateNetwork(lan, Text.of("lan", HERE), HERE, true));

        assertThat(script.allNetworks()).containsExactly(front, back, lan);
    }

    @Test
    void aScriptsContainersAreItsOwnThenTheRunOnesEachOnce() {
        Project script = new Project("deploy.sh", Project.Kind.SEQUENTIAL, HERE, "local");
        Container web = new Container("web", HERE);
        Container job = new Container("job", HERE);
        script.add(web);
        script.add(new Operation.RunContainer(job, List.of(), true, null, null, false, HERE, false));
        script.add(new Operation.RunContainer(web, List.of(), true, null, null, false, HERE, false));

        assertThat(script.allContainers()).containsExactly(web, job);
    }

    @Test
    void withoutCommandsTheyAreReadOnlyViewsOfTheProjectsOwn() {
        Project dump = new Project("node.json", Project.Kind.OBSERVED, HERE, "node");
        Network a = new Network("a", HERE);
        dump.add(a);
        var networks = dump.allNetworks();
        Network b = new Network("b", HERE);
        dump.add(b);

        assertThat(networks).containsExactly(a, b);
        assertThatThrownBy(() -> networks.remove(a)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(dump.allContainers()).isEmpty();
    }
}
