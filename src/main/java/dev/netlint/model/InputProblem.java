package dev.netlint.model;

/**
 * An input that could not be read or parsed, in whole or in part. {@code fatal} problems stop the
 * file from being linted (syntax errors); others are recorded and the rest of the file is used.
 */
public record InputProblem(SourceLocation location, String message, boolean fatal) {
}
