package dev.netlint.deploy;

import dev.netlint.model.Container;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compose profiles, as compose applies them: a service without profiles always runs; a profiled
 * service runs only when one of its profiles is active. Without an explicit selection two services
 * clash only if some ONE profile (or none) runs both, so alternatives such as {@code [dev]} and
 * {@code [prod]} never clash. With an explicit selection every selected service runs.
 */
public final class Profiles {
    private Profiles() {
    }

    /** Whether the service runs under the selection ({@code active} empty: no selection, everything is a candidate). */
    public static boolean runs(Container c, Set<String> active) {
        return active.isEmpty() || c.profiles().isEmpty() || c.profiles().stream().anyMatch(active::contains);
    }

    /**
     * When two services run together: empty when never; else the words that say under which profiles
     * ("" when neither is profiled, " with profile dev", " with profiles dev and api").
     */
    public static Optional<String> together(Container a, Container b, Set<String> active) {
        if (!runs(a, active) || !runs(b, active)) {
            return Optional.empty();
        }
        Set<String> needed = new TreeSet<>();
        if (active.isEmpty()) {
            if (!a.profiles().isEmpty() && !b.profiles().isEmpty()) {
                Optional<String> shared = a.profiles().stream().filter(b.profiles()::contains).sorted().findFirst();
                if (shared.isEmpty()) {
                    return Optional.empty();
                }
                needed.add(shared.get());
            } else {
                a.profiles().stream().sorted().findFirst().ifPresent(needed::add);
                b.profiles().stream().sorted().findFirst().ifPresent(needed::add);
            }
        } else {
            Optional<String> shared = a.profiles().stream()
                    .filter(p -> active.contains(p) && b.profiles().contains(p)).sorted().findFirst();
            if (shared.isPresent()) {
                needed.add(shared.get());
            } else {
                first(a, active).ifPresent(needed::add);
                first(b, active).ifPresent(needed::add);
            }
        }
        if (needed.isEmpty()) {
            return Optional.of("");
        }
        List<String> names = new ArrayList<>(needed);
        return Optional.of(names.size() == 1 ? " with profile " + names.get(0)
                : " with profiles " + String.join(", ", names.subList(0, names.size() - 1)) + " and "
                + names.get(names.size() - 1));
    }

    /** The first active profile that runs a profiled service; empty for a service without profiles. */
    private static Optional<String> first(Container c, Set<String> active) {
        if (c.profiles().isEmpty()) {
            return Optional.empty();
        }
        return c.profiles().stream().filter(active::contains).sorted().findFirst();
    }
}
