package dev.netlint.config;

/** A configuration file that cannot be used; the message starts with "file:line:col: " when located. */
public final class ConfigException extends Exception {
    public ConfigException(String message) {
        super(message);
    }

    public static ConfigException at(String file, int line, int column, String message) {
        return new ConfigException(line > 0 ? file + ":" + line + ":" + column + ": " + message : file + ": " + message);
    }
}
