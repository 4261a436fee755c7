package dev.netlint.report;

import dev.netlint.engine.LintResult;
import dev.netlint.model.SourceLocation;
import dev.netlint.rules.Finding;

import java.io.IOException;
import java.io.Writer;

/**
 * GitHub Actions workflow commands, one per finding:
 * {@code ::error file=F,line=L,col=C,endLine=..,endColumn=..,title=ID name::message}.
 * Notes become {@code ::notice}. Inputs that could not be read become {@code ::error} too.
 */
public final class GithubReporter implements Reporter {

    @Override
    public void write(LintResult result, ReportContext context, Writer out) throws IOException {
        for (Finding f : result.findings()) {
            String command = switch (f.severity()) {
                case ERROR -> "error";
                case WARNING -> "warning";
                case NOTE -> "notice";
            };
            out.write("::" + command + " " + properties(f.location(), f.ruleId() + " " + f.ruleName()) + "::"
                    + escapeData(f.hasFix() ? f.message() + " " + f.fix().mention() : f.message()) + "\n");
        }
        for (LintResult.InputError e : result.errors()) {
            if (e.ioError()) {
                out.write("::error file=" + escapeProperty(e.file()) + ",title=netlint::" + escapeData(e.message())
                        + "\n");
            }
        }
        out.flush();
    }

    private static String properties(SourceLocation l, String title) {
        StringBuilder sb = new StringBuilder("file=").append(escapeProperty(l.file()));
        if (l.hasLine()) {
            sb.append(",line=").append(l.line());
            if (l.column() > 0) {
                sb.append(",col=").append(l.column());
            }
            if (l.endLine() >= l.line() && l.endLine() > 0) {
                sb.append(",endLine=").append(l.endLine());
                if (l.endColumn() > 0 && (l.endLine() > l.line() || l.endColumn() > l.column())) {
                    sb.append(",endColumn=").append(l.endColumn());
                }
            }
        }
        sb.append(",title=").append(escapeProperty(title));
        return sb.toString();
    }

    /**
     * The message part: %, CR and LF are escaped (as @actions/core does); ESC and the other control
     * characters are dropped, so the log shows no terminal sequence; {@code ##[} is broken up.
     */
    public static String escapeData(String s) {
        return Escapes.stripControls(s).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
                .replace("##[", "##%5B");
    }

    /** A property value: also ':' and ','. */
    public static String escapeProperty(String s) {
        return escapeData(s).replace(":", "%3A").replace(",", "%2C");
    }
}
