package dev.netlint.ingest.live;

import java.io.FileNotFoundException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.Locale;
import javax.net.ssl.SSLException;

/** Turns what docker-java's transport throws into one line that says what is wrong and what to do. */
final class Failures {
    private Failures() {
    }

    static ProbeException describe(DaemonEndpoint endpoint, Throwable error) {
        String where = endpoint.uri() + " (" + endpoint.source() + ")";
        Throwable t = error;
        String innermost = "";
        for (int depth = 0; t != null && depth < 20; t = t.getCause(), depth++) {
            String msg = t.getMessage() == null ? "" : t.getMessage();
            innermost = msg.isBlank() ? t.getClass().getSimpleName() : msg;
            if (t instanceof ReadOnlyHttpClient.LimitExceeded) {
                return new ProbeException("the Docker daemon at " + where + ": " + msg, error);
            }
            if (t instanceof SSLException) {
                return new ProbeException("TLS handshake with the Docker daemon at " + where + " failed: "
                        + EndpointResolver.oneLine(msg) + "; check DOCKER_CERT_PATH / the context's TLS files and "
                        + "that the daemon listens with --tlsverify", error);
            }
            if (t instanceof AccessDeniedException || msg.toLowerCase(Locale.ROOT).contains("permission denied")) {
                return new ProbeException("permission denied on the Docker socket " + where
                        + "; add your user to the 'docker' group or run with access to the socket", error);
            }
            if (t instanceof NoSuchFileException || t instanceof FileNotFoundException
                    || msg.contains("No such file or directory")) {
                return new ProbeException("cannot connect to the Docker daemon at " + where
                        + ": no socket there; is dockerd running?", error);
            }
            if (t instanceof SocketTimeoutException || msg.toLowerCase(Locale.ROOT).contains("timed out")) {
                return new ProbeException("the Docker daemon at " + where + " did not answer within "
                        + DaemonConnection.RESPONSE_TIMEOUT.toSeconds() + " s", error);
            }
            if (t instanceof ConnectException || msg.contains("Connection refused")) {
                return new ProbeException("cannot connect to the Docker daemon at " + where
                        + ": connection refused; is dockerd running?", error);
            }
            if (t instanceof UnknownHostException) {
                return new ProbeException("cannot connect to the Docker daemon at " + where
                        + ": unknown host " + EndpointResolver.oneLine(msg), error);
            }
            if (t instanceof NoRouteToHostException) {
                return new ProbeException("cannot connect to the Docker daemon at " + where
                        + ": no route to host", error);
            }
        }
        return new ProbeException("cannot talk to the Docker daemon at " + where + ": "
                + EndpointResolver.oneLine(innermost), error);
    }
}
