package dev.netlint.ingest.live;

import java.net.URI;
import java.nio.file.Path;

/**
 * One Docker daemon to probe: where it listens, how it was chosen, and the TLS material for
 * {@code tcp://} hosts. {@code label} names the daemon in the model (host name) and in logical
 * locations such as {@code docker://<label>/network/<name>}.
 *
 * @param label       short, unique name: the context name, {@code host:port}, or {@code local}
 * @param uri         {@code unix:///path} or {@code tcp://host:port}
 * @param tlsCertPath directory holding ca.pem, cert.pem and key.pem; null for plain connections
 * @param source      how the endpoint was chosen, for messages ("--host", "DOCKER_HOST", "context prod")
 */
public record DaemonEndpoint(String label, URI uri, Path tlsCertPath, String source) {

    public boolean tls() {
        return tlsCertPath != null;
    }

    public boolean isUnixSocket() {
        return "unix".equals(uri.getScheme());
    }

    public DaemonEndpoint withLabel(String newLabel) {
        return new DaemonEndpoint(newLabel, uri, tlsCertPath, source);
    }

    /** The logical location of the daemon itself. */
    public String location() {
        return "docker://" + label;
    }

    @Override
    public String toString() {
        return uri.toString();
    }
}
