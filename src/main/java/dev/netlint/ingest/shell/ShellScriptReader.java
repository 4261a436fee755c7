package dev.netlint.ingest.shell;

import dev.netlint.ingest.IngestContext;
import dev.netlint.ingest.InputException;
import dev.netlint.ingest.InputReader;
import dev.netlint.ingest.SourceFile;
import dev.netlint.model.Project;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Shell scripts ({@code *.sh}, {@code *.bash}, or a shell shebang): the docker commands they run,
 * in order, become one sequential project on the file's host. A line {@code # netlint host=NAME}
 * says the commands after it run on host NAME: the script then becomes one project per host.
 */
public final class ShellScriptReader implements InputReader {
    private static final Pattern SHEBANG = Pattern.compile(
            "^#!\\s*(?:/usr)?(?:/local)?/bin/(?:env\\s+(?:-\\S+\\s+)*)?(?:ba|da|k|z|a)?sh(?:\\s.*)?$");

    @Override
    public String format() {
        return "shell";
    }

    @Override
    public boolean claimsByName(Path path) {
        return InputReader.hasExtension(path, ".sh", ".bash");
    }

    @Override
    public boolean claimsByContent(SourceFile file, byte[] head) {
        if (head.length < 3 || head[0] != '#' || head[1] != '!') {
            return false;
        }
        int end = 0;
        while (end < head.length && head[end] != '\n' && head[end] != '\r') {
            end++;
        }
        String first = new String(head, 0, end, StandardCharsets.ISO_8859_1).trim();
        return SHEBANG.matcher(first).matches();
    }

    @Override
    public void read(SourceFile file, IngestContext context) throws InputException {
        String text = file.text();
        String name = file.displayName();
        context.directives().scanHashComments(name, text);
        ShellSource source = ShellSource.whole(name, text);
        List<ShellCommand> commands = ShellParser.parse(source);
        TreeMap<Integer, String> hosts = HostMarkers.directives(name, text.split("\n", -1), false, context);
        // a script that names one host only runs on that host, from its first line
        String defaultHost = new HashSet<>(hosts.values()).size() == 1 ? hosts.firstEntry().getValue()
                : context.hostOf(name);
        HostProjects projects = new HostProjects(name, defaultHost, "");
        Map<Project, DockerCli> clis = new IdentityHashMap<>();
        for (ShellCommand c : commands) {
            Map.Entry<Integer, String> h = hosts.floorEntry(source.location(c.start(), c.end()).line());
            Project p = projects.of(h == null ? null : h.getValue());
            clis.computeIfAbsent(p, x -> new DockerCli(source, x)).apply(c);
        }
        projects.addTo(context.model());
    }
}
