package dev.netlint.ingest.inspect;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.netlint.model.AddressValue;
import dev.netlint.model.Text;

import java.io.IOException;
import java.util.Collections;
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
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return Collections.emptyMap();
        }
        Map<String, Text> out = null; // made on the first value: most networks' Options are {}
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            Text v = Json.word(p, name, words);
            if (v != null) {
                if (out == null) {
                    out = new LinkedHashMap<>();
                }
                out.put(key, v);
            }
        }
        return out == null ? Collections.emptyMap() : out;
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

    /** The current value as a CIDR block, parsed through {@code cache}; null unless a non-blank string. */
    AddressValue cidr(JsonParser p, AddressCache cache) throws IOException {
        Text s = nonBlankString(p);
        return s == null ? null : cache.cidr(s);
    }

    /** The current value as an address, parsed through {@code cache}; null unless a non-blank string. */
    AddressValue address(JsonParser p, AddressCache cache) throws IOException {
        Text s = nonBlankString(p);
        return s == null ? null : cache.address(s);
    }

    /** The same for an address as inspect output prints it, maybe with a prefix ({@link AddressCache#observed}). */
    AddressValue observedAddress(JsonParser p, AddressCache cache) throws IOException {
        Text s = nonBlankString(p);
        return s == null ? null : cache.observed(s);
    }

    /** The current value when it is a JSON string that is not blank; null (and skipped) otherwise. */
    Text nonBlankString(JsonParser p) throws IOException {
        Text t = Json.string(p, name);
        return t == null || t.value().isBlank() ? null : t;
    }
}
