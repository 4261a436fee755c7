package dev.netlint.model;

/**
 * An input that was read without error but holds nothing netlint checks, such as the output of
 * {@code docker volume inspect}. Not a parse error: it is reported as a note (NL004), never as NL001.
 */
public record SkippedInput(SourceLocation location, String reason) {
}
