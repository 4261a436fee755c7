package dev.netlint.report;

import dev.netlint.model.SourceLocation;
import dev.netlint.rules.Finding;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Stable identities for findings, shared by SARIF {@code partialFingerprints} and the baseline.
 * A fingerprint hashes the rule id, the file, the source line with whitespace collapsed and the
 * text the finding points at (or, for a finding without a line, its message) — never the line
 * number — so inserting lines above a finding keeps its fingerprint. When several findings share
 * a hash, each gets its occurrence number in report order: {@code <hash>:<n>}.
 */
public final class Fingerprints {
    private Fingerprints() {
    }

    /** Fingerprints of {@code findings}, in the same order. */
    public static List<String> of(List<Finding> findings, SourceLines lines) {
        List<String> out = new ArrayList<>(findings.size());
        Map<String, Integer> seen = new HashMap<>();
        for (Finding f : findings) {
            String hash = hash(f, lines);
            int n = seen.merge(hash, 1, Integer::sum);
            out.add(hash + ":" + n);
        }
        return out;
    }

    static String hash(Finding f, SourceLines lines) {
        SourceLocation l = f.location();
        String content = lines.line(l.file(), l.line())
                .map(text -> normalise(text) + "\u0000" + span(text, l))
                .orElse("message\u0000" + f.message());
        return sha256(f.ruleId() + "\u0000" + l.file() + "\u0000" + content).substring(0, 32);
    }

    /** The text the finding points at, when it lies on one line. */
    private static String span(String text, SourceLocation l) {
        int from = l.column() - 1;
        int to = l.endLine() == l.line() ? l.endColumn() - 1 : text.length();
        if (from < 0 || from > text.length()) {
            return "";
        }
        to = Math.max(from, Math.min(to, text.length()));
        return from == to ? text.substring(from) : text.substring(from, to);
    }

    static String normalise(String line) {
        return line.strip().replaceAll("\\s+", " ");
    }

    private static String sha256(String s) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
