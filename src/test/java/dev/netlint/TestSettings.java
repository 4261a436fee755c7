package dev.netlint;

import dev.netlint.config.ConfigException;
import dev.netlint.config.SettingsResolver;
import dev.netlint.engine.LintSettings;
import dev.netlint.rules.RuleRegistry;

import java.nio.file.Path;

/** The settings a plain `netlint fixtures/` run from the project root would use. */
final class TestSettings {
    private TestSettings() {
    }

    /** Exactly what the CLI resolves from the project root: the root .netlint.yaml (the fixtures' topology), no flags. */
    static LintSettings forFixtures() {
        try {
            return SettingsResolver.resolve(Path.of(""), SettingsResolver.Flags.none(), RuleRegistry.all()).settings();
        } catch (ConfigException e) {
            throw new IllegalStateException("the root .netlint.yaml does not load: " + e.getMessage(), e);
        }
    }
}
