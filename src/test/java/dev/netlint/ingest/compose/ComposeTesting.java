package dev.netlint.ingest.compose;

import dev.netlint.engine.LintSettings;
import dev.netlint.engine.Linter;
import dev.netlint.model.Container;
import dev.netlint.model.Model;
import dev.netlint.model.Network;
import dev.netlint.model.Project;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Writes compose files into a directory and reads them the way `netlint DIR` does. */
final class ComposeTesting {
    private ComposeTesting() {
    }

    static Path write(Path dir, String name, String text) {
        try {
            Path p = dir.resolve(name);
            Files.createDirectories(p.getParent());
            Files.writeString(p, text, StandardCharsets.UTF_8);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Linter.Run run(Map<String, String> env, Path... paths) {
        return new Linter(new LintSettings().environment(env))
                .run(java.util.Arrays.stream(paths).map(Path::toString).toList());
    }

    static Model read(Path dir, String yaml) {
        return read(dir, yaml, Map.of());
    }

    static Model read(Path dir, String yaml, Map<String, String> env) {
        Path f = write(dir, "compose.yaml", yaml);
        return run(env, f).model();
    }

    static Project only(Model m) {
        List<Project> ps = m.projects();
        if (ps.size() != 1) {
            throw new AssertionError("expected one project, got " + ps.size() + "; problems: " + m.inputProblems());
        }
        return ps.get(0);
    }

    static Container service(Model m, String service) {
        return only(m).containers().stream().filter(c -> c.serviceName().equals(service)).findFirst()
                .orElseThrow(() -> new AssertionError("no service " + service));
    }

    static Network network(Model m, String name) {
        return only(m).network(name).orElseThrow(() -> new AssertionError("no network " + name));
    }
}
