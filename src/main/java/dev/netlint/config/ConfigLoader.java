package dev.netlint.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Finds and binds {@code .netlint.yaml}. An unknown key, a wrong type, a duplicate key or a YAML
 * syntax error is rejected with its line and column.
 */
public final class ConfigLoader {
    public static final String FILE_NAME = ".netlint.yaml";
    /** A configuration file larger than this is certainly not one. */
    static final long MAX_BYTES = 1024 * 1024;

    /** Built on first use: a run without a configuration file never loads Jackson (start-up time). */
    private static final class Mapper {
        static final ObjectMapper MAPPER = YAMLMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .build();
    }

    private ConfigLoader() {
    }

    /** The nearest {@code .netlint.yaml} in {@code start} or a directory above it. */
    public static Optional<Path> find(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(FILE_NAME);
            if (Files.exists(candidate, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    public static NetlintConfig.Loaded load(Path file, String displayName) throws ConfigException {
        String text;
        try {
            if (!Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                throw new ConfigException(displayName + ": configuration file not found (or not a regular file)");
            }
            // Opened like every input: a link out of its directory, a FIFO or a device is refused.
            Path dir = file.toAbsolutePath().normalize().getParent();
            dev.netlint.ingest.ScanRoot root = dev.netlint.ingest.ScanRoot.of(dir == null ? file : dir);
            java.util.Optional<String> refused = root.refusal(file);
            if (refused.isPresent()) {
                throw new ConfigException(displayName + ": " + refused.get());
            }
            byte[] bytes = root.read(file, MAX_BYTES);
            if (bytes.length > MAX_BYTES) {
                throw new ConfigException(displayName + ": configuration file is larger than 1 MiB");
            }
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ConfigException(displayName + ": configuration file is not valid UTF-8");
        } catch (IOException e) {
            throw new ConfigException(displayName + ": cannot read configuration file: " + e.getMessage());
        }
        return new NetlintConfig.Loaded(parse(text, displayName), file, displayName);
    }

    /** Binds configuration text; {@code displayName} prefixes error messages. */
    public static NetlintConfig parse(String text, String displayName) throws ConfigException {
        // A simple file binds without Jackson (start-up time); anything else, and every error, binds below.
        Optional<NetlintConfig> simple = SimpleConfigBinder.bind(text);
        if (simple.isPresent()) {
            return simple.get();
        }
        return parseWithJackson(text, displayName);
    }

    /** The full binding, with located messages for every mistake. */
    static NetlintConfig parseWithJackson(String text, String displayName) throws ConfigException {
        if (text.isBlank() || hasNoContent(text)) {
            return NetlintConfig.empty();
        }
        try (Reader r = new java.io.StringReader(text)) {
            NetlintConfig c = Mapper.MAPPER.readValue(r, NetlintConfig.class);
            return c == null ? NetlintConfig.empty() : c;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            int line = at == null ? 0 : at.getLineNr();
            int col = at == null ? 0 : at.getColumnNr();
            if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
                // Record-based binding reports some errors where the mapping ends; point at the key instead.
                JsonLocation key = keyLocations(text).get(pointer(m));
                if (key != null && (e instanceof UnrecognizedPropertyException || line == 0)) {
                    line = key.getLineNr();
                    col = key.getColumnNr();
                }
            }
            for (Throwable t = e; t != null; t = t.getCause()) {
                String msg = t instanceof JsonProcessingException j ? j.getOriginalMessage() : t.getMessage();
                if (msg != null && msg.contains("in 'reader', line ")) {
                    throw yamlError(displayName, msg, line, col);
                }
                if (msg != null && msg.startsWith("Duplicate field ")) {
                    throw ConfigException.at(displayName, line, col, "duplicate key "
                            + firstLine(msg).substring("Duplicate field ".length()));
                }
            }
            throw ConfigException.at(displayName, line, col, describe(e));
        } catch (IOException e) {
            throw new ConfigException(displayName + ": cannot read configuration: " + e.getMessage());
        }
    }

    /** A file of comments only (like a fresh starter with everything commented out). */
    private static boolean hasNoContent(String text) {
        try (com.fasterxml.jackson.core.JsonParser p = Mapper.MAPPER.getFactory().createParser(text)) {
            return p.nextToken() == null;
        } catch (IOException e) {
            return false;
        }
    }

    /** JSON pointer of every mapping key → where the key is written. */
    static java.util.Map<String, JsonLocation> keyLocations(String text) {
        java.util.Map<String, JsonLocation> out = new java.util.HashMap<>();
        try (com.fasterxml.jackson.core.JsonParser p = Mapper.MAPPER.getFactory().createParser(text)) {
            com.fasterxml.jackson.core.JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                    out.putIfAbsent(p.getParsingContext().pathAsPointer().toString(), p.currentTokenLocation());
                }
            }
        } catch (IOException e) {
            // a syntax error: binding reports it with its own location
        }
        return out;
    }

    private static String pointer(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            sb.append('/');
            if (ref.getFieldName() != null) {
                sb.append(ref.getFieldName().replace("~", "~0").replace("/", "~1"));
            } else {
                sb.append(ref.getIndex());
            }
        }
        return sb.toString();
    }

    /**
     * snakeyaml's messages span lines: a context, marks ("in 'reader', line 2, column 1:") each
     * followed by a source excerpt and a caret, and the problem. Keep the words, locate at the last mark.
     */
    private static ConfigException yamlError(String file, String message, int line, int col) {
        java.util.List<String> words = new java.util.ArrayList<>();
        String[] lines = message == null ? new String[0] : message.split("\n");
        java.util.regex.Pattern mark = java.util.regex.Pattern.compile("in '[^']*', line (\\d+), column (\\d+):?");
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].trim();
            java.util.regex.Matcher m = mark.matcher(l);
            if (m.matches()) {
                line = Integer.parseInt(m.group(1));
                col = Integer.parseInt(m.group(2));
                i += 2;
            } else if (!l.isEmpty()) {
                words.add(l);
            }
        }
        return ConfigException.at(file, line, col, "invalid YAML: " + String.join(": ", words));
    }

    private static String describe(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            String where = pathOf(u, 1);
            String known = u.getKnownPropertyIds() == null ? "" : u.getKnownPropertyIds().stream()
                    .map(Object::toString).sorted().collect(Collectors.joining(", "));
            return "unknown key '" + u.getPropertyName() + "'" + (where.isEmpty() ? "" : " in " + where)
                    + (known.isEmpty() ? "" : " (known keys: " + known + ")");
        }
        if (e instanceof MismatchedInputException m) {
            String where = pathOf(m, 0);
            String what = m.getTargetType() == null ? "value" : expected(m.getTargetType());
            String original = firstLine(m.getOriginalMessage());
            if (original.contains("Missing required creator property")) {
                return (where.isEmpty() ? "" : where + ": ") + "missing required key "
                        + original.replaceAll(".*property '([^']*)'.*", "'$1'");
            }
            return (where.isEmpty() ? "the file" : "'" + where + "'") + " has the wrong type: expected " + what;
        }
        if (e instanceof JsonMappingException m) {
            return firstLine(m.getOriginalMessage());
        }
        String original = firstLine(e.getOriginalMessage());
        if (original.startsWith("Duplicate field ")) {
            return "duplicate key " + original.substring("Duplicate field ".length());
        }
        return "invalid YAML: " + original;
    }

    private static String expected(Class<?> type) {
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (java.util.Map.class.isAssignableFrom(type) || type.isRecord()) {
            return type == ConfigValue.class ? "a single value" : "a mapping (key: value)";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Integer.class || type == int.class) {
            return "a number";
        }
        return type.getSimpleName();
    }

    /** Dotted key path of the error, e.g. segments[0].subnet; drops the last {@code dropLast} elements. */
    private static String pathOf(JsonMappingException e, int dropLast) {
        StringBuilder sb = new StringBuilder();
        var path = e.getPath();
        for (int i = 0; i < path.size() - dropLast; i++) {
            var ref = path.get(i);
            if (ref.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        String one = nl < 0 ? s : s.substring(0, nl);
        int at = one.indexOf(" at [Source");
        return (at < 0 ? one : one.substring(0, at)).trim();
    }
}
