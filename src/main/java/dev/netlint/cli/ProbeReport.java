package dev.netlint.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.netlint.engine.LintResult;
import dev.netlint.ingest.live.LiveProbe;
import dev.netlint.model.Severity;
import dev.netlint.model.SourceLocation;
import dev.netlint.rules.Finding;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How {@code netlint probe} writes its result. Kept behind this interface so that the shared
 * lint reporters (text with source snippets, SARIF) can take over without touching the probe.
 */
interface ProbeReport {
    void write(LintResult result, List<LiveProbe.Snapshot> daemons, PrintStream out);

    static ProbeReport forFormat(String format) {
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "text" -> ProbeReport::text;
            case "json" -> ProbeReport::json;
            case "github" -> ProbeReport::github;
            default -> throw new IllegalArgumentException("unknown --format '" + format
                    + "' for probe; use text, json or github");
        };
    }

    /** {@code file:line:col: severity ID message}, or {@code docker://host/...: severity ID message}. */
    static void text(LintResult result, List<LiveProbe.Snapshot> daemons, PrintStream out) {
        for (LiveProbe.Snapshot s : daemons) {
            out.println("probed " + s.endpoint().location() + " (" + s.endpoint().uri() + ", Engine "
                    + s.engineVersion() + ", API " + s.apiVersion() + "): " + s.project().networks().size()
                    + " networks, " + s.project().containers().size() + " containers");
        }
        for (LintResult.InputError e : result.errors()) {
            out.println(e.file() + (e.line() > 0 ? ":" + e.line() + ":" + Math.max(e.column(), 1) : "")
                    + ": error: " + e.message());
        }
        for (Finding f : result.findings()) {
            out.println(where(f.location()) + ": " + f.severity().label() + " " + f.ruleId() + " " + f.message());
        }
        long errors = result.findings().stream().filter(f -> f.severity() == Severity.ERROR).count();
        long warnings = result.findings().stream().filter(f -> f.severity() == Severity.WARNING).count();
        long notes = result.findings().stream().filter(f -> f.severity() == Severity.NOTE).count();
        out.println(errors + " error(s), " + warnings + " warning(s), " + notes + " note(s) on " + daemons.size()
                + " daemon(s), " + result.filesRead() + " file(s)");
    }

    static String where(SourceLocation l) {
        return l.hasLine() ? l.file() + ":" + l.line() + ":" + Math.max(l.column(), 1) : l.file();
    }

    static void json(LintResult result, List<LiveProbe.Snapshot> daemons, PrintStream out) {
        Map<String, Object> root = new LinkedHashMap<>();
        List<Object> ds = new ArrayList<>();
        for (LiveProbe.Snapshot s : daemons) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("host", s.endpoint().label());
            d.put("location", s.endpoint().location());
            d.put("endpoint", s.endpoint().uri().toString());
            d.put("engineVersion", s.engineVersion());
            d.put("apiVersion", s.apiVersion());
            d.put("networks", s.project().networks().size());
            d.put("containers", s.project().containers().size());
            ds.add(d);
        }
        root.put("daemons", ds);
        List<Object> fs = new ArrayList<>();
        for (Finding f : result.findings()) {
            Map<String, Object> m = new LinkedHashMap<>();
            SourceLocation l = f.location();
            m.put("ruleId", f.ruleId());
            m.put("name", f.ruleName());
            m.put("severity", f.severity().label());
            m.put("message", f.message());
            m.put("file", l.file());
            m.put("line", l.line());
            m.put("column", l.column());
            m.put("endLine", l.endLine());
            m.put("endColumn", l.endColumn());
            fs.add(m);
        }
        root.put("findings", fs);
        List<Object> es = new ArrayList<>();
        for (LintResult.InputError e : result.errors()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", e.file());
            m.put("line", e.line());
            m.put("column", e.column());
            m.put("message", e.message());
            es.add(m);
        }
        root.put("errors", es);
        try {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON of plain maps cannot fail", e);
        }
    }

    /** GitHub workflow commands; findings on live state carry no file, so they become plain annotations. */
    static void github(LintResult result, List<LiveProbe.Snapshot> daemons, PrintStream out) {
        for (LintResult.InputError e : result.errors()) {
            out.println("::error file=" + prop(e.file()) + (e.line() > 0 ? ",line=" + e.line() : "")
                    + ",title=input::" + data(e.message()));
        }
        for (Finding f : result.findings()) {
            String level = switch (f.severity()) {
                case ERROR -> "error";
                case WARNING -> "warning";
                case NOTE -> "notice";
            };
            SourceLocation l = f.location();
            String props = l.hasLine()
                    ? "file=" + prop(l.file()) + ",line=" + l.line() + ",col=" + Math.max(1, l.column()) + ","
                    : "";
            String msg = l.hasLine() ? f.message() : l.file() + ": " + f.message();
            out.println("::" + level + " " + props + "title=" + prop(f.ruleId()) + "::" + data(msg));
        }
    }

    private static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static String prop(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
