package dev.netlint.maven;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Picks the files under a project directory that match Ant-style globs ({@code **} crosses
 * directories, {@code **}{@code /x} also matches {@code x} at the top), minus the excludes, minus the
 * directories of the project's modules. Paths are matched relative to the project directory,
 * with '/' separators. The result is sorted, so runs are reproducible.
 */
final class FileSelector {
    private final List<PathMatcher> includes;
    private final List<PathMatcher> excludes;
    private final Set<String> modules;

    FileSelector(List<String> includes, List<String> excludes, List<String> modules) {
        this.includes = matchers(includes);
        this.excludes = matchers(excludes);
        this.modules = modules.stream().map(FileSelector::normalise).collect(Collectors.toSet());
    }

    List<Path> select(Path root) throws IOException {
        List<Path> out = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (dir.equals(root)) {
                    return FileVisitResult.CONTINUE;
                }
                String rel = relative(root, dir);
                if (modules.contains(rel) || matches(excludes, rel + "/x")) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String rel = relative(root, file);
                if (attrs.isRegularFile() && matches(includes, rel) && !matches(excludes, rel)) {
                    out.add(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE;
            }
        });
        out.sort(null);
        return out;
    }

    private static boolean matches(List<PathMatcher> matchers, String rel) {
        Path p = Path.of(rel);
        return matchers.stream().anyMatch(m -> m.matches(p));
    }

    private static String relative(Path root, Path p) {
        return root.relativize(p).toString().replace('\\', '/');
    }

    private static String normalise(String module) {
        String m = module.replace('\\', '/');
        while (m.startsWith("./")) {
            m = m.substring(2);
        }
        if (m.endsWith("/pom.xml")) {
            m = m.substring(0, m.length() - "/pom.xml".length());
        }
        return m.endsWith("/") ? m.substring(0, m.length() - 1) : m;
    }

    private static List<PathMatcher> matchers(List<String> globs) {
        List<PathMatcher> out = new ArrayList<>();
        for (String g : globs) {
            String glob = g.trim().replace('\\', '/');
            if (glob.isEmpty()) {
                continue;
            }
            if (glob.endsWith("/")) {
                glob = glob + "**";
            }
            out.add(FileSystems.getDefault().getPathMatcher("glob:" + glob));
            // Ant semantics: "**/" may match no directory at all, at the start and in the middle.
            String zeroDirs = glob;
            while (zeroDirs.startsWith("**/")) {
                zeroDirs = zeroDirs.substring(3);
            }
            zeroDirs = zeroDirs.replace("/**/", "/");
            if (!zeroDirs.equals(glob) && !zeroDirs.isEmpty()) {
                out.add(FileSystems.getDefault().getPathMatcher("glob:" + zeroDirs));
            }
        }
        return out;
    }
}
