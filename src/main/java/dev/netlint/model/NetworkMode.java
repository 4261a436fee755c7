package dev.netlint.model;

/**
 * How a container joins the network stack. {@code DEFAULT} means nothing was said (the daemon's
 * default bridge for a plain container, the project's default network for a compose service);
 * {@code NETWORK} names a user network; {@code CONTAINER} and {@code SERVICE} share another's stack.
 */
public record NetworkMode(Kind kind, String target, SourceLocation location, boolean unknown) {
    public enum Kind { DEFAULT, BRIDGE, HOST, NONE, CONTAINER, SERVICE, NETWORK }

    public static NetworkMode defaultMode() {
        return new NetworkMode(Kind.DEFAULT, null, null, false);
    }

    public static NetworkMode unknown(String raw, SourceLocation location) {
        return new NetworkMode(Kind.DEFAULT, raw, location, true);
    }

    /** Parses a docker network mode string: bridge, host, none, container:X, service:X or a network name. */
    public static NetworkMode parse(String text, SourceLocation location) {
        String t = text.trim();
        if (t.equals("bridge") || t.equals("default")) {
            return new NetworkMode(Kind.BRIDGE, t, location, false);
        }
        if (t.equals("host")) {
            return new NetworkMode(Kind.HOST, t, location, false);
        }
        if (t.equals("none")) {
            return new NetworkMode(Kind.NONE, t, location, false);
        }
        if (t.startsWith("container:")) {
            return new NetworkMode(Kind.CONTAINER, t.substring("container:".length()), location, false);
        }
        if (t.startsWith("service:")) {
            return new NetworkMode(Kind.SERVICE, t.substring("service:".length()), location, false);
        }
        return new NetworkMode(Kind.NETWORK, t, location, false);
    }

    public boolean is(Kind k) {
        return !unknown && kind == k;
    }

    /** container:X or service:X: the container has no network stack of its own. */
    public boolean sharesAnotherStack() {
        return is(Kind.CONTAINER) || is(Kind.SERVICE);
    }

    /**
     * Named explicitly as a mode without a user-defined network of its own: host, none, container:,
     * service:, or the default bridge given as "bridge" (not "default").
     */
    public boolean explicitlyPredefined() {
        return !unknown && location != null && (kind == Kind.HOST || kind == Kind.NONE || kind == Kind.CONTAINER
                || kind == Kind.SERVICE || (kind == Kind.BRIDGE && !"default".equals(target)));
    }

    public String spelled() {
        return switch (kind) {
            case CONTAINER -> "container:" + target;
            case SERVICE -> "service:" + target;
            case DEFAULT -> "default";
            default -> target;
        };
    }
}
