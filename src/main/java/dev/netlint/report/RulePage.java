package dev.netlint.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A rule's page, {@code rules/<ID>.md}, as shipped inside the jar: the whole Markdown (for
 * {@code netlint rules ID} and SARIF help) and its "Why" section as plain text.
 */
public record RulePage(String id, String markdown) {
    public static final String HELP_BASE = "https://github.com/netlint/netlint/blob/main/rules/";

    public static Optional<RulePage> load(String id) {
        try (InputStream in = RulePage.class.getClassLoader().getResourceAsStream("rules/" + id + ".md")) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(new RulePage(id, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public static String helpUri(String id) {
        return HELP_BASE + id + ".md";
    }

    /** The first paragraph of the "## Why" section, joined into one line; empty if there is none. */
    public String why() {
        String[] lines = markdown.split("\r?\n");
        StringBuilder sb = new StringBuilder();
        boolean in = false;
        for (String line : lines) {
            if (line.startsWith("## ")) {
                if (in) {
                    break;
                }
                in = line.substring(3).trim().equalsIgnoreCase("Why");
                continue;
            }
            if (!in) {
                continue;
            }
            if (line.isBlank()) {
                if (sb.length() > 0) {
                    break;
                }
                continue;
            }
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(line.trim());
        }
        return sb.toString();
    }
}
