package dev.netlint.cli;

import dev.netlint.engine.LintResult;
import dev.netlint.model.Severity;
import dev.netlint.model.SourceLocation;
import dev.netlint.report.GithubReporter;
import dev.netlint.report.ReportContext;
import dev.netlint.rules.Finding;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GithubReporterTest {
    private static String render(LintResult result) throws IOException {
        StringWriter out = new StringWriter();
        new GithubReporter().write(result, ReportContext.plain(MarkerKit.rules(), "test"), out);
        return out.toString();
    }

    @Test
    void escapesDataAndProperties() throws IOException {
        Finding f = new Finding("NL991", "test-error-marker", Severity.ERROR,
                "100% wrong,\r\nsee: here",
                SourceLocation.of("dir,with:odd%/compose.yaml", 3, 7, 3, 19));
        assertThat(render(new LintResult(List.of(f), List.of(), 1))).isEqualTo(
                "::error file=dir%2Cwith%3Aodd%25/compose.yaml,line=3,col=7,endLine=3,endColumn=19,"
                        + "title=NL991 test-error-marker::100%25 wrong,%0D%0Asee: here\n");
    }

    @Test
    void severitiesMapToCommandsAndLineLessLocationsOmitLine() throws IOException {
        Finding w = new Finding("NL992", "w", Severity.WARNING, "m", SourceLocation.of("a.yaml", 1, 1));
        Finding n = new Finding("NL993", "n", Severity.NOTE, "m", SourceLocation.logical("docker://h/net"));
        LintResult.InputError missing = new LintResult.InputError("gone.yaml", 0, 0, "no such file or directory", true);
        assertThat(render(new LintResult(List.of(w, n), List.of(missing), 1))).isEqualTo(
                "::warning file=a.yaml,line=1,col=1,endLine=1,title=NL992 w::m\n"
                        + "::notice file=docker%3A//h/net,title=NL993 n::m\n"
                        + "::error file=gone.yaml,title=netlint::no such file or directory\n");
    }
}
