package dev.netlint.ingest;

import dev.netlint.ingest.inspect.InspectReader;
import dev.netlint.model.Model;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * JSON readers parse each file from a per-thread scratch array that still holds the previous,
 * longer file's tail: only the file's own bytes may count, for the parser and for the texts a run
 * remembers.
 */
class ScratchReadTest {
    @TempDir
    Path temp;

    @Test
    void aFileThatFitsIsReadIntoTheScratchArrayAndOnlyItsLengthCounts() throws IOException {
        Path file = Files.writeString(temp.resolve("short.json"), "[1, 2]");
        byte[] scratch = new byte[64];
        Arrays.fill(scratch, (byte) 'x');

        FileBytes bytes = ScanRoot.of(temp).read(file, SourceFile.MAX_BYTES, scratch);

        assertThat(bytes.array()).isSameAs(scratch);
        assertThat(bytes.length()).isEqualTo(6);
        assertThat(new String(bytes.exact(), StandardCharsets.UTF_8)).isEqualTo("[1, 2]");
    }

    @Test
    void aFileLargerThanTheScratchArrayGetsAnArrayOfItsOwnSize() throws IOException {
        Path file = Files.writeString(temp.resolve("long.json"), "[" + "1, ".repeat(40) + "1]");
        byte[] scratch = new byte[16];

        FileBytes bytes = ScanRoot.of(temp).read(file, SourceFile.MAX_BYTES, scratch);

        assertThat(bytes.array()).isNotSameAs(scratch).hasSize((int) Files.size(file));
        assertThat(bytes.exact()).isEqualTo(Files.readAllBytes(file));
        assertThat(scratch).containsOnly(0);
    }

    @Test
    void theLimitStillHoldsWithAScratchArray() throws IOException {
        Path file = Files.writeString(temp.resolve("big.json"), "0123456789");

        FileBytes bytes = ScanRoot.of(temp).read(file, 4, new byte[64]);

        assertThat(bytes.length()).as("max + 1 bytes, so the caller sees the file is too large").isEqualTo(5);
    }

    @Test
    void aShortDumpReadAfterALongOneOnTheSameThreadIsNotMistakenForTruncatedOrTrailedJson() throws Exception {
        // Both dumps are big enough to be remembered by checksum; the short one must digest only its own bytes.
        String network = """
                {"Name": "n%d", "Id": "%064d", "Driver": "bridge",
                 "IPAM": {"Driver": "default", "Config": [{"Subnet": "10.%d.0.0/16", "Gateway": "10.%d.0.1"}]},
                 "Containers": {}, "Options": {}, "Labels": {}}""";
        StringBuilder longDump = new StringBuilder("[");
        for (int i = 0; i < 900; i++) {
            longDump.append(i == 0 ? "" : ",\n").append(network.formatted(i, i, i % 200 + 20, i % 200 + 20));
        }
        String shortDump = "[" + network.formatted(1, 1, 30, 30) + "\n" + " ".repeat(70_000) + "\n]";
        Path dir = Files.createDirectory(temp.resolve("dumps"));
        Path first = Files.writeString(dir.resolve("a-long.json"), longDump.append("]"));
        Path second = Files.writeString(dir.resolve("b-short.json"), shortDump);
        assertThat(Files.size(first)).isGreaterThan(Files.size(second));

        ScanRoot root = ScanRoot.of(dir);
        Model model = new Model();
        IngestContext context = new IngestContext(model, Map.of(), f -> "host", new Directives());
        InspectReader reader = new InspectReader();
        for (Path dump : List.of(first, second)) { // on this thread, one after the other
            reader.read(new SourceFile(dump, dump.getFileName().toString(), root), context);
        }

        assertThat(model.projects()).hasSize(2);
        assertThat(model.projects().get(1).networks()).hasSize(1);
        assertThat(root.texts().get("b-short.json")).isEqualTo(shortDump);
        assertThat(root.texts().get("a-long.json")).isEqualTo(longDump.toString());
    }
}
