package dev.netlint;

import dev.netlint.config.ConfigException;
import dev.netlint.config.SettingsResolver;
import dev.netlint.engine.LintSettings;
import dev.netlint.rules.RuleRegistry;

import java.nio.file.Path;

/**
 * The settings a plain `netlint fixtures/` run from the project root uses: built by the same
 * {@link SettingsResolver} as the CLI, so a root .netlint.yaml (if one is ever added) applies to
 * the fixture test exactly as to the command.
 */
final class TestSettings {
    private TestSettings() {
    }

    /** Exactly what the CLI resolves from the project root: the root .netlint.yaml (the fixtures' topology), no flags. */
    static LintSettings forFixtures() {
        try {
            return SettingsResolver.resolve(Path.of(""), SettingsResolver.Flags.none(), RuleRegistry.all()).settings();
        } catch (ConfigException e) {
            throw new IllegalStateException("the project's .netlint.yaml is invalid: " + e.getMessage(), e);
        }
    }
}
