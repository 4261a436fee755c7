package dev.netlint.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.netlint.engine.LintResult;
import dev.netlint.model.SourceLocation;
import dev.netlint.rules.Finding;

import java.io.IOException;
import java.io.Writer;

/**
 * {@code {"findings":[...],"errors":[...]}}: fields in a fixed order, findings in the engine's
 * order, no timestamps, so identical input gives byte-identical output. See README.md (Formats).
 * Written with jackson-core's generator: data binding would load some 400 classes more at start-up.
 */
public final class JsonReporter implements Reporter {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    @Override
    public void write(LintResult result, ReportContext context, Writer out) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.setPrettyPrinter(new DefaultPrettyPrinter()
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n")));
            g.writeStartObject();
            g.writeArrayFieldStart("findings");
            for (Finding f : result.findings()) {
                writeFinding(g, f);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("errors");
            for (LintResult.InputError e : result.errors()) {
                g.writeStartObject();
                g.writeStringField("file", e.file());
                g.writeNumberField("line", e.line());
                g.writeNumberField("column", e.column());
                g.writeStringField("message", e.message());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        out.write("\n");
        out.flush();
    }

    private static void writeFinding(JsonGenerator g, Finding f) throws IOException {
        SourceLocation l = f.location();
        g.writeStartObject();
        g.writeStringField("ruleId", f.ruleId());
        g.writeStringField("name", f.ruleName());
        g.writeStringField("severity", f.severity().label());
        g.writeStringField("message", f.message());
        g.writeStringField("file", l.file());
        g.writeNumberField("line", l.line());
        g.writeNumberField("column", l.column());
        g.writeNumberField("endLine", l.endLine());
        g.writeNumberField("endColumn", l.endColumn());
        if (l.via() != null) {
            g.writeArrayFieldStart("via");
            for (SourceLocation v = l.via(); v != null; v = v.via()) {
                g.writeString(v.toString());
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }
}
