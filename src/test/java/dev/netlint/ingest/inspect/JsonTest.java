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

    /** Json.word gives every scalar's text as getText does, and a repeated text as the same string. */
    @Test
    void wordsReturnsTheParsersTextAndSharesRepeats() throws Exception {
        StringBuilder text = new StringBuilder("[\"bridge\", \"bridge\", \"br\\\"idge\", true, 12, -1.5, \"\", \"é\", \"é\", \"")
                .append("x".repeat(65)).append("\", \"").append("x".repeat(65)).append("\"");
        for (int i = 0; i < 3000; i++) { // more distinct texts than the table keeps
            text.append(", \"w").append(i).append('"');
        }
        text.append(", \"bridge\", \"w2999\"]");
        Json.Words words = new Json.Words();
        java.util.List<String> got = new java.util.ArrayList<>();
        java.util.List<String> expected = new java.util.ArrayList<>();
        try (JsonParser p = Json.openHead(text.toString().getBytes(StandardCharsets.UTF_8))) {
            p.nextToken();
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                expected.add(p.getText());
                got.add(Json.word(p, "f.json", words).value());
            }
        }
        assertThat(got).isEqualTo(expected);
        assertThat(got.get(1)).isSameAs(got.get(0));
        assertThat(got.get(2)).isEqualTo("br\"idge");
        assertThat(got.get(8)).isSameAs(got.get(7)).isEqualTo("é");
        assertThat(got.get(10)).as("over 64 characters: not kept").isNotSameAs(got.get(9));
        assertThat(got.get(got.size() - 2)).as("kept before the table filled").isSameAs(got.get(0));
        assertThat(got.get(got.size() - 1)).as("seen after the table filled").isEqualTo("w2999");
    }

    /** Json.prefix: what id.substring(0, 24) gave, and null for blank or non-string values (which it skips). */
    @Test
    void prefixCutsLongStringsAndDropsBlankOnes() throws Exception {
        String text = "[\"" + "a".repeat(64) + "\", \"short\", \"   \", \"\", \"  x\", 12, {\"Id\": \"in\"}, [1, 2], \"\\u00e9" + "b".repeat(30) + "\"]";
        java.util.List<String> got = new java.util.ArrayList<>();
        try (JsonParser p = Json.openHead(text.getBytes(StandardCharsets.UTF_8))) {
            p.nextToken();
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                got.add(Json.prefix(p, 24));
            }
        }
        assertThat(got).containsExactly("a".repeat(24), "short", null, null, "  x", null, null, null,
                "\u00e9" + "b".repeat(23));
    }
}
