package dev.netlint.report;

/**
 * What the configuration file turned off in a run, for the report's summary and SARIF's run
 * properties: a pull request's own {@code .netlint.yaml} can silence the check, so the report says
 * how much it did.
 *
 * @param file          the configuration's display name, or null when none was used
 * @param rulesDisabled rules the file set to {@code off}
 * @param filesIgnored  files a directory walk skipped because of the file's {@code ignore} globs
 */
public record ConfigEffect(String file, int rulesDisabled, int filesIgnored) {
    public static ConfigEffect none() {
        return new ConfigEffect(null, 0, 0);
    }

    /** "; .netlint.yaml disabled 2 rules and ignored 3 files", or "" without a configuration. */
    public String summary() {
        if (file == null) {
            return "";
        }
        return "; " + file + " disabled " + TextReporter.plural(rulesDisabled, "rule") + " and ignored "
                + TextReporter.plural(filesIgnored, "file");
    }
}
