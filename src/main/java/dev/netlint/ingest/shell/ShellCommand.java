package dev.netlint.ingest.shell;

import java.util.List;

/**
 * A simple command with its words in order (the command name first). {@code conditional} is set
 * when the command may or may not run: inside if/case/loops/functions, or after {@code ||}.
 */
public record ShellCommand(List<ShellWord> words, boolean conditional, int start, int end) {
}
