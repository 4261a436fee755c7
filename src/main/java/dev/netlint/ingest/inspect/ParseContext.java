package dev.netlint.ingest.inspect;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.netlint.model.Text;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the part-parsers of one dump share: the file's display name, for locations, and the file's
 * word table (see {@link Json.Words}; one per file, so that reader threads share nothing). Also
 * the small parsing helpers they all use.
 */
final class ParseContext {
    final String name;
    final Json.Words words = new Json.Words();

    ParseContext(String name) {
        this.name = name;
    }

    /** An object's scalar values, as words; other values are left out, and a non-object is empty. */
    Map<String, Text> stringMap(JsonParser p) throws IOException {
        Map<String, Text> out = new LinkedHashMap<>();
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return out;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            Text v = Json.word(p, name, words);
            if (v != null) {
                out.put(key, v);
            }
        }
        return out;
    }

    /**
     * Advances to the next object element of the array the parser is in, skipping elements of other
     * types; false at the array's end.
     */
    static boolean nextObjectInArray(JsonParser p) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) {
                return false;
            }
            if (t == JsonToken.START_OBJECT) {
                return true;
            }
            p.skipChildren();
        }
        return false;
    }

    /** The current value when it is a JSON string that is not blank; null (and skipped) otherwise. */
    Text nonBlankString(JsonParser p) throws IOException {
        Text t = Json.string(p, name);
        return t == null || t.value().isBlank() ? null : t;
    }
}
