package dev.netlint.ingest.live;

/**
 * A probe that cannot go on: no daemon, no permission, a TLS or API version problem, a bad
 * {@code --host} or context. The message is one line meant for the user, without a stack trace.
 */
public final class ProbeException extends Exception {
    public ProbeException(String message) {
        super(message);
    }

    public ProbeException(String message, Throwable cause) {
        super(message, cause);
    }
}
