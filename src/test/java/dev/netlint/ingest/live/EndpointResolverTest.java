package dev.netlint.ingest.live;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which daemon a probe talks to, following the docker CLI's order, with a context store written by the test. */
class EndpointResolverTest {
    @TempDir
    Path home;

    private void context(String name, String host, boolean tls) throws IOException {
        String digest = EndpointResolver.sha256(name);
        Path meta = Files.createDirectories(home.resolve(".docker/contexts/meta").resolve(digest));
        Files.writeString(meta.resolve("meta.json"), "{\"Name\":\"" + name + "\",\"Metadata\":{},"
                + "\"Endpoints\":{\"docker\":{\"Host\":\"" + host + "\",\"SkipTLSVerify\":false}}}");
        if (tls) {
            Path dir = Files.createDirectories(home.resolve(".docker/contexts/tls").resolve(digest).resolve("docker"));
            for (String f : List.of("ca.pem", "cert.pem", "key.pem")) {
                Files.writeString(dir.resolve(f), "test");
            }
        }
    }

    private void currentContext(String name) throws IOException {
        Files.createDirectories(home.resolve(".docker"));
        Files.writeString(home.resolve(".docker/config.json"), "{\"auths\":{},\"currentContext\":\"" + name + "\"}");
    }

    private List<DaemonEndpoint> resolve(Map<String, String> env, List<String> hosts, List<String> contexts)
            throws ProbeException {
        return new EndpointResolver(env, home).resolve(hosts, contexts);
    }

    @Test
    void defaultIsTheLocalSocket() throws ProbeException {
        DaemonEndpoint e = resolve(Map.of(), List.of(), List.of()).get(0);
        assertThat(e.uri().toString()).isEqualTo("unix:///var/run/docker.sock");
        assertThat(e.label()).isEqualTo("local");
        assertThat(e.tls()).isFalse();
        assertThat(e.location()).isEqualTo("docker://local");
    }

    @Test
    void dockerHostWinsOverTheCurrentContext() throws Exception {
        context("nlt-remote", "tcp://10.160.50.5:2375", false);
        currentContext("nlt-remote");
        DaemonEndpoint e = resolve(Map.of("DOCKER_HOST", "unix:///run/user/1000/docker.sock"), List.of(), List.of()).get(0);
        assertThat(e.uri().toString()).isEqualTo("unix:///run/user/1000/docker.sock");
        assertThat(e.source()).isEqualTo("DOCKER_HOST");
    }

    @Test
    void currentContextIsReadFromConfigJsonAndTheContextStore() throws Exception {
        context("nlt-remote", "tcp://10.160.50.5:2376", true);
        currentContext("nlt-remote");
        DaemonEndpoint e = resolve(Map.of(), List.of(), List.of()).get(0);
        assertThat(e.label()).isEqualTo("nlt-remote");
        assertThat(e.uri().toString()).isEqualTo("tcp://10.160.50.5:2376");
        assertThat(e.tlsCertPath()).isEqualTo(home.resolve(".docker/contexts/tls")
                .resolve(EndpointResolver.sha256("nlt-remote")).resolve("docker"));
    }

    @Test
    void dockerContextVariableWinsOverConfigJson() throws Exception {
        context("nlt-a", "tcp://10.160.50.5:2375", false);
        context("nlt-b", "tcp://10.160.50.6:2375", false);
        currentContext("nlt-a");
        assertThat(resolve(Map.of("DOCKER_CONTEXT", "nlt-b"), List.of(), List.of()).get(0).label()).isEqualTo("nlt-b");
    }

    @Test
    void defaultContextMeansTheLocalSocket() throws Exception {
        currentContext("default");
        assertThat(resolve(Map.of(), List.of(), List.of()).get(0).uri().toString()).isEqualTo("unix:///var/run/docker.sock");
    }

    @Test
    void tcpHostsUseTlsFromTheEnvironment() throws ProbeException {
        DaemonEndpoint e = resolve(Map.of("DOCKER_TLS_VERIFY", "1", "DOCKER_CERT_PATH", "/certs"),
                List.of("tcp://10.160.50.7"), List.of()).get(0);
        assertThat(e.uri().toString()).isEqualTo("tcp://10.160.50.7:2376");
        assertThat(e.tlsCertPath()).isEqualTo(Path.of("/certs"));
        DaemonEndpoint plain = resolve(Map.of(), List.of("tcp://10.160.50.7"), List.of()).get(0);
        assertThat(plain.uri().toString()).isEqualTo("tcp://10.160.50.7:2375");
        assertThat(plain.tls()).isFalse();
        DaemonEndpoint defaultCerts = resolve(Map.of("DOCKER_TLS_VERIFY", "1"), List.of("tcp://h:2376"), List.of()).get(0);
        assertThat(defaultCerts.tlsCertPath()).isEqualTo(home.resolve(".docker"));
    }

    @Test
    void severalDaemonsGetUniqueLabels() throws Exception {
        context("nlt-a", "unix:///var/run/docker.sock", false);
        List<DaemonEndpoint> eps = resolve(Map.of(), List.of("unix:///var/run/docker.sock", "tcp://10.160.50.8:2375",
                "unix:///var/run/docker.sock"), List.of("nlt-a"));
        assertThat(eps).extracting(DaemonEndpoint::label)
                .containsExactly("local", "10.160.50.8:2375", "local#2", "nlt-a");
    }

    @Test
    void badHostsAreRefusedWithAHint() {
        assertThatThrownBy(() -> resolve(Map.of(), List.of("ssh://me@host"), List.of()))
                .isInstanceOf(ProbeException.class).hasMessageContaining("ssh:// is not supported");
        assertThatThrownBy(() -> resolve(Map.of(), List.of("ftp://x"), List.of()))
                .hasMessageContaining("unknown scheme");
        assertThatThrownBy(() -> resolve(Map.of(), List.of("unix://"), List.of()))
                .hasMessageContaining("invalid Docker host 'unix://'").hasMessageContaining("unix:///var/run/docker.sock");
        assertThatThrownBy(() -> resolve(Map.of(), List.of("tcp://:2375"), List.of()))
                .hasMessageContaining("invalid Docker host");
    }

    /** A context pointing at the real local daemon is probed through the context store. */
    @Test
    void aContextReachesTheRealDaemon() throws Exception {
        LiveDaemonFixture.requireDaemon();
        context("nlt-pr-local", "unix:///var/run/docker.sock", false);
        DaemonEndpoint e = resolve(Map.of(), List.of(), List.of("nlt-pr-local")).get(0);
        try (DaemonConnection c = DaemonConnection.open(e)) {
            var p = new LiveDaemonReader().read(c, new dev.netlint.model.Model());
            assertThat(p.host()).isEqualTo("nlt-pr-local");
            assertThat(p.network("bridge")).isPresent();
            assertThat(p.network("bridge").get().location().file()).isEqualTo("docker://nlt-pr-local/network/bridge");
        }
    }
}
