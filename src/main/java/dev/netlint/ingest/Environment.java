package dev.netlint.ingest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The variables {@code ${VAR}} resolves from, each with where it came from. Lint mode starts
 * empty: the project's {@code .env} files and explicit {@code --env}/{@code --env-file} values
 * only. The process environment is added only on request ({@code --env-from-process}); its values
 * are private: a value read from it is never printed ({@link #redact} turns it back into
 * {@code ${VAR}}). Readers take this object; {@link #process()} is the one place netlint reads the process
 * environment.
 */
public final class Environment {
    /** Where a value came from. */
    public enum Origin { EXPLICIT, PROCESS }

    private record Value(String text, Origin origin) {
    }

    private final Map<String, Value> values;
    /** Private values that some reader looked up (only those need redacting). */
    private final Set<String> privateUsed = ConcurrentHashMap.newKeySet();

    private Environment(Map<String, Value> values) {
        this.values = values;
    }

    public static Environment empty() {
        return new Environment(Map.of());
    }

    /** Explicit values (from {@code --env}, {@code --env-file}, tests): printed like any file content. */
    public static Environment of(Map<String, String> explicit) {
        return empty().with(explicit, Origin.EXPLICIT);
    }

    /** A copy with {@code more} added; an existing name keeps its value (the first source wins). */
    public Environment with(Map<String, String> more, Origin origin) {
        Map<String, Value> copy = new LinkedHashMap<>(values);
        more.forEach((k, v) -> {
            if (k != null && v != null) {
                copy.putIfAbsent(k, new Value(v, origin));
            }
        });
        return new Environment(Collections.unmodifiableMap(copy));
    }

    /** The value of {@code name}, or null when it is not set. */
    public String get(String name) {
        Value v = values.get(name);
        if (v == null) {
            return null;
        }
        if (v.origin() == Origin.PROCESS) {
            privateUsed.add(name);
        }
        return v.text();
    }

    public boolean contains(String name) {
        return values.containsKey(name);
    }

    /** {@code text} with every private value a reader used replaced by {@code ${NAME}}, longest first. */
    public String redact(String text) {
        if (text == null || privateUsed.isEmpty()) {
            return text;
        }
        List<String> names = new ArrayList<>(privateUsed);
        names.sort(Comparator.comparingInt((String n) -> values.get(n).text().length()).reversed()
                .thenComparing(Comparator.naturalOrder()));
        String out = text;
        for (String n : names) {
            String v = values.get(n).text();
            if (!v.isEmpty()) {
                out = out.replace(v, "${" + n + "}");
            }
        }
        return out;
    }

    /**
     * The process environment: the only read of it in netlint. Lint mode adds it only on request
     * ({@code --env-from-process}); the probe uses it to find the daemon (DOCKER_HOST, DOCKER_CONTEXT).
     */
    public static Map<String, String> process() {
        return System.getenv();
    }

    /** Whether the user asked for no colour (the NO_COLOR convention); the value itself is never used. */
    public static boolean noColorRequested() {
        return process().get("NO_COLOR") != null;
    }
}
