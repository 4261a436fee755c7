package dev.netlint.ingest.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.core.LocalDirectorySSLConfig;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

/**
 * A read-only connection to one daemon through docker-java's zerodep transport, with connect and
 * response timeouts so that a dead or silent daemon fails in seconds, and an API version check.
 */
public final class DaemonConnection implements AutoCloseable {
    /**
     * API 1.24 (Engine 1.12): networks carry IPAM config, labels and options, and container inspect
     * carries per-network IPAMConfig (static addresses) — everything the live model reads.
     */
    public static final ApiVersion MINIMUM_API = new ApiVersion(1, 24);
    /** Requests are pinned to the daemon's version, capped here: the newest docker-java 3.7.1 knows. */
    public static final ApiVersion NEWEST_API = new ApiVersion(1, 44);

    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(3);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DaemonEndpoint endpoint;
    private final ReadOnlyHttpClient http;
    private final ApiVersion serverApi;
    private final String engineVersion;
    private final DockerClient client;

    private DaemonConnection(DaemonEndpoint endpoint, ReadOnlyHttpClient http, ApiVersion serverApi,
                             String engineVersion, DockerClient client) {
        this.endpoint = endpoint;
        this.http = http;
        this.serverApi = serverApi;
        this.engineVersion = engineVersion;
        this.client = client;
    }

    /** Connects, asks {@code GET /version}, and checks the API version. */
    public static DaemonConnection open(DaemonEndpoint endpoint) throws ProbeException {
        if (endpoint.isUnixSocket()) {
            java.nio.file.Path socket = java.nio.file.Path.of(endpoint.uri().getPath());
            String where = endpoint.uri() + " (" + endpoint.source() + ")";
            if (!Files.exists(socket)) {
                throw new ProbeException("cannot connect to the Docker daemon at " + where
                        + ": no socket there; is dockerd running?");
            }
            if (Files.isRegularFile(socket) || Files.isDirectory(socket)) {
                throw new ProbeException("cannot connect to the Docker daemon at " + where + ": " + socket
                        + " is a " + (Files.isDirectory(socket) ? "directory" : "regular file")
                        + ", not a socket");
            }
        }
        ReadOnlyHttpClient http = new ReadOnlyHttpClient(transport(endpoint));
        try {
            JsonNode version = getJson(endpoint, http, "/version");
            String apiText = version.path("ApiVersion").asText("");
            ApiVersion api = ApiVersion.parse(apiText);
            if (api == null) {
                throw new ProbeException(endpoint.uri() + " answered /version without an ApiVersion; "
                        + "is it a Docker daemon?");
            }
            if (api.compareTo(MINIMUM_API) < 0) {
                throw new ProbeException("the Docker daemon at " + endpoint.uri() + " speaks API " + api
                        + " (Engine " + version.path("Version").asText("?") + "); netlint probe needs API "
                        + MINIMUM_API + " or later (Docker Engine 1.12+)");
            }
            ApiVersion pinned = api.compareTo(NEWEST_API) > 0 ? NEWEST_API : api;
            DefaultDockerClientConfig config = new DefaultDockerClientConfig.Builder()
                    .withDockerHost(endpoint.uri().toString())
                    .withDockerTlsVerify(false) // TLS is set on the transport, from the endpoint
                    .withApiVersion(pinned.toString())
                    .build();
            DockerClient client = DockerClientImpl.getInstance(config, http);
            return new DaemonConnection(endpoint, http, api, version.path("Version").asText(""), client);
        } catch (ProbeException | RuntimeException e) {
            closeQuietly(http);
            throw e;
        }
    }

    private static DockerHttpClient transport(DaemonEndpoint endpoint) throws ProbeException {
        ZerodepDockerHttpClient.Builder b = new ZerodepDockerHttpClient.Builder()
                .dockerHost(endpoint.uri())
                .maxConnections(4)
                .connectionTimeout(CONNECT_TIMEOUT)
                .responseTimeout(RESPONSE_TIMEOUT);
        if (endpoint.tls()) {
            for (String f : List.of("ca.pem", "cert.pem", "key.pem")) {
                if (!Files.isReadable(endpoint.tlsCertPath().resolve(f))) {
                    throw new ProbeException("TLS to " + endpoint.uri() + " (" + endpoint.source() + ") needs "
                            + endpoint.tlsCertPath().resolve(f) + ", which is missing or unreadable; set "
                            + "DOCKER_CERT_PATH to the directory holding ca.pem, cert.pem and key.pem");
                }
            }
            b.sslConfig(new LocalDirectorySSLConfig(endpoint.tlsCertPath().toString()));
        }
        try {
            return b.build();
        } catch (RuntimeException e) {
            throw Failures.describe(endpoint, e);
        }
    }

    /** GET path through the transport and parse its JSON body; failures become one-line messages. */
    static JsonNode getJson(DaemonEndpoint endpoint, DockerHttpClient http, String path) throws ProbeException {
        DockerHttpClient.Request req = DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.GET)
                .path(path)
                .build();
        try (DockerHttpClient.Response resp = http.execute(req)) {
            byte[] body;
            try (InputStream in = resp.getBody()) {
                body = in.readNBytes(1 << 20);
            }
            if (resp.getStatusCode() / 100 != 2) {
                throw new ProbeException(endpoint.uri() + " answered GET " + path + " with HTTP "
                        + resp.getStatusCode() + "; is it a Docker daemon?");
            }
            try {
                JsonNode node = JSON.readTree(body);
                if (node == null || !node.isObject()) {
                    throw new ProbeException(endpoint.uri() + " answered GET " + path
                            + " with something that is not a JSON object; is it a Docker daemon?");
                }
                return node;
            } catch (IOException e) {
                throw new ProbeException(endpoint.uri() + " answered GET " + path
                        + " with invalid JSON; is it a Docker daemon?");
            }
        } catch (ProbeException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw Failures.describe(endpoint, e);
        }
    }

    public DaemonEndpoint endpoint() { return endpoint; }
    public DockerClient client() { return client; }
    public ApiVersion serverApi() { return serverApi; }
    public String engineVersion() { return engineVersion; }
    /** Every request sent so far ("GET /networks"); all are GETs by construction. */
    public List<String> requests() { return http.requests(); }

    @Override
    public void close() {
        closeQuietly(http);
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // nothing useful to say about a failed close of a read-only connection
        }
    }

    /** A Docker API version such as 1.41. */
    public record ApiVersion(int major, int minor) implements Comparable<ApiVersion> {
        static ApiVersion parse(String text) {
            String[] parts = text.trim().split("\\.");
            if (parts.length != 2) {
                return null;
            }
            try {
                return new ApiVersion(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
            } catch (NumberFormatException e) {
                return null;
            }
        }

        @Override
        public int compareTo(ApiVersion o) {
            return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
        }

        @Override
        public String toString() {
            return major + "." + minor;
        }
    }
}
