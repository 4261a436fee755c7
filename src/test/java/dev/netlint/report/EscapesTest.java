package dev.netlint.report;

import dev.netlint.model.SourceLocation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EscapesTest {
    @Test
    void controlsAreShownNotSent() {
        assertThat(Escapes.text("a\u001b[31mb\u0007c\u009bd\u202ee\tf")).isEqualTo("a\\x1b[31mb\\x07c\\u009bd\\u202ee\tf");
        assertThat(Escapes.text("one\r\ntwo\nthree\rfour")).isEqualTo("one\\ntwo\\nthree\\nfour");
        assertThat(Escapes.text("x ##[warning] y")).isEqualTo("x ##\\[warning] y");
    }

    @Test
    void leadingWorkflowCommandIsBrokenAfterAnyBlank() {
        assertThat(Escapes.line("::add-mask::x")).isEqualTo("\\::add-mask::x");
        assertThat(Escapes.line("    ::stop-commands::t")).isEqualTo("    \\::stop-commands::t");
        assertThat(Escapes.line("\u00a0\u2003::error::x")).isEqualTo("\u00a0\u2003\\::error::x");
        assertThat(Escapes.line("a ::error::x")).isEqualTo("a ::error::x");
        assertThat(Escapes.line("a ##[error]x")).isEqualTo("a ##\\[error]x");
    }

    @Test
    void githubDataLosesEscapeSequences() {
        assertThat(GithubReporter.escapeData("v\u001b]0;t\u0007 100%\n")).isEqualTo("v]0;t 100%25%0A");
    }

    @Test
    void longLinesAreEchoedAsAWindowAroundTheColumn() {
        String line = "x".repeat(10_000) + "BAD" + "y".repeat(10_000);
        TextReporter.Echo echo = TextReporter.Echo.of(line, SourceLocation.of("f", 1, 10_001, 1, 10_004));
        assertThat(echo.text()).hasSizeLessThanOrEqualTo(TextReporter.MAX_ECHO + 2).contains("BAD")
                .startsWith("…").endsWith("…");
        assertThat(echo.text().charAt(echo.caret().indexOf('^'))).isEqualTo('B');
        assertThat(echo.caret()).endsWith("^~~");
    }

    @Test
    void caretStaysUnderTheColumnAfterEscapes() {
        TextReporter.Echo echo = TextReporter.Echo.of("\u001b\tab", SourceLocation.of("f", 1, 3, 1, 4));
        assertThat(echo.text()).isEqualTo("\\x1b\tab");
        assertThat(echo.caret()).isEqualTo("    \t^");
    }
}
