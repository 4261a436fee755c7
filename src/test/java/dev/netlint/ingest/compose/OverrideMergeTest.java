package dev.netlint.ingest.compose;

import dev.netlint.engine.Linter;
import dev.netlint.model.Container;
import dev.netlint.model.Model;
import dev.netlint.model.NetworkMode;
import dev.netlint.model.PortMapping;
import dev.netlint.model.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static dev.netlint.ingest.compose.ComposeReaderTest.display;
import static dev.netlint.ingest.compose.ComposeTesting.network;
import static dev.netlint.ingest.compose.ComposeTesting.only;
import static dev.netlint.ingest.compose.ComposeTesting.run;
import static dev.netlint.ingest.compose.ComposeTesting.service;
import static dev.netlint.ingest.compose.ComposeTesting.write;
import static org.assertj.core.api.Assertions.assertThat;

class OverrideMergeTest {
    @TempDir
    Path dir;

    private static final String MAIN = """
            services:
              web:
                image: nginx
                network_mode: bridge
                ports:
                  - "8080:80"
                dns: 10.60.10.53
                extra_hosts: ["a:10.60.10.1"]
              db:
                networks:
                  - back
            networks:
              back:
                driver: bridge
                ipam:
                  config:
                    - subnet: 10.60.10.0/24
                      gateway: 10.60.10.1
            """;

    private static final String OVERRIDE = """
            services:
              web:
                network_mode: host
                ports:
                  - "8080:80"
                  - "9090:90"
                dns: [10.60.10.54]
                extra_hosts:
                  b: 10.60.10.2
              db:
                networks:
                  back:
                    ipv4_address: 10.60.10.20
                  front:
            networks:
              back:
                ipam:
                  config:
                    - subnet: 10.60.10.0/24
                      ip_range: 10.60.10.128/25
              front: {}
            """;

    @Test
    void override_is_merged_onto_the_main_file_as_compose_does() {
        write(dir, "compose.yaml", MAIN);
        write(dir, "compose.override.yaml", OVERRIDE);
        Linter.Run r = run(Map.of(), dir);
        Model m = r.model();
        assertThat(m.inputProblems()).isEmpty();
        assertThat(m.projects()).hasSize(1);

        Container web = service(m, "web");
        assertThat(web.networkMode().is(NetworkMode.Kind.HOST)).isTrue();
        assertThat(web.networkMode().location().file()).isEqualTo(display(dir.resolve("compose.override.yaml")));
        assertThat(web.ports()).extracting(PortMapping::raw).containsExactly("8080:80", "9090:90");
        assertThat(web.ports().get(1).location().file()).endsWith("compose.override.yaml");
        assertThat(web.dns()).extracting(Text::value).containsExactly("10.60.10.53", "10.60.10.54");
        assertThat(web.extraHosts()).extracting(Text::value).containsExactly("a:10.60.10.1", "b:10.60.10.2");
        assertThat(web.location().file()).endsWith("/compose.yaml");

        Container db = service(m, "db");
        assertThat(db.attachments()).extracting(a -> a.network().value()).containsExactly("back", "front");
        assertThat(db.attachments().get(0).ipv4().raw()).isEqualTo("10.60.10.20");
        assertThat(db.attachments().get(0).ipv4().location().file()).endsWith("compose.override.yaml");

        var pools = network(m, "back").pools();
        assertThat(pools).hasSize(1);
        assertThat(pools.get(0).gateway().raw()).isEqualTo("10.60.10.1");
        assertThat(pools.get(0).gateway().location().file()).endsWith("/compose.yaml");
        assertThat(pools.get(0).ipRange().raw()).isEqualTo("10.60.10.128/25");
        assertThat(pools.get(0).ipRange().location().file()).endsWith("compose.override.yaml");
        assertThat(network(m, "back").driver().value()).isEqualTo("bridge");
        assertThat(only(m).network("front")).isPresent();
    }

    @Test
    void docker_compose_names_pair_the_same_way_and_the_override_is_not_a_project_of_its_own() {
        write(dir, "docker-compose.yml", MAIN);
        write(dir, "docker-compose.override.yml", OVERRIDE);
        write(dir, "other/docker-compose.override.yml", "services:\n  lone:\n    image: x\n");
        Model m = run(Map.of(), dir).model();
        assertThat(m.projects()).hasSize(2);
        assertThat(m.projects()).filteredOn(p -> p.container("web").isPresent()).singleElement()
                .satisfies(p -> assertThat(p.container("web").get().ports()).hasSize(2));
        // an override with no main file beside it is read on its own
        assertThat(m.projects()).anyMatch(p -> p.container("lone").isPresent());
    }

    @Test
    void naming_the_override_alone_reads_it_merged_and_naming_both_reads_the_project_once() {
        Path main = write(dir, "compose.yaml", MAIN);
        Path over = write(dir, "compose.override.yaml", OVERRIDE);
        Model alone = run(Map.of(), over).model();
        assertThat(alone.projects()).hasSize(1);
        assertThat(service(alone, "web").networkMode().is(NetworkMode.Kind.HOST)).isTrue();

        Model both = run(Map.of(), over, main).model();
        assertThat(both.projects()).hasSize(1);
        Model twice = run(Map.of(), main, over, dir).model();
        assertThat(twice.projects()).hasSize(1);
    }

    @Test
    void reset_tag_and_null_network_entry() {
        write(dir, "compose.yaml", MAIN);
        write(dir, "compose.override.yaml", """
                services:
                  web:
                    ports: !reset []
                  db:
                    networks:
                      - back
                """);
        Model m = run(Map.of(), dir).model();
        assertThat(service(m, "web").ports()).isEmpty();
        assertThat(service(m, "db").attachments()).singleElement()
                .satisfies(a -> assertThat(a.ipv4()).isNull());
    }

    @Test
    void a_broken_override_is_reported_in_the_override_and_the_main_file_still_read() {
        write(dir, "compose.yaml", MAIN);
        write(dir, "compose.override.yaml", "services:\n  web:\n    ports: [\n");
        Model m = run(Map.of(), dir).model();
        assertThat(m.inputProblems()).singleElement().satisfies(p -> {
            assertThat(p.location().file()).endsWith("compose.override.yaml");
            assertThat(p.location().line()).isEqualTo(4);
            assertThat(p.fatal()).isTrue();
        });
        assertThat(service(m, "web").ports()).hasSize(1);
    }

    @Test
    void several_documents_in_one_file_merge_in_order() {
        write(dir, "compose.yaml", """
                services:
                  web:
                    ports: ["8080:80"]
                ---
                services:
                  web:
                    ports: ["8443:443"]
                """);
        Model m = run(Map.of(), dir).model();
        assertThat(service(m, "web").ports()).extracting(PortMapping::containerPortStart).containsExactly(80, 443);
        assertThat(service(m, "web").ports().get(1).location().line()).isEqualTo(7);
    }
}
