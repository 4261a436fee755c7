package dev.netlint.cli;

import dev.netlint.cli.MarkerKit.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.netlint.cli.MarkerKit.run;
import static org.assertj.core.api.Assertions.assertThat;

class BaselineCliTest {
    @TempDir
    Path dir;

    @Test
    void writeThenReportOnlyNewFindings() throws IOException {
        Path f = dir.resolve("a.nlt");
        Files.writeString(f, "error-here\nwarning-here\n");
        Path base = dir.resolve(".netlint-baseline.json");

        Outcome write = run(dir, "--write-baseline", base.toString(), f.toString());
        assertThat(write.status()).as("writing a baseline accepts today's findings").isZero();
        assertThat(write.err()).contains("recorded 2 findings");
        assertThat(base).exists();

        Outcome same = run(dir, "--baseline", base.toString(), f.toString());
        assertThat(same.status()).isZero();
        assertThat(same.out()).isEqualTo("0 errors, 0 warnings, 0 notes in 1 file\n");

        Files.writeString(f, "# moved down\n\nerror-here\nwarning-here\nerror-here again\n");
        Outcome moved = run(dir, "--baseline", base.toString(), "--format", "json", f.toString());
        assertThat(moved.status()).isEqualTo(1);
        assertThat(moved.out()).contains("\"line\" : 5").doesNotContain("\"line\" : 3").doesNotContain("\"line\" : 4");

        Outcome missing = run(dir, "--baseline", dir.resolve("nope.json").toString(), f.toString());
        assertThat(missing.status()).isEqualTo(2);
        assertThat(missing.errLines()).singleElement().asString().contains("does not exist");
    }
}
