package dev.netlint.cli;

/** A usage or I/O problem: reported as one line on stderr, exit status 2. */
final class CliException extends Exception {
    CliException(String message) {
        super(message);
    }

    CliException(String message, Throwable cause) {
        super(message, cause);
    }
}
