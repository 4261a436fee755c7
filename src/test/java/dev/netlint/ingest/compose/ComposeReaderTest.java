package dev.netlint.ingest.compose;

import dev.netlint.model.AddressValue;
import dev.netlint.model.Attachment;
import dev.netlint.model.Container;
import dev.netlint.model.IpamPool;
import dev.netlint.model.Model;
import dev.netlint.model.Network;
import dev.netlint.model.NetworkMode;
import dev.netlint.model.Project;
import dev.netlint.model.SourceLocation;
import dev.netlint.model.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.netlint.ingest.compose.ComposeTesting.network;
import static dev.netlint.ingest.compose.ComposeTesting.only;
import static dev.netlint.ingest.compose.ComposeTesting.read;
import static dev.netlint.ingest.compose.ComposeTesting.service;
import static org.assertj.core.api.Assertions.assertThat;

class ComposeReaderTest {
    @TempDir
    Path dir;

    @Test
    void compose_spec_file_gives_a_declarative_project_named_after_its_directory() {
        Path sub = dir.resolve("My Shop.App");
        Model m = read(sub, """
                services:
                  web:
                    image: nginx
                networks:
                  front: {}
                """);
        Project p = only(m);
        assertThat(p.kind()).isEqualTo(Project.Kind.DECLARATIVE);
        assertThat(p.name()).isEqualTo("myshopapp");
        assertThat(p.containers()).extracting(Container::name).containsExactly("web");
        assertThat(p.networks()).containsOnlyKeys("front");
        assertThat(m.inputProblems()).isEmpty();
    }

    @Test
    void top_level_name_wins_over_the_directory() {
        Model m = read(dir, """
                name: Billing
                services:
                  api: {image: x}
                """);
        assertThat(only(m).name()).isEqualTo("billing");
    }

    @Test
    void network_settings_are_read_with_declared_keys_and_locations() {
        Model m = read(dir, """
                services: {}
                networks:
                  lan:
                    driver: macvlan
                    driver_opts:
                      parent: nlt-par0
                      macvlan_mode: bridge
                    internal: true
                    attachable: yes
                    enable_ipv6: false
                    ipam:
                      driver: default
                      config:
                        - subnet: 10.60.1.0/24
                          ip_range: 10.60.1.128/25
                          gateway: 10.60.1.1
                          aux_addresses:
                            router: 10.60.1.2
                        - subnet: "fd10:60:1::/64"
                """);
        Network n = network(m, "lan");
        assertThat(n.location()).isEqualTo(SourceLocation.of(file(), 3, 3, 3, 6));
        assertThat(n.driver().value()).isEqualTo("macvlan");
        assertThat(n.isLanDriver()).isTrue();
        assertThat(n.parent()).map(Text::value).contains("nlt-par0");
        assertThat(n.option("macvlan_mode")).map(Text::value).contains("bridge");
        assertThat(n.internal()).isTrue();
        assertThat(n.attachable()).isTrue();
        assertThat(n.enableIpv6()).isFalse();
        assertThat(n.enableIpv6Location()).isEqualTo(SourceLocation.of(file(), 10, 18, 10, 23));
        assertThat(n.ipamDriver().value()).isEqualTo("default");
        assertThat(n.declaredKeys()).containsKeys("driver", "driver_opts", "internal", "attachable", "enable_ipv6",
                "ipam", "ipam.config", "ipam.driver");
        assertThat(n.declaredKeys().get("enable_ipv6")).isEqualTo(SourceLocation.of(file(), 10, 5, 10, 16));
        assertThat(n.pools()).hasSize(2);
        IpamPool pool = n.pools().get(0);
        assertThat(pool.subnet().asCidr()).isPresent();
        assertThat(pool.subnet().raw()).isEqualTo("10.60.1.0/24");
        assertThat(pool.subnet().location()).isEqualTo(SourceLocation.of(file(), 14, 19, 14, 31));
        assertThat(pool.ipRange().raw()).isEqualTo("10.60.1.128/25");
        assertThat(pool.gateway().asIp()).isPresent();
        assertThat(pool.auxAddresses()).containsOnlyKeys("router");
        assertThat(pool.location().line()).isEqualTo(14);
        assertThat(pool.location().endLine()).isEqualTo(18);
        // a quoted scalar's location covers its quotes
        assertThat(n.pools().get(1).subnet().location()).isEqualTo(SourceLocation.of(file(), 19, 19, 19, 35));
    }

    @Test
    void external_networks_in_both_spellings() {
        Model m = read(dir, """
                version: "3.4"
                services: {}
                networks:
                  old:
                    external:
                      name: corp_net
                  new:
                    external: true
                    name: shared_net
                  plain:
                    name: fixed_name
                """);
        assertThat(network(m, "old").external()).isTrue();
        assertThat(network(m, "old").externalName().value()).isEqualTo("corp_net");
        assertThat(network(m, "new").external()).isTrue();
        assertThat(network(m, "new").externalName().value()).isEqualTo("shared_net");
        assertThat(network(m, "plain").external()).isFalse();
        assertThat(network(m, "plain").externalName().value()).isEqualTo("fixed_name");
        assertThat(network(m, "plain").declaredKeys()).containsOnlyKeys("name");
    }

    @Test
    void service_networks_in_list_form() {
        Model m = read(dir, """
                services:
                  web:
                    networks:
                      - front
                      - back
                networks: {front: {}, back: {}}
                """);
        Container web = service(m, "web");
        assertThat(web.attachments()).extracting(a -> a.network().value()).containsExactly("front", "back");
        assertThat(web.attachments().get(1).network().location()).isEqualTo(SourceLocation.of(file(), 5, 9, 5, 13));
        assertThat(web.networksKeyLocation().line()).isEqualTo(3);
    }

    @Test
    void service_networks_in_map_form_with_static_addresses_and_aliases() {
        Model m = read(dir, """
                services:
                  db:
                    networks:
                      back:
                        ipv4_address: 10.60.2.10
                        ipv6_address: fd10:60:2::10
                        aliases: [database, pg]
                      front:
                networks: {front: {}, back: {}}
                """);
        Container db = service(m, "db");
        assertThat(db.attachments()).hasSize(2);
        Attachment back = db.attachments().get(0);
        assertThat(back.network().value()).isEqualTo("back");
        assertThat(back.ipv4().raw()).isEqualTo("10.60.2.10");
        assertThat(back.ipv4().state()).isEqualTo(AddressValue.State.PARSED);
        assertThat(back.ipv4().location()).isEqualTo(SourceLocation.of(file(), 5, 23, 5, 33));
        assertThat(back.ipv6().raw()).isEqualTo("fd10:60:2::10");
        assertThat(back.aliases()).extracting(Text::value).containsExactly("database", "pg");
        assertThat(db.attachments().get(1).ipv4()).isNull();
    }

    @Test
    void network_mode_and_container_name() {
        Model m = read(dir, """
                services:
                  a: {network_mode: host}
                  b: {network_mode: "service:a"}
                  c: {network_mode: "container:other"}
                  d: {network_mode: none}
                  e:
                    container_name: edge-proxy
                    network_mode: bridge
                  f: {image: x}
                """);
        assertThat(service(m, "a").networkMode().is(NetworkMode.Kind.HOST)).isTrue();
        assertThat(service(m, "b").networkMode().is(NetworkMode.Kind.SERVICE)).isTrue();
        assertThat(service(m, "b").networkMode().target()).isEqualTo("a");
        assertThat(service(m, "c").networkMode().is(NetworkMode.Kind.CONTAINER)).isTrue();
        assertThat(service(m, "d").networkMode().is(NetworkMode.Kind.NONE)).isTrue();
        assertThat(service(m, "e").name()).isEqualTo("edge-proxy");
        assertThat(service(m, "e").serviceName()).isEqualTo("e");
        assertThat(service(m, "e").networkMode().is(NetworkMode.Kind.BRIDGE)).isTrue();
        assertThat(service(m, "f").networkMode().kind()).isEqualTo(NetworkMode.Kind.DEFAULT);
        assertThat(service(m, "a").networkMode().location()).isEqualTo(SourceLocation.of(file(), 2, 21, 2, 25));
    }

    @Test
    void hostname_dns_mac_extra_hosts_links_expose() {
        Model m = read(dir, """
                services:
                  a:
                    hostname: alpha
                    dns: 10.60.3.53
                    mac_address: 02:42:0a:3c:03:05
                    extra_hosts:
                      - "gw:10.60.3.1"
                      - "v6host=fd10:60:3::1"
                    links: [b, "c:cee"]
                    expose: ["3000", 8000-8010, 9000/udp]
                  b:
                    dns: [10.60.3.53, 10.60.3.54]
                    extra_hosts:
                      printer: 10.60.3.9
                """);
        Container a = service(m, "a");
        assertThat(a.hostname().value()).isEqualTo("alpha");
        assertThat(a.dns()).extracting(Text::value).containsExactly("10.60.3.53");
        assertThat(a.macAddress().value()).isEqualTo("02:42:0a:3c:03:05");
        assertThat(a.extraHosts()).extracting(Text::value).containsExactly("gw:10.60.3.1", "v6host=fd10:60:3::1");
        assertThat(a.links()).extracting(Text::value).containsExactly("b", "c:cee");
        assertThat(a.expose()).extracting(Text::value).containsExactly("3000", "8000-8010", "9000/udp");
        Container b = service(m, "b");
        assertThat(b.dns()).extracting(Text::value).containsExactly("10.60.3.53", "10.60.3.54");
        assertThat(b.extraHosts()).extracting(Text::value).containsExactly("printer:10.60.3.9");
        assertThat(b.extraHosts().get(0).location().line()).isEqualTo(14);
        assertThat(m.inputProblems()).isEmpty();
    }

    @Test
    void legacy_version_2_file_is_read_like_compose_spec() {
        Model m = read(dir, """
                version: '2.4'
                services:
                  app:
                    image: app
                    networks:
                      appnet:
                        ipv4_address: 10.60.4.20
                networks:
                  appnet:
                    driver: bridge
                    enable_ipv6: true
                    ipam:
                      driver: default
                      config:
                        - subnet: 10.60.4.0/24
                          gateway: 10.60.4.1
                """);
        assertThat(network(m, "appnet").ipv6Enabled()).isTrue();
        assertThat(network(m, "appnet").pools().get(0).gateway().raw()).isEqualTo("10.60.4.1");
        assertThat(service(m, "app").attachments().get(0).ipv4().raw()).isEqualTo("10.60.4.20");
        assertThat(m.inputProblems()).isEmpty();
    }

    @Test
    void legacy_version_3_file_with_anchors_and_merge_keys() {
        Model m = read(dir, """
                version: "3.8"
                x-net: &net
                  networks:
                    backend:
                      aliases: [svc]
                services:
                  one:
                    <<: *net
                    image: one
                  two:
                    <<: *net
                    networks: [frontend]
                networks:
                  backend: {}
                  frontend: {}
                """);
        assertThat(service(m, "one").attachments()).extracting(a -> a.network().value()).containsExactly("backend");
        assertThat(service(m, "one").attachments().get(0).aliases()).extracting(Text::value).containsExactly("svc");
        // an explicit key wins over the merged one
        assertThat(service(m, "two").attachments()).extracting(a -> a.network().value()).containsExactly("frontend");
    }

    @Test
    void unknown_booleans_are_recorded_as_unknown_keys() {
        Model m = read(dir, """
                services: {}
                networks:
                  n:
                    enable_ipv6: ${IPV6}
                    internal: maybe
                """);
        Network n = network(m, "n");
        assertThat(n.enableIpv6()).isNull();
        assertThat(n.isUnknown("enable_ipv6")).isTrue();
        assertThat(n.isUnknown("internal")).isTrue();
        assertThat(m.inputProblems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("invalid boolean \"maybe\""))
                .satisfies(p -> assertThat(p.location().line()).isEqualTo(5));
    }

    @Test
    void wrong_shapes_are_located_problems_and_the_rest_is_read() {
        Model m = read(dir, """
                services:
                  bad: just-a-string
                  web:
                    ports:
                      - published: 8080
                      - "8081:81"
                      - [1, 2]
                    networks: 42
                networks:
                  front:
                    ipam:
                      config: "10.60.5.0/24"
                """);
        assertThat(only(m).containers()).extracting(Container::serviceName).containsExactly("web");
        assertThat(service(m, "web").ports()).hasSize(1);
        assertThat(m.inputProblems()).extracting(p -> p.location().line()).containsExactlyInAnyOrder(2, 5, 7, 8, 12);
        assertThat(m.inputProblems()).noneMatch(p -> p.fatal());
        assertThat(m.inputProblems()).anyMatch(p -> p.message().contains("needs \"target\""));
    }

    @Test
    void unknown_top_level_keys_are_reported_and_version_1_files_get_a_hint() {
        Model m = read(dir, """
                web:
                  image: nginx
                  ports: ["80:80"]
                """);
        assertThat(m.inputProblems()).singleElement().satisfies(p -> {
            assertThat(p.location().line()).isEqualTo(1);
            assertThat(p.message()).contains("unknown top-level key \"web\"").contains("version 1");
        });
    }

    @Test
    void hash_comment_directives_are_registered() {
        Path f = ComposeTesting.write(dir, "compose.yaml", """
                services:
                  web:
                    ports:
                      - "8080:80" # netlint disable=NL301
                """);
        var run = ComposeTesting.run(java.util.Map.of(), f);
        assertThat(run.directives().all()).singleElement()
                .satisfies(d -> assertThat(d.ids()).containsExactly("NL301"));
    }

    private String file() {
        return display(dir.resolve("compose.yaml"));
    }

    static String display(Path p) {
        Path cwd = Path.of("").toAbsolutePath();
        Path abs = p.toAbsolutePath().normalize();
        return (abs.startsWith(cwd) ? cwd.relativize(abs).toString() : p.toString()).replace('\\', '/');
    }
}
