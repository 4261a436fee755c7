package dev.netlint.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import java.io.IOException;
import java.util.Locale;

/**
 * A scalar from the configuration file with the line and column it was written at, so that
 * values that feed the model (addresses) and values that are rejected keep their location.
 * YAML 1.1 reads {@code off}/{@code on} as booleans; they are kept as the words "off"/"on".
 */
@JsonDeserialize(using = ConfigValue.Reader.class)
public record ConfigValue(String value, int line, int column) {

    static final class Reader extends JsonDeserializer<ConfigValue> {
        @Override
        public ConfigValue deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonLocation at = p.currentTokenLocation();
            JsonToken t = p.currentToken();
            String text;
            if (t == JsonToken.VALUE_STRING || t == JsonToken.VALUE_NUMBER_INT) {
                text = p.getText();
            } else if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
                text = t == JsonToken.VALUE_TRUE ? "on" : "off";
            } else {
                return (ConfigValue) ctxt.handleUnexpectedToken(ConfigValue.class, p);
            }
            return new ConfigValue(text, at.getLineNr(), at.getColumnNr());
        }
    }

    public String lower() {
        return value.trim().toLowerCase(Locale.ROOT);
    }
}
