package dev.netlint.ingest.shell;

import dev.netlint.ingest.IngestContext;
import dev.netlint.ingest.InputException;
import dev.netlint.ingest.InputReader;
import dev.netlint.ingest.SourceFile;
import dev.netlint.model.Project;
import dev.netlint.model.SourceLocation;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Shell scripts ({@code *.sh}, {@code *.bash}, or a shell shebang): the docker commands they run,
 * in order, become one sequential project on the file's host.
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
        Project project = new Project(name, Project.Kind.SEQUENTIAL, SourceLocation.of(name, 1, 1),
                context.hostOf(name));
        DockerCli cli = new DockerCli(source, project);
        for (ShellCommand c : commands) {
            cli.apply(c);
        }
        if (!project.operations().isEmpty()) {
            context.model().add(project);
        }
    }
}
