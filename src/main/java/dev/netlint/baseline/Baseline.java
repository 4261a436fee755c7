package dev.netlint.baseline;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.netlint.engine.LintResult;
import dev.netlint.report.Fingerprints;
import dev.netlint.report.SourceLines;
import dev.netlint.rules.Finding;
import dev.netlint.rules.RuleRegistry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Accepted findings, recorded by fingerprint (see {@link Fingerprints}: rule, file, line content,
 * never the line number). {@code --write-baseline} records today's findings; {@code --baseline}
 * then reports only findings whose fingerprint is not recorded.
 */
public final class Baseline {
    public static final int FORMAT = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @JsonPropertyOrder({"netlintBaseline", "findings"})
    record File(@JsonProperty(value = "netlintBaseline", required = true) int netlintBaseline,
                @JsonProperty(value = "findings", required = true) List<Entry> findings) {
    }

    /** One accepted finding; only the fingerprint is matched, the rest is for people reading the file. */
    @JsonPropertyOrder({"fingerprint", "ruleId", "file", "message"})
    public record Entry(@JsonProperty(value = "fingerprint", required = true) String fingerprint,
                        @JsonProperty("ruleId") String ruleId,
                        @JsonProperty("file") String file,
                        @JsonProperty("message") String message) {
    }

    private final Set<String> fingerprints;
    private final int size;

    private Baseline(Set<String> fingerprints, int size) {
        this.fingerprints = fingerprints;
        this.size = size;
    }

    public int size() {
        return size;
    }

    public static Baseline read(Path file) throws IOException {
        File f;
        try {
            if (!Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                throw new NoSuchFileException(file.toString());
            }
            // Opened like every input: a link out of its directory, a FIFO or a device is refused.
            Path dir = file.toAbsolutePath().normalize().getParent();
            dev.netlint.ingest.ScanRoot root = dev.netlint.ingest.ScanRoot.of(dir == null ? file : dir);
            java.util.Optional<String> refused = root.refusal(file);
            if (refused.isPresent()) {
                throw new IOException("baseline " + file + ": " + refused.get());
            }
            byte[] bytes = root.read(file, dev.netlint.ingest.SourceFile.MAX_BYTES);
            if (bytes.length > dev.netlint.ingest.SourceFile.MAX_BYTES) {
                throw new IOException("baseline " + file + " is over the 10 MiB limit");
            }
            f = MAPPER.readValue(bytes, File.class);
        } catch (NoSuchFileException e) {
            throw new IOException("baseline " + file + " does not exist (create it with --write-baseline)");
        } catch (JsonProcessingException e) {
            throw new IOException("baseline " + file + " is not a netlint baseline: "
                    + e.getOriginalMessage().lines().findFirst().orElse(""));
        }
        if (f == null || f.netlintBaseline() != FORMAT) {
            throw new IOException("baseline " + file + " has an unknown format version");
        }
        Set<String> fps = new HashSet<>();
        for (Entry e : f.findings()) {
            fps.add(e.fingerprint());
        }
        return new Baseline(fps, f.findings().size());
    }

    /** The result without the findings this baseline records. */
    public LintResult filter(LintResult result, SourceLines lines) {
        List<Finding> findings = result.findings();
        boolean[] known = new boolean[findings.size()];
        mark(known, Fingerprints.of(findings, lines));
        // A baseline written before ids merged records the former id: match under each alias too.
        for (String former : formerIds(findings)) {
            List<Finding> renamed = new ArrayList<>(findings.size());
            for (Finding f : findings) {
                boolean absorbed = RuleRegistry.byId(f.ruleId())
                        .map(r -> java.util.Arrays.asList(r.info().aliases()).contains(former)).orElse(false);
                renamed.add(absorbed ? new Finding(former, f.ruleName(), f.severity(), f.message(), f.location()) : f);
            }
            mark(known, Fingerprints.of(renamed, lines));
        }
        List<Finding> fresh = new ArrayList<>();
        for (int i = 0; i < known.length; i++) {
            if (!known[i]) {
                fresh.add(findings.get(i));
            }
        }
        return new LintResult(List.copyOf(fresh), result.errors(), result.filesRead());
    }

    private void mark(boolean[] known, List<String> fps) {
        for (int i = 0; i < fps.size(); i++) {
            known[i] |= fingerprints.contains(fps.get(i));
        }
    }

    /** The former ids of the rules these findings come from. */
    private static Set<String> formerIds(List<Finding> findings) {
        Set<String> out = new java.util.TreeSet<>();
        for (Finding f : findings) {
            RuleRegistry.byId(f.ruleId()).ifPresent(r -> out.addAll(java.util.Arrays.asList(r.info().aliases())));
        }
        return out;
    }

    /** Records {@code findings} in {@code target}, atomically. */
    public static void write(Path target, List<Finding> findings, SourceLines lines) throws IOException {
        write(target, findings, lines, AtomicFiles.ATOMIC_RENAME);
    }

    static void write(Path target, List<Finding> findings, SourceLines lines, AtomicFiles.Mover mover)
            throws IOException {
        List<String> fps = Fingerprints.of(findings, lines);
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            entries.add(new Entry(fps.get(i), f.ruleId(), f.location().file(), f.message()));
        }
        AtomicFiles.write(target, out -> {
            MAPPER.writer(new DefaultPrettyPrinter()
                            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                            .withArrayIndenter(new DefaultIndenter("  ", "\n")))
                    .writeValue(out, new File(FORMAT, entries));
            out.write("\n");
        }, mover);
    }
}
