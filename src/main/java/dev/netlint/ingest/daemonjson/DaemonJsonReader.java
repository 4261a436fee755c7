package dev.netlint.ingest.daemonjson;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.netlint.ingest.IngestContext;
import dev.netlint.ingest.InputException;
import dev.netlint.ingest.InputReader;
import dev.netlint.ingest.SourceFile;
import dev.netlint.ingest.inspect.Json;
import dev.netlint.ingest.inspect.JsonShape;
import dev.netlint.model.AddressValue;
import dev.netlint.model.DaemonSettings;
import dev.netlint.model.SourceLocation;
import dev.netlint.model.Text;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads a daemon.json, recognised by its keys (any name: {@code node01-daemon.json} works), into
 * {@link DaemonSettings} on the host the file belongs to. Only the networking keys are read:
 * bip, fixed-cidr, fixed-cidr-v6, default-address-pools, ipv6, icc, ip, userland-proxy.
 *
 * <p>The daemon decodes this file with Go's encoding/json into typed fields, so a value of the
 * wrong type stops it from starting; such values are reported as input problems (NL001) at the value.
 * When a key is repeated, Go keeps the last value, and so does this reader.
 */
public final class DaemonJsonReader implements InputReader {
    @Override
    public String format() {
        return "daemon.json";
    }

    /** {@code *.json} files are claimed by the inspect reader, which hands daemon.json content over here. */
    @Override
    public boolean claimsByName(Path path) {
        return false;
    }

    @Override
    public boolean claimsByContent(SourceFile file, byte[] head) {
        return JsonShape.sniff(head) == JsonShape.DAEMON_CONFIG;
    }

    @Override
    public void read(SourceFile file, IngestContext context) throws InputException {
        String name = file.displayName();
        DaemonSettings d = new DaemonSettings(SourceLocation.of(name, 1, 1));
        Json.read(file, "daemon.json", p -> {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new InputException(1, 1, "daemon.json must be a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                p.nextToken();
                field(p, key, d, name, context);
            }
            JsonToken after = p.nextToken();
            if (after != null) {
                throw new InputException(p.currentTokenLocation().getLineNr(), p.currentTokenLocation().getColumnNr(),
                        "invalid JSON in daemon.json: more content after the top-level object "
                                + "(the daemon refuses to start: 'invalid character ... after top-level value')");
            }
        });
        context.model().host(context.hostOf(name)).daemon(d);
    }

    private static void field(JsonParser p, String key, DaemonSettings d, String file, IngestContext context)
            throws IOException {
        switch (key) {
            case "bip" -> {
                Text t = string(p, key, file, context);
                d.bip(t == null ? null : AddressValue.cidr(t));
            }
            case "fixed-cidr" -> {
                Text t = string(p, key, file, context);
                d.fixedCidr(t == null ? null : AddressValue.cidr(t));
            }
            case "fixed-cidr-v6" -> {
                Text t = string(p, key, file, context);
                d.fixedCidrV6(t == null ? null : AddressValue.cidr(t));
            }
            case "ip" -> {
                Text t = string(p, key, file, context);
                d.ip(t == null ? null : AddressValue.address(t));
            }
            case "ipv6" -> {
                Text t = bool(p, key, file, context);
                d.ipv6(t == null ? null : Boolean.valueOf(t.value()));
            }
            case "icc" -> d.icc(bool(p, key, file, context));
            case "userland-proxy" -> d.userlandProxy(bool(p, key, file, context));
            case "default-address-pools" -> pools(p, d, file, context);
            default -> p.skipChildren();
        }
    }

    private static void pools(JsonParser p, DaemonSettings d, String file, IngestContext context) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return;
        }
        if (p.currentToken() != JsonToken.START_ARRAY) {
            wrongType(p, "default-address-pools", "an array of {\"base\": ..., \"size\": ...} objects", file, context);
            return;
        }
        d.defaultAddressPools().clear(); // a repeated key replaces the earlier list, as in Go
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
            if (t != JsonToken.START_OBJECT) {
                wrongType(p, "default-address-pools", "an array of {\"base\": ..., \"size\": ...} objects", file, context);
                continue;
            }
            SourceLocation start = Json.here(p, file);
            AddressValue base = null;
            Integer size = null;
            SourceLocation sizeAt = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                p.nextToken();
                if (key.equals("base")) {
                    Text b = string(p, "base", file, context);
                    base = b == null ? null : AddressValue.cidr(b);
                } else if (key.equals("size")) {
                    if (p.currentToken() == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT) {
                        size = p.getIntValue();
                        sizeAt = Json.here(p, file);
                    } else if (p.currentToken() != JsonToken.VALUE_NULL) { // Go's decoder leaves a field alone for null
                        wrongType(p, "size", "an integer", file, context);
                    }
                } else {
                    p.skipChildren();
                }
            }
            if (base == null) {
                context.problem(start, "a default-address-pools entry has no \"base\"; the daemon refuses to start "
                        + "('invalid base pool \"\"'). Write {\"base\": \"10.200.0.0/16\", \"size\": 24}");
                continue;
            }
            d.pool(new DaemonSettings.AddressPool(base, size, sizeAt != null ? sizeAt : start));
        }
    }

    private static Text string(JsonParser p, String key, String file, IngestContext context) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_STRING) {
            return Text.of(p.getText(), Json.here(p, file));
        }
        if (p.currentToken() != JsonToken.VALUE_NULL) {
            wrongType(p, key, "a string", file, context);
        }
        return null;
    }

    private static Text bool(JsonParser p, String key, String file, IngestContext context) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
            return Text.of(p.getText(), Json.here(p, file));
        }
        if (t != JsonToken.VALUE_NULL) {
            wrongType(p, key, "true or false", file, context);
        }
        return null;
    }

    private static void wrongType(JsonParser p, String key, String expected, String file, IngestContext context)
            throws IOException {
        SourceLocation at = Json.here(p, file);
        String got = Json.kind(p.currentToken());
        p.skipChildren();
        context.problem(at, "\"" + key + "\" must be " + expected + ", not " + got
                + "; the daemon refuses to start with this daemon.json (json: cannot unmarshal)");
    }
}
