package dev.netlint.ingest;

import java.nio.file.Path;
import java.util.List;

/**
 * A project the configuration declares (for repositories that assemble compose files by script):
 * its files in merge order, the profiles to run and its env files, resolved against the
 * configuration's directory. {@code declaredIn} names the configuration file for messages.
 */
public record DeclaredProject(List<Path> files, List<String> profiles, List<Path> envFiles, String declaredIn) {
    public DeclaredProject {
        files = List.copyOf(files);
        profiles = List.copyOf(profiles);
        envFiles = List.copyOf(envFiles);
    }
}
