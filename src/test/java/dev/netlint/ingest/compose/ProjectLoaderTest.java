package dev.netlint.ingest.compose;

import dev.netlint.model.Container;
import dev.netlint.model.Model;
import dev.netlint.model.PortMapping;
import dev.netlint.model.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static dev.netlint.ingest.compose.ComposeTesting.only;
import static dev.netlint.ingest.compose.ComposeTesting.run;
import static dev.netlint.ingest.compose.ComposeTesting.service;
import static dev.netlint.ingest.compose.ComposeTesting.write;
import static org.assertj.core.api.Assertions.assertThat;

class ProjectLoaderTest {
    @TempDir
    Path dir;

    private Model lint(Map<String, String> env) {
        return run(env, dir).model();
    }

    @Test
    void project_name_comes_from_compose_project_name_then_name_then_the_directory() {
        Path d = dir.resolve("My App.v2");
        write(d, "compose.yaml", "services:\n  web:\n    image: nginx\n");
        assertThat(only(run(Map.of(), d).model()).name()).isEqualTo("myappv2");
        write(d, "compose.yaml", "name: ${N:-Shop_1}\nservices:\n  web:\n    image: nginx\n");
        assertThat(only(run(Map.of(), d).model()).name()).isEqualTo("shop_1");
        write(d, ".env", "COMPOSE_PROJECT_NAME=-From-Env\n");
        assertThat(only(run(Map.of(), d).model()).name()).isEqualTo("from-env");
    }

    @Test
    void extends_merges_ports_and_networks_and_names_both_places() {
        write(dir, "base.yaml", """
                services:
                  common:
                    image: nginx
                    ports: ["127.0.0.1:8080:80"]
                    networks: [front]
                    network_mode: bridge
                """);
        write(dir, "compose.yaml", """
                services:
                  web:
                    extends: {file: base.yaml, service: common}
                    ports: ["127.0.0.1:8080:80", "127.0.0.1:8443:443"]
                    networks:
                      back:
                  worker:
                    extends: web
                    network_mode: none
                networks:
                  front:
                  back:
                """);
        Model m = lint(Map.of());
        Container web = service(m, "web");
        assertThat(web.ports()).extracting(PortMapping::raw)
                .containsExactly("127.0.0.1:8080:80", "127.0.0.1:8443:443");
        assertThat(web.ports().get(0).location().via()).isNull();
        assertThat(web.attachments()).extracting(a -> a.network().value()).containsExactlyInAnyOrder("front", "back");
        Container worker = service(m, "worker");
        assertThat(worker.networkMode().toString()).contains("none");
        assertThat(worker.ports()).hasSize(2);
        assertThat(worker.ports().get(0).location().via()).isNotNull();
        assertThat(worker.ports().get(0).location().via().file()).endsWith("compose.yaml");
        assertThat(m.projects()).hasSize(1);
    }

    @Test
    void many_services_extending_one_file_read_it_once_and_stay_under_the_file_limit() {
        write(dir, "common.yaml", "services:\n  base:\n    image: nginx\n    networks: [front]\n");
        StringBuilder compose = new StringBuilder("services:\n");
        int services = ProjectLoader.MAX_FILE_LOADS + 50;
        for (int i = 0; i < services; i++) {
            compose.append("  s").append(i).append(":\n    extends: {file: common.yaml, service: base}\n");
        }
        compose.append("networks:\n  front:\n");
        write(dir, "compose.yaml", compose.toString());

        Model m = lint(Map.of());

        assertThat(m.inputProblems()).isEmpty();
        assertThat(only(m).containers()).hasSize(services);
        assertThat(service(m, "s" + (services - 1)).attachments()).extracting(a -> a.network().value())
                .containsExactly("front");
    }

    @Test
    void an_extends_cycle_is_refused_with_its_place() {
        write(dir, "compose.yaml", """
                services:
                  a:
                    extends: b
                  b:
                    extends: a
                """);
        Model m = lint(Map.of());
        assertThat(m.inputProblems()).anySatisfy(p -> assertThat(p.message()).contains("circular reference"));
    }

    @Test
    void include_paths_are_relative_and_included_files_are_not_projects_of_their_own() {
        write(dir, "compose.yaml", "include:\n  - path: [lib/compose.yaml, lib/extra.yaml]\nservices:\n  web:\n"
                + "    image: nginx\n");
        write(dir, "lib/compose.yaml", "services:\n  db:\n    image: postgres\n    ports: [\"${DB_PORT}:5432\"]\n");
        write(dir, "lib/extra.yaml", "services:\n  db:\n    profiles: [debug]\n");
        write(dir, "lib/.env", "DB_PORT=15432\n");
        Model m = lint(Map.of());
        Project p = only(m);
        assertThat(p.containers()).extracting(Container::serviceName).containsExactlyInAnyOrder("web", "db");
        Container db = service(m, "db");
        assertThat(db.ports().get(0).hostPortStart()).isEqualTo(15432);
        assertThat(db.profiles()).containsExactly("debug");
    }

    @Test
    void files_outside_the_scan_root_are_not_read() {
        Path root = dir.resolve("repo");
        write(dir, "secret.yaml", "services:\n  leak:\n    image: x\n");
        write(root, "compose.yaml", "include:\n  - ../secret.yaml\nservices:\n  web:\n    image: nginx\n");
        Model m = run(Map.of(), root).model();
        assertThat(m.inputProblems()).anySatisfy(p -> assertThat(p.message()).contains("outside the scanned"));
        assertThat(m.projects()).allSatisfy(p -> assertThat(p.containers())
                .noneMatch(c -> c.serviceName().equals("leak")));
    }

    @Test
    void compose_profiles_and_compose_file_come_from_dot_env() {
        write(dir, "compose.yaml", "services:\n  web:\n    image: nginx\n  dbg:\n    image: busybox\n"
                + "    profiles: [debug]\n  prod:\n    image: busybox\n    profiles: [prod]\n");
        write(dir, "compose.ci.yaml", "services:\n  ci:\n    image: busybox\n");
        write(dir, ".env", "COMPOSE_PROFILES=debug\nCOMPOSE_FILE=compose.yaml;compose.ci.yaml\n"
                + "COMPOSE_PATH_SEPARATOR=;\n");
        Model m = lint(Map.of());
        assertThat(only(m).containers()).extracting(Container::serviceName)
                .containsExactlyInAnyOrder("web", "dbg", "ci");
    }

    @Test
    void reset_and_override_tags_in_a_later_file() {
        write(dir, "compose.yaml", "services:\n  web:\n    image: nginx\n    ports: [\"8080:80\"]\n"
                + "    networks: [a, b]\nnetworks:\n  a:\n  b:\n");
        write(dir, "compose.override.yaml", "services:\n  web:\n    ports: !reset []\n"
                + "    networks: !override [b]\n");
        Model m = lint(Map.of());
        Container web = service(m, "web");
        assertThat(web.ports()).isEmpty();
        assertThat(web.attachments()).extracting(a -> a.network().value()).containsExactly("b");
    }
}
