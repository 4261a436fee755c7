package dev.netlint.ingest.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Chooses the daemons to probe the way the docker CLI does: explicit {@code --host} and
 * {@code --context} flags; else {@code DOCKER_HOST}; else {@code DOCKER_CONTEXT}; else the
 * current context of {@code ~/.docker/config.json} (or {@code $DOCKER_CONFIG/config.json});
 * else {@code unix:///var/run/docker.sock}.
 *
 * <p>{@code tcp://} hosts use TLS when {@code DOCKER_TLS_VERIFY} is set to a non-empty value (as
 * in the docker CLI), with ca.pem, cert.pem and key.pem from {@code DOCKER_CERT_PATH} (default
 * {@code ~/.docker}). A context uses TLS when its store holds
 * {@code contexts/tls/<sha256(name)>/docker/}.
 */
public final class EndpointResolver {
    public static final String DEFAULT_SOCKET = "unix:///var/run/docker.sock";
    private static final Set<String> DEFAULT_SOCKET_PATHS = Set.of("/var/run/docker.sock", "/run/docker.sock");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> env;
    private final Path home;

    public EndpointResolver(Map<String, String> env, Path home) {
        this.env = env;
        this.home = home;
    }

    public static EndpointResolver fromSystem() {
        return new EndpointResolver(dev.netlint.ingest.Environment.process(), Path.of(System.getProperty("user.home", "/")));
    }

    /** The daemons to probe, in the order given; labels are made unique. */
    public List<DaemonEndpoint> resolve(List<String> hosts, List<String> contexts) throws ProbeException {
        List<DaemonEndpoint> out = new ArrayList<>();
        for (String h : hosts) {
            out.add(fromHost(h, "--host"));
        }
        for (String c : contexts) {
            out.add(fromContext(c, "--context " + c));
        }
        if (out.isEmpty()) {
            out.add(implicit());
        }
        return uniqueLabels(out);
    }

    private DaemonEndpoint implicit() throws ProbeException {
        String dockerHost = env.get("DOCKER_HOST");
        if (dockerHost != null && !dockerHost.isBlank()) {
            return fromHost(dockerHost.trim(), "DOCKER_HOST");
        }
        String ctx = env.get("DOCKER_CONTEXT");
        if (ctx != null && !ctx.isBlank()) {
            return fromContext(ctx.trim(), "DOCKER_CONTEXT=" + ctx.trim());
        }
        String current = currentContext();
        if (current != null && !current.isBlank() && !current.equals("default")) {
            return fromContext(current, "current context " + current);
        }
        return fromHost(DEFAULT_SOCKET, "default socket");
    }

    /** Parses a docker host URL: unix:///path, tcp://host:port (http:// and https:// too). */
    DaemonEndpoint fromHost(String raw, String source) throws ProbeException {
        String text = raw.trim();
        if (text.startsWith("/")) {
            text = "unix://" + text;
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new ProbeException("invalid Docker host '" + raw + "' (" + source + "): " + e.getReason()
                    + "; write unix:///var/run/docker.sock or tcp://HOST:2376");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        switch (scheme) {
            case "unix" -> {
                String path = uri.getPath();
                if (path == null || path.isEmpty()) {
                    throw new ProbeException("invalid Docker host '" + raw + "' (" + source
                            + "): no socket path; write unix:///var/run/docker.sock");
                }
                return new DaemonEndpoint(DEFAULT_SOCKET_PATHS.contains(path) ? "local" : "unix" + path,
                        URI.create("unix://" + path), null, source);
            }
            case "tcp", "http", "https" -> {
                if (uri.getHost() == null) {
                    throw new ProbeException("invalid Docker host '" + raw + "' (" + source
                            + "): no host name; write tcp://HOST:2376");
                }
                boolean tls = scheme.equals("https") || tlsVerifyFromEnv();
                int port = uri.getPort() > 0 ? uri.getPort() : (tls ? 2376 : 2375);
                URI norm = URI.create("tcp://" + hostPart(uri.getHost()) + ":" + port);
                Path certs = tls ? certPathFromEnv() : null;
                return new DaemonEndpoint(hostPart(uri.getHost()) + ":" + port, norm, certs, source);
            }
            case "ssh" -> throw new ProbeException("Docker host '" + raw + "' (" + source
                    + "): ssh:// is not supported by netlint probe; forward the socket "
                    + "(ssh -L /tmp/d.sock:/var/run/docker.sock HOST) and pass --host unix:///tmp/d.sock");
            case "npipe" -> throw new ProbeException("Docker host '" + raw + "' (" + source
                    + "): npipe:// (Windows named pipes) is not supported by netlint probe");
            default -> throw new ProbeException("invalid Docker host '" + raw + "' (" + source
                    + "): unknown scheme; write unix:///var/run/docker.sock or tcp://HOST:2376");
        }
    }

    private static String hostPart(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    private boolean tlsVerifyFromEnv() {
        String v = env.get("DOCKER_TLS_VERIFY");
        return v != null && !v.isEmpty();
    }

    private Path certPathFromEnv() {
        String p = env.get("DOCKER_CERT_PATH");
        return p != null && !p.isBlank() ? Path.of(p) : configDir();
    }

    private Path configDir() {
        String c = env.get("DOCKER_CONFIG");
        return c != null && !c.isBlank() ? Path.of(c) : home.resolve(".docker");
    }

    /** currentContext from config.json, or null. */
    String currentContext() throws ProbeException {
        Path config = configDir().resolve("config.json");
        if (!Files.isRegularFile(config)) {
            return null;
        }
        try {
            JsonNode root = JSON.readTree(Files.readString(config, StandardCharsets.UTF_8));
            JsonNode cc = root == null ? null : root.get("currentContext");
            return cc != null && cc.isTextual() ? cc.asText() : null;
        } catch (IOException e) {
            throw new ProbeException("cannot read " + config + ": " + oneLine(e.getMessage()));
        }
    }

    /** A named context from the docker CLI's context store. "default" is the local socket. */
    DaemonEndpoint fromContext(String name, String source) throws ProbeException {
        if (name.equals("default")) {
            String dockerHost = env.get("DOCKER_HOST");
            DaemonEndpoint e = dockerHost != null && !dockerHost.isBlank()
                    ? fromHost(dockerHost.trim(), source) : fromHost(DEFAULT_SOCKET, source);
            return e.withLabel(e.label().equals("local") ? "local" : e.label());
        }
        String digest = sha256(name);
        Path store = configDir().resolve("contexts");
        Path meta = store.resolve("meta").resolve(digest).resolve("meta.json");
        if (!Files.isRegularFile(meta)) {
            throw new ProbeException("docker context '" + name + "' not found (" + source + "): no " + meta
                    + "; list contexts with: docker context ls");
        }
        String host;
        boolean skipVerify;
        try {
            JsonNode root = JSON.readTree(Files.readString(meta, StandardCharsets.UTF_8));
            JsonNode docker = root == null ? null : root.path("Endpoints").path("docker");
            if (docker == null || !docker.path("Host").isTextual()) {
                throw new ProbeException("docker context '" + name + "' has no Endpoints.docker.Host in " + meta);
            }
            host = docker.path("Host").asText();
            skipVerify = docker.path("SkipTLSVerify").asBoolean(false);
        } catch (IOException e) {
            throw new ProbeException("cannot read docker context '" + name + "' (" + meta + "): " + oneLine(e.getMessage()));
        }
        DaemonEndpoint base = fromHost(host, source);
        Path tls = store.resolve("tls").resolve(digest).resolve("docker");
        Path certs = null;
        if (!base.isUnixSocket() && Files.isDirectory(tls)) {
            if (skipVerify) {
                throw new ProbeException("docker context '" + name + "' sets SkipTLSVerify; netlint probe only "
                        + "talks TLS with verification: add the daemon's CA to the context");
            }
            certs = tls;
        } else if (!base.isUnixSocket()) {
            certs = base.tlsCertPath();
        }
        return new DaemonEndpoint(name, base.uri(), certs, source);
    }

    static String sha256(String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private static List<DaemonEndpoint> uniqueLabels(List<DaemonEndpoint> in) {
        Set<String> seen = new LinkedHashSet<>();
        List<DaemonEndpoint> out = new ArrayList<>();
        for (DaemonEndpoint e : in) {
            String label = e.label();
            int n = 2;
            while (!seen.add(label)) {
                label = e.label() + "#" + n++;
            }
            out.add(label.equals(e.label()) ? e : e.withLabel(label));
        }
        return out;
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }
}
