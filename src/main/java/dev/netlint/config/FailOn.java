package dev.netlint.config;

import dev.netlint.model.Severity;

import java.util.Locale;
import java.util.Optional;

/** The lowest severity that makes netlint exit with status 1; NONE never does. */
public enum FailOn {
    ERROR(Severity.ERROR), WARNING(Severity.WARNING), NOTE(Severity.NOTE), NONE(null);

    private final Severity threshold;

    FailOn(Severity threshold) {
        this.threshold = threshold;
    }

    public Optional<Severity> threshold() {
        return Optional.ofNullable(threshold);
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<FailOn> parse(String text) {
        for (FailOn f : values()) {
            if (f.toString().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
