package dev.netlint.ingest.inspect;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.netlint.model.SourceLocation;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class JsonTest {

    /** Json.here reads token positions without Jackson's location objects; they must be the same positions. */
    @Test
    void hereMatchesJacksonsTokenLocationForEveryToken() throws Exception {
        String text = "[\n  {\"Name\": \"web\", \"n\": 12, \"ok\": true, \"none\": null,\n"
                + "   \"IPAM\": {\"Config\": [{\"Subnet\": \"10.1.0.0/24\"}]}},\n"
                + "{\"é\": \"ünï\", \"x\":-1.5e3}, \"tail\"]";
        int tokens = 0;
        try (JsonParser p = Json.openHead(text.getBytes(StandardCharsets.UTF_8))) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                JsonLocation jackson = p.currentTokenLocation();
                SourceLocation ours = Json.here(p, "f.json");
                assertThat(ours.line()).as("line of %s", t).isEqualTo(Math.max(1, jackson.getLineNr()));
                assertThat(ours.column()).as("column of %s at line %d", t, ours.line())
                        .isEqualTo(Math.max(1, jackson.getColumnNr()));
                tokens++;
            }
        }
        assertThat(tokens).as("tokens compared").isEqualTo(29);
    }
}
