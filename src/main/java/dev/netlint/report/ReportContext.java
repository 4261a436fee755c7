package dev.netlint.report;

import dev.netlint.rules.Rule;

import java.nio.file.Path;
import java.util.List;

/**
 * What reporters know besides the result: every rule of the run (for SARIF's rule list), the
 * tool version, the source lines (read lazily), whether to colour, and the working directory
 * that relative file names are relative to.
 */
public record ReportContext(List<Rule> rules, String version, SourceLines lines, boolean color, Path workingDirectory,
                            ConfigEffect configEffect) {

    public ReportContext(List<Rule> rules, String version, SourceLines lines, boolean color, Path workingDirectory) {
        this(rules, version, lines, color, workingDirectory, ConfigEffect.none());
    }

    public static ReportContext plain(List<Rule> rules, String version) {
        Path cwd = Path.of("").toAbsolutePath();
        return new ReportContext(rules, version, new SourceLines(), false, cwd);
    }
}
