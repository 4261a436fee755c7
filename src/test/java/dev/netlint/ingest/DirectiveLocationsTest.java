package dev.netlint.ingest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DirectiveLocationsTest {
    @Test
    void eachIdIsLocatedWhereItIsWritten() {
        Directives d = new Directives();
        d.scanHashComments("f.yaml", "a: 1\n    # netlint disable=NL101, nl203\nb: 2\n");
        Directives.Directive one = d.all().get(0);
        assertThat(one.ids()).containsExactly("NL101", "NL203");
        assertThat(one.locationOf("NL101").column()).isEqualTo(23);
        assertThat(one.locationOf("NL203").column()).isEqualTo(30);
        assertThat(one.locationOf("NL203").endColumn()).isEqualTo(35);
        assertThat(one.fromLine()).isEqualTo(3);
    }

    @Test
    void aFileScannedTwiceHasItsDirectivesOnce() {
        Directives d = new Directives();
        String text = "# netlint disable-file=NL301\nservices: {}\n";
        d.scanHashComments("compose.override.yaml", text);
        d.scanHashComments("compose.override.yaml", text);
        assertThat(d.all()).hasSize(1);
    }
}
