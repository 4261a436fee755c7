package dev.netlint.cli;

import dev.netlint.ingest.IngestContext;
import dev.netlint.ingest.InputException;
import dev.netlint.ingest.InputReader;
import dev.netlint.ingest.SourceFile;
import dev.netlint.model.Model;
import dev.netlint.model.Network;
import dev.netlint.model.Project;
import dev.netlint.model.Severity;
import dev.netlint.model.SourceLocation;
import dev.netlint.rules.FindingSink;
import dev.netlint.rules.Rule;
import dev.netlint.rules.RuleInfo;
import dev.netlint.rules.RuleRegistry;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tiny input format and three rules for testing everything between the engine and the user
 * without depending on the real readers: in a {@code *.nlt} file, each word {@code error-here},
 * {@code warning-here} or {@code note-here} becomes a network at that word, and rules NL991-NL993
 * report them. A line {@code broken} makes the file unparseable (NL001). '#' comments carry
 * netlint directives as in YAML.
 */
final class MarkerKit {
    private MarkerKit() {
    }

    static final class MarkerReader implements InputReader {
        private static final Pattern MARK = Pattern.compile("\\b(error|warning|note)-here\\b");

        @Override
        public String format() {
            return "marker";
        }

        @Override
        public boolean claimsByName(Path path) {
            return path.getFileName().toString().endsWith(".nlt");
        }

        @Override
        public boolean claimsByContent(SourceFile file, byte[] head) {
            return file.fileName().endsWith(".nlt");
        }

        @Override
        public void read(SourceFile file, IngestContext context) throws InputException {
            String text = file.text();
            context.directives().scanHashComments(file.displayName(), text);
            String shown = file.displayName();
            Project p = new Project(shown, Project.Kind.DECLARATIVE, SourceLocation.of(shown, 1, 1),
                    context.hostOf(shown));
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].strip().equals("broken")) {
                    throw new InputException(i + 1, 1, "cannot parse 'broken'");
                }
                String code = lines[i].contains("#") ? lines[i].substring(0, lines[i].indexOf('#')) : lines[i];
                Matcher m = MARK.matcher(code);
                while (m.find()) {
                    SourceLocation at = SourceLocation.of(shown, i + 1, m.start() + 1, i + 1, m.end() + 1);
                    p.add(new Network(m.group() + "@" + (i + 1) + ":" + (m.start() + 1), at));
                }
            }
            context.model().add(p);
        }
    }

    abstract static class MarkerRule implements Rule {
        private final String word;

        MarkerRule(String word) {
            this.word = word;
        }

        @Override
        public void check(Model model, FindingSink out) {
            for (Project p : model.projects()) {
                for (Network n : p.networks().values()) {
                    if (n.name().startsWith(word + "-here@")) {
                        out.report(this, n.location(), "found a " + word + " marker, fix it: write something else");
                    }
                }
            }
        }
    }

    @RuleInfo(id = "NL991", name = "test-error-marker", severity = Severity.ERROR, summary = "Test marker (error).")
    static final class ErrorMarker extends MarkerRule {
        ErrorMarker() {
            super("error");
        }
    }

    @RuleInfo(id = "NL992", name = "test-warning-marker", severity = Severity.WARNING, summary = "Test marker (warning).")
    static final class WarningMarker extends MarkerRule {
        WarningMarker() {
            super("warning");
        }
    }

    @RuleInfo(id = "NL993", name = "test-note-marker", severity = Severity.NOTE, summary = "Test marker (note).")
    static final class NoteMarker extends MarkerRule {
        NoteMarker() {
            super("note");
        }
    }

    static List<Rule> rules() {
        List<Rule> all = new ArrayList<>(RuleRegistry.all().stream().filter(r -> r.info().id().startsWith("NL00")).toList());
        all.add(new ErrorMarker());
        all.add(new WarningMarker());
        all.add(new NoteMarker());
        return all;
    }

    /** One CLI invocation with captured streams. */
    record Outcome(int status, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }
    }

    static Outcome run(Path workingDirectory, String... args) {
        NetlintCommand command = new NetlintCommand(List.of(new MarkerReader()), rules(), workingDirectory);
        var cl = NetlintCommand.commandLine(command);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int status = cl.execute(args);
        return new Outcome(status, out.toString(), err.toString());
    }
}
