package dev.netlint.ingest.shell;

import dev.netlint.ingest.IngestContext;
import dev.netlint.ingest.InputException;
import dev.netlint.ingest.InputReader;
import dev.netlint.ingest.SourceFile;
import dev.netlint.model.Operation;
import dev.netlint.model.Project;
import dev.netlint.model.SourceLocation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shell snippets in Markdown: fenced {@code sh}, {@code bash}, {@code shell}, {@code zsh} and
 * {@code console} blocks, read in order as one sequential project (variables carry from block to
 * block, as when a reader pastes them into one terminal). In console blocks, and in shell blocks
 * written with prompts, only prompted lines are commands: {@code $ }, {@code # } and
 * {@code user@host:~$ } prompts are stripped, {@code > } continuation prompts too, and output
 * lines are skipped. Locations point into the Markdown file.
 */
public final class MarkdownShellReader implements InputReader {
    private static final Set<String> SHELL = Set.of("sh", "bash", "shell", "zsh");
    private static final Set<String> CONSOLE = Set.of("console", "shell-session", "sh-session", "terminal");
    private static final Pattern FENCE = Pattern.compile("^( {0,12})(`{3,}|~{3,})\\s*([^`\\s{]*)?.*$");
    private static final Pattern PROMPT = Pattern.compile(
            "^(?:[\\w.-]+@[\\w.-]+(?::[^$#\\s]*)?\\s?[$#]|[\\w.-]*[$#])(?: |$)");

    @Override
    public String format() {
        return "markdown";
    }

    @Override
    public boolean claimsByName(Path path) {
        return InputReader.hasExtension(path, ".md", ".markdown");
    }

    @Override
    public boolean claimsByContent(SourceFile file, byte[] head) {
        return false;
    }

    /** A fenced shell block: its content lines (1-based line numbers) and whether it is a console transcript. */
    record Block(List<String> lines, int firstLine, int indent, boolean console) {
    }

    @Override
    public void read(SourceFile file, IngestContext context) throws InputException {
        String text = file.text();
        String name = file.displayName();
        context.directives().scanHashComments(name, text);
        List<Block> blocks = blocks(text);
        if (blocks.isEmpty()) {
            return;
        }
        Project project = new Project(name, Project.Kind.SEQUENTIAL, SourceLocation.of(name, 1, 1),
                context.hostOf(name));
        ShellParser.Variables vars = new ShellParser.Variables();
        Set<String> earlierNetworks = new HashSet<>();
        Set<String> earlierContainers = new HashSet<>();
        for (Block b : blocks) {
            ShellSource source = source(name, b);
            if (source.text().isBlank()) {
                continue;
            }
            int first = project.operations().size();
            DockerCli cli = new DockerCli(source, project);
            for (ShellCommand c : ShellParser.parse(source, vars)) {
                cli.apply(c);
            }
            alternatives(project.operations(), first, earlierNetworks, earlierContainers);
        }
        if (!project.operations().isEmpty()) {
            context.model().add(project);
        }
    }

    /**
     * A README is not always one script: "Option A" and "Option B" blocks, a block that shows the
     * same command again with one more flag, or commands for "host A" and "host B" create the same
     * network or container twice. So in Markdown a command that creates a name already created
     * earlier in the file (and not removed since) is read as an alternative: it is marked
     * conditional, and the simulation neither reports it as a duplicate nor trusts its effect.
     */
    private static void alternatives(List<Operation> ops, int first, Set<String> networks, Set<String> containers) {
        for (int i = first; i < ops.size(); i++) {
            Operation op = ops.get(i);
            if (op instanceof Operation.RemoveNetwork r && r.network().known()) {
                networks.remove(r.network().value());
            } else if (op instanceof Operation.RemoveContainer r && r.container().known()) {
                containers.remove(r.container().value());
            } else if (op instanceof Operation.CreateNetwork c && c.name().known()) {
                if (!networks.add(c.name().value()) && !c.conditional()) {
                    ops.set(i, new Operation.CreateNetwork(c.network(), c.name(), c.location(), true));
                }
            } else if (op instanceof Operation.RunContainer r) {
                if (!containers.add(r.container().name()) && !r.conditional()) {
                    ops.set(i, new Operation.RunContainer(r.container(), r.networks(), r.start(), r.ipv4(),
                            r.ipv6(), r.opaque(), r.location(), true));
                }
            }
        }
    }

    static List<Block> blocks(String text) {
        String[] lines = text.split("\n", -1);
        List<Block> out = new ArrayList<>();
        int i = 0;
        while (i < lines.length) {
            Matcher m = FENCE.matcher(stripCr(lines[i]));
            if (!m.matches()) {
                i++;
                continue;
            }
            String fence = m.group(2);
            String info = m.group(3) == null ? "" : m.group(3).toLowerCase(Locale.ROOT);
            int indent = m.group(1).length();
            int start = i + 1;
            int j = start;
            while (j < lines.length && !closes(stripCr(lines[j]), fence)) {
                j++;
            }
            List<String> body = new ArrayList<>();
            for (int k = start; k < j && k < lines.length; k++) {
                body.add(stripCr(lines[k]));
            }
            if (SHELL.contains(info) || CONSOLE.contains(info)) {
                boolean console = CONSOLE.contains(info) || hasPrompts(body, indent);
                out.add(new Block(body, start + 1, indent, console));
            } else if (info.isEmpty()) {
                // an untagged block is shell when it is a prompted transcript or starts with a docker command
                if (hasPromptedDocker(body, indent)) {
                    out.add(new Block(body, start + 1, indent, true));
                } else if (startsWithDocker(body, indent)) {
                    out.add(new Block(body, start + 1, indent, false));
                }
            }
            i = j + 1;
        }
        return out;
    }

    private static String stripCr(String s) {
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    private static boolean closes(String line, String fence) {
        String t = line.strip();
        if (t.length() < fence.length() || t.charAt(0) != fence.charAt(0)) {
            return false;
        }
        for (int k = 0; k < t.length(); k++) {
            if (t.charAt(k) != fence.charAt(0)) {
                return false;
            }
        }
        return true;
    }

    /** A shell block whose commands are written after "$ " prompts is a transcript. */
    private static boolean hasPrompts(List<String> body, int indent) {
        for (String l : body) {
            String t = dedent(l, indent);
            if (t.startsWith("$ ")) {
                return true;
            }
        }
        return false;
    }

    private static final Pattern DOCKER_LINE = Pattern.compile("^(?:sudo\\s+(?:-\\S+\\s+)*)?docker\\s.*");

    private static boolean hasPromptedDocker(List<String> body, int indent) {
        for (String l : body) {
            Matcher m = PROMPT.matcher(dedent(l, indent).stripLeading());
            if (m.find() && DOCKER_LINE.matcher(dedent(l, indent).stripLeading().substring(m.end())).matches()) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWithDocker(List<String> body, int indent) {
        for (String l : body) {
            String t = dedent(l, indent).strip();
            if (!t.isEmpty() && !t.startsWith("#")) {
                return DOCKER_LINE.matcher(t).matches();
            }
        }
        return false;
    }

    private static int dedentCount(String line, int indent) {
        int k = 0;
        while (k < indent && k < line.length() && line.charAt(k) == ' ') {
            k++;
        }
        return k;
    }

    private static String dedent(String line, int indent) {
        return line.substring(dedentCount(line, indent));
    }

    /** The shell text of a block, each character mapped to its place in the Markdown file. */
    static ShellSource source(String file, Block b) {
        ShellSource.Builder out = new ShellSource.Builder(file);
        boolean continuing = false;
        boolean previousWasCommand = false;
        for (int k = 0; k < b.lines().size(); k++) {
            String raw = b.lines().get(k);
            int line = b.firstLine() + k;
            int col = dedentCount(raw, b.indent()) + 1;
            String l = raw.substring(col - 1);
            if (b.console()) {
                String lead = l.stripLeading();
                int lead0 = l.length() - lead.length();
                Matcher m = PROMPT.matcher(lead);
                if (continuing || (previousWasCommand && (lead.startsWith("> ") || lead.equals(">")))) {
                    if (lead.startsWith("> ")) {
                        col += lead0 + 2;
                        l = lead.substring(2);
                    } else if (lead.equals(">")) {
                        col += lead0 + 1;
                        l = "";
                    }
                } else if (m.find()) {
                    col += lead0 + m.end();
                    l = lead.substring(m.end());
                } else {
                    previousWasCommand = false;
                    continue; // output
                }
                previousWasCommand = true;
                continuing = l.stripTrailing().endsWith("\\");
            }
            out.append(l, line, col);
            out.put('\n', line, col + l.length());
        }
        return out.build();
    }
}
