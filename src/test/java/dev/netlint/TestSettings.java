package dev.netlint;

import dev.netlint.engine.LintSettings;

/** The settings a plain `netlint fixtures/` run from the project root would use. */
final class TestSettings {
    private TestSettings() {
    }

    static LintSettings forFixtures() {
        return new LintSettings();
    }
}
