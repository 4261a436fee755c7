package dev.netlint.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.netlint.engine.LintResult;
import dev.netlint.model.SourceLocation;
import dev.netlint.rules.Finding;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * {@code {"findings":[...],"errors":[...]}}: fields in a fixed order, findings in the engine's
 * order, no timestamps, so identical input gives byte-identical output. See README.md (Formats).
 */
public final class JsonReporter implements Reporter {
    private static final ObjectWriter WRITER = new ObjectMapper()
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .writer(new DefaultPrettyPrinter()
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    @JsonPropertyOrder({"findings", "errors"})
    record Report(List<JsonFinding> findings, List<JsonError> errors) {
    }

    @JsonPropertyOrder({"ruleId", "name", "severity", "message", "file", "line", "column", "endLine", "endColumn"})
    record JsonFinding(String ruleId, String name, String severity, String message, String file, int line,
                       int column, int endLine, int endColumn,
                       @com.fasterxml.jackson.annotation.JsonInclude(
                               com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY) List<String> via) {
    }

    @JsonPropertyOrder({"file", "line", "column", "message"})
    record JsonError(String file, int line, int column, String message) {
    }

    @Override
    public void write(LintResult result, ReportContext context, Writer out) throws IOException {
        List<JsonFinding> findings = result.findings().stream().map(JsonReporter::toJson).toList();
        List<JsonError> errors = result.errors().stream()
                .map(e -> new JsonError(e.file(), e.line(), e.column(), e.message())).toList();
        WRITER.writeValue(out, new Report(findings, errors));
        out.write("\n");
        out.flush();
    }

    private static JsonFinding toJson(Finding f) {
        SourceLocation l = f.location();
        List<String> via = new java.util.ArrayList<>();
        for (SourceLocation v = l.via(); v != null; v = v.via()) {
            via.add(v.toString());
        }
        return new JsonFinding(f.ruleId(), f.ruleName(), f.severity().label(), f.message(), l.file(), l.line(),
                l.column(), l.endLine(), l.endColumn(), via);
    }
}
