package dev.netlint.ingest.shell;

/**
 * One argument of a shell command after quote removal and variable expansion. {@code unknown}
 * marks a word whose value cannot be known statically ($(...), $1, a variable set elsewhere);
 * {@code value} then holds the text as written. start/end are character offsets in the parsed text.
 */
public record ShellWord(String value, boolean unknown, int start, int end) {
}
