package dev.netlint.ingest.shell;

import dev.netlint.ingest.IngestContext;
import dev.netlint.model.SourceLocation;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a document says which host its commands run on: a shell prompt that names a host
 * ({@code user@node01:~$}, {@code [root@node01 ~]#}, {@code node2$}, {@code host-B $}), or a
 * directive ({@code <!-- netlint host=node01 -->} in Markdown, {@code # netlint host=node01} in
 * shell). Prose is never read: a heading that says "on node02" names no host.
 */
final class HostMarkers {
    /** A console prompt; the named groups hold the host when the prompt names one. */
    private static final Pattern PROMPT = Pattern.compile("^(?:"
            + "[\\w.-]+@(?<at>[\\w.-]+)(?::[^$#\\s]*)?\\s?[$#]"           // user@node01:~$
            + "|\\[[\\w.-]+@(?<bracket>[\\w.-]+)(?:\\s[^\\]]*)?\\]\\s?[$#]" // [root@node01 ~]#
            + "|(?<spaced>[\\w.-]+) \\$"                                    // host-B $
            + "|(?<bare>[\\w.-]*)[$#]"                                      // node2$, $, #
            + ")(?: |$)");
    private static final Pattern SHELL_DIRECTIVE = Pattern.compile("^\\s*#\\s*netlint\\s+host\\s*=\\s*(\\S*)\\s*$");
    private static final Pattern MARKDOWN_DIRECTIVE =
            Pattern.compile("^\\s*<!--\\s*netlint\\s+host\\s*=\\s*(\\S*?)\\s*-->\\s*$");
    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9_.-]{0,62})");
    /** A container's prompt after {@code docker exec -it ... bash}: root@3f2a9c1b7d4e:/#. */
    private static final Pattern CONTAINER_ID = Pattern.compile("[0-9a-f]{12}|[0-9a-f]{64}");
    /** Names that stand for "the Docker host" in general, not for one machine of several. */
    private static final Set<String> PLACEHOLDERS = Set.of("localhost", "host", "hostname", "your-host", "yourhost",
            "myhost", "my-host", "machine", "computer", "server", "docker-host", "dockerhost");

    /** A prompt at the start of a line: where the command starts, and the host it names (or null). */
    record Prompt(int end, String host) {
    }

    private HostMarkers() {
    }

    /** The prompt {@code line} starts with (no leading blanks), if any. */
    static Optional<Prompt> prompt(String line) {
        Matcher m = PROMPT.matcher(line);
        if (!m.find()) {
            return Optional.empty();
        }
        String host = null;
        for (String group : new String[] {"at", "bracket", "spaced", "bare"}) {
            if (m.group(group) != null && !m.group(group).isEmpty()) {
                host = m.group(group);
            }
        }
        return Optional.of(new Prompt(m.end(), host == null || !namesAHost(host) ? null : host));
    }

    /** Whether a prompt's host part is the name of one machine (not a placeholder or a container id). */
    static boolean namesAHost(String name) {
        return HOST_NAME.matcher(name).matches() && !CONTAINER_ID.matcher(name).matches()
                && !PLACEHOLDERS.contains(name.toLowerCase(Locale.ROOT));
    }

    /** The host value of a {@code # netlint host=NAME} line: empty when the line is not one; "" when NAME is missing. */
    static Optional<String> shellDirective(String line) {
        Matcher m = SHELL_DIRECTIVE.matcher(line);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The host value of a {@code <!-- netlint host=NAME -->} line. */
    static Optional<String> markdownDirective(String line) {
        Matcher m = MARKDOWN_DIRECTIVE.matcher(line);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** Whether a directive's value can name a host; otherwise the reader reports it. */
    static boolean validName(String name) {
        return HOST_NAME.matcher(name).matches();
    }

    /**
     * The host directives of a file, line number → host: {@code <!-- netlint host=NAME -->} lines
     * when {@code markdown}, else {@code # netlint host=NAME} lines. A directive without a usable
     * name is reported as an input problem and ignored.
     */
    static TreeMap<Integer, String> directives(String file, String[] lines, boolean markdown, IngestContext context) {
        TreeMap<Integer, String> out = new TreeMap<>();
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].contains("netlint")) {
                continue;
            }
            String line = lines[i].stripTrailing();
            Optional<String> h = markdown ? markdownDirective(line) : shellDirective(line);
            if (h.isPresent() && checked(file, i + 1, h.get(), context)) {
                out.put(i + 1, h.get());
            }
        }
        return out;
    }

    /** Whether a directive's host is usable; reports it when not. */
    static boolean checked(String file, int line, String host, IngestContext context) {
        if (validName(host)) {
            return true;
        }
        context.problem(SourceLocation.of(file, line, 1), "netlint host=" + host + " does not name a host: write "
                + "a host name (letters, digits, '.', '-', '_'); the directive is ignored");
        return false;
    }
}
