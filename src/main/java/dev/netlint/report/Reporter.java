package dev.netlint.report;

import dev.netlint.engine.LintResult;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/** Writes a {@link LintResult} in one format. Reporters only read findings. */
public interface Reporter {
    void write(LintResult result, ReportContext context, Writer out) throws IOException;

    /** The formats of {@code --format}. */
    enum Format {
        TEXT, JSON, SARIF, GITHUB;

        public Reporter reporter() {
            return switch (this) {
                case TEXT -> new TextReporter();
                case JSON -> new JsonReporter();
                case SARIF -> new SarifReporter();
                case GITHUB -> new GithubReporter();
            };
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
