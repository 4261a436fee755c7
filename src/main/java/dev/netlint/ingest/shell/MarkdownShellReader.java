package dev.netlint.ingest.shell;

import dev.netlint.ingest.DocumentOrder;
import dev.netlint.ingest.IngestContext;
import dev.netlint.ingest.InputException;
import dev.netlint.ingest.InputReader;
import dev.netlint.ingest.SourceFile;
import dev.netlint.model.Operation;
import dev.netlint.model.Project;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shell snippets in Markdown: fenced {@code sh}, {@code bash}, {@code shell}, {@code zsh} and
 * {@code console} blocks. In console blocks, and in shell blocks written with prompts, only
 * prompted lines are commands: {@code $ }, {@code # }, {@code user@host:~$ },
 * {@code [root@host ~]# }, {@code node2$ } and {@code host-B $ } prompts are stripped, {@code > }
 * continuation prompts too, and output lines are skipped. Locations point into the Markdown file.
 *
 * <p>Hosts: a prompt that names a host, {@code <!-- netlint host=NAME -->} between blocks and
 * {@code # netlint host=NAME} inside one start that host's commands; the document becomes one
 * sequential project per host (see {@link HostMarkers}). Order: in a SEQUENTIAL or UNSPECIFIED
 * document the blocks run in order, variables carrying from block to block; in an INDEPENDENT one
 * each block starts from an empty state (see {@link DocumentOrder}).
 */
public final class MarkdownShellReader implements InputReader {
    private static final Set<String> SHELL = Set.of("sh", "bash", "shell", "zsh");
    private static final Set<String> CONSOLE = Set.of("console", "shell-session", "sh-session", "terminal");
    private static final Pattern FENCE = Pattern.compile("^( {0,12})(`{3,}|~{3,})\\s*([^`\\s{]*)?.*$");

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
        String[] lines = text.split("\n", -1);
        DocumentOrder order = orderDirective(lines, blocks.get(0).firstLine())
                .orElseGet(() -> context.documentOrderOf(name));
        TreeMap<Integer, String> proseHosts = HostMarkers.directives(name, lines, true, context);

        List<ShellSource> sources = new ArrayList<>();
        List<List<HostSwitch>> switches = new ArrayList<>();
        Set<String> named = new LinkedHashSet<>(proseHosts.values());
        for (Block b : blocks) {
            List<HostSwitch> sw = new ArrayList<>();
            sources.add(source(name, b, sw));
            sw.removeIf(s -> !HostMarkers.checked(name, s.line(), s.host(), context));
            sw.forEach(s -> named.add(s.host()));
            switches.add(sw);
        }
        // a document that names one host only is about that host, prompts or not
        String defaultHost = named.size() == 1 ? named.iterator().next() : context.hostOf(name);

        HostProjects projects = new HostProjects(name, defaultHost, "");
        ShellParser.Variables vars = new ShellParser.Variables();
        Map<Project, Set<String>> earlierNetworks = new IdentityHashMap<>();
        Map<Project, Set<String>> earlierContainers = new IdentityHashMap<>();
        String host = null;
        int hostLine = 0;
        for (int k = 0; k < blocks.size(); k++) {
            Block b = blocks.get(k);
            ShellSource source = sources.get(k);
            Map.Entry<Integer, String> prose = proseHosts.floorEntry(b.firstLine());
            if (prose != null && prose.getKey() > hostLine) {
                host = prose.getValue();
                hostLine = prose.getKey();
            }
            if (source.text().isBlank()) {
                continue;
            }
            if (order == DocumentOrder.INDEPENDENT) {
                projects.addTo(context.model());
                projects = new HostProjects(name, defaultHost, " #" + (k + 1));
                vars = new ShellParser.Variables();
            }
            Map<Project, Integer> firstOfBlock = new IdentityHashMap<>();
            Map<Project, DockerCli> clis = new IdentityHashMap<>();
            TreeMap<Integer, String> sw = new TreeMap<>();
            switches.get(k).forEach(s -> sw.put(s.line(), s.host()));
            String hostAtStart = host;
            for (ShellCommand c : ShellParser.parse(source, vars)) {
                Map.Entry<Integer, String> marker = sw.floorEntry(source.location(c.start(), c.end()).line());
                Project p = projects.of(marker == null ? hostAtStart : marker.getValue());
                firstOfBlock.putIfAbsent(p, p.operations().size());
                clis.computeIfAbsent(p, x -> new DockerCli(source, x)).apply(c);
            }
            if (!sw.isEmpty()) { // the block's last marker holds for what follows
                host = sw.lastEntry().getValue();
                hostLine = sw.lastKey();
            }
            if (order == DocumentOrder.UNSPECIFIED) {
                for (Map.Entry<Project, Integer> e : firstOfBlock.entrySet()) {
                    Project p = e.getKey();
                    alternatives(p.operations(), e.getValue(),
                            earlierNetworks.computeIfAbsent(p, x -> new HashSet<>()),
                            earlierContainers.computeIfAbsent(p, x -> new HashSet<>()));
                }
            }
        }
        projects.addTo(context.model());
    }

    /** A host marker inside a block: from {@code line} on, commands run on {@code host}. */
    record HostSwitch(int line, String host) {
    }

    private static final Pattern ORDER_DIRECTIVE =
            Pattern.compile("^\\s*<!--\\s*netlint\\s+(independent|sequential)\\s*-->\\s*$");

    /** {@code <!-- netlint independent -->} (or sequential) before the first shell block. */
    private static Optional<DocumentOrder> orderDirective(String[] lines, int firstBlockLine) {
        for (int i = 0; i < lines.length && i < firstBlockLine - 1; i++) {
            Matcher m = ORDER_DIRECTIVE.matcher(stripCr(lines[i]));
            if (m.matches()) {
                return Optional.of(m.group(1).equals("independent") ? DocumentOrder.INDEPENDENT : DocumentOrder.SEQUENTIAL);
            }
        }
        return Optional.empty();
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
            if (t.startsWith("$ ") || HostMarkers.prompt(t).filter(p -> p.host() != null).isPresent()) {
                return true;
            }
        }
        return false;
    }

    private static final Pattern DOCKER_LINE = Pattern.compile("^(?:sudo\\s+(?:-\\S+\\s+)*)?docker\\s.*");

    private static boolean hasPromptedDocker(List<String> body, int indent) {
        for (String l : body) {
            String t = dedent(l, indent).stripLeading();
            Optional<HostMarkers.Prompt> p = HostMarkers.prompt(t);
            if (p.isPresent() && DOCKER_LINE.matcher(t.substring(p.get().end())).matches()) {
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
        return source(file, b, new ArrayList<>());
    }

    /**
     * The shell text of a block; {@code switches} receives the host markers in it: prompts that name
     * a host (console blocks) and {@code # netlint host=NAME} lines.
     */
    static ShellSource source(String file, Block b, List<HostSwitch> switches) {
        ShellSource.Builder out = new ShellSource.Builder(file);
        boolean continuing = false;
        boolean previousWasCommand = false;
        for (int k = 0; k < b.lines().size(); k++) {
            String raw = b.lines().get(k);
            int line = b.firstLine() + k;
            int col = dedentCount(raw, b.indent()) + 1;
            String l = raw.substring(col - 1);
            Optional<String> directive = continuing ? Optional.empty() : HostMarkers.shellDirective(l);
            if (directive.isPresent()) {
                switches.add(new HostSwitch(line, directive.get()));
                if (b.console()) {
                    previousWasCommand = false;
                    continue; // in a transcript '# ' is a root prompt: the directive is no command
                }
            }
            if (b.console()) {
                String lead = l.stripLeading();
                int lead0 = l.length() - lead.length();
                Optional<HostMarkers.Prompt> prompt = HostMarkers.prompt(lead);
                if (continuing || (previousWasCommand && (lead.startsWith("> ") || lead.equals(">")))) {
                    if (lead.startsWith("> ")) {
                        col += lead0 + 2;
                        l = lead.substring(2);
                    } else if (lead.equals(">")) {
                        col += lead0 + 1;
                        l = "";
                    }
                } else if (prompt.isPresent()) {
                    col += lead0 + prompt.get().end();
                    l = lead.substring(prompt.get().end());
                    if (prompt.get().host() != null) {
                        switches.add(new HostSwitch(line, prompt.get().host()));
                    }
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
