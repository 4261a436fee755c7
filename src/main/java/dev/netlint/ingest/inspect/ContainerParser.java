package dev.netlint.ingest.inspect;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.netlint.model.AddressValue;
import dev.netlint.model.Attachment;
import dev.netlint.model.Container;
import dev.netlint.model.NetworkMode;
import dev.netlint.model.PortMapping;
import dev.netlint.model.SourceLocation;
import dev.netlint.model.Text;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code docker inspect} of containers: the HostConfig and NetworkSettings fields of an element,
 * read into its {@link Element}, and the container built from them.
 */
final class ContainerParser {
    private ContainerParser() {
    }

    static void hostConfig(JsonParser p, ParseContext cx, Element e) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            switch (key) {
                case "NetworkMode" -> e.networkMode = cx.nonBlankString(p);
                case "PortBindings" -> portBindings(p, cx, e);
                case "ExtraHosts" -> e.extraHosts = stringList(p, cx);
                case "Dns" -> e.dns = stringList(p, cx);
                default -> p.skipChildren();
            }
        }
    }

    private static void portBindings(JsonParser p, ParseContext cx, Element e) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            SourceLocation keyAt = Json.here(p, cx.name);
            JsonToken v = p.nextToken();
            int slash = key.indexOf('/');
            String portText = slash < 0 ? key : key.substring(0, slash);
            String proto = slash < 0 ? "tcp" : key.substring(slash + 1).toLowerCase(Locale.ROOT);
            Integer containerPort = port(portText);
            if (v != JsonToken.START_ARRAY || containerPort == null) {
                p.skipChildren();
                continue;
            }
            while (ParseContext.nextObjectInArray(p)) {
                SourceLocation at = keyAt;
                Text hostIp = null;
                Text hostPort = null;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String k = p.currentName();
                    p.nextToken();
                    if (k.equals("HostIp")) {
                        hostIp = cx.nonBlankString(p);
                    } else if (k.equals("HostPort")) {
                        hostPort = cx.nonBlankString(p);
                        if (hostPort != null) {
                            at = hostPort.location();
                        }
                    } else {
                        p.skipChildren();
                    }
                }
                Integer hp = null;
                Integer hpEnd = null;
                if (hostPort != null) {
                    int dash = hostPort.value().indexOf('-');
                    hp = port(dash < 0 ? hostPort.value() : hostPort.value().substring(0, dash));
                    hpEnd = dash < 0 ? hp : port(hostPort.value().substring(dash + 1));
                    if (hp == null || hpEnd == null || hpEnd < hp) {
                        hp = null;
                        hpEnd = null;
                    }
                }
                String raw = (hostIp == null ? "" : hostIp.value() + ":") + (hostPort == null ? "" : hostPort.value() + ":") + key;
                e.ports.add(new PortMapping(hostIp == null ? null : AddressValue.address(hostIp), hp, hpEnd,
                        containerPort, containerPort, proto, raw, at, false, false));
            }
        }
    }

    static void networkSettings(JsonParser p, ParseContext cx, Element e) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken v = p.nextToken();
            if (!key.equals("Networks") || v != JsonToken.START_OBJECT) {
                p.skipChildren();
                continue;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String net = p.currentName();
                SourceLocation at = Json.here(p, cx.name);
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    p.skipChildren();
                    continue;
                }
                e.attachments.add(attachment(p, cx, Text.of(net, at), at));
            }
        }
    }

    private static Attachment attachment(JsonParser p, ParseContext cx, Text net, SourceLocation at) throws IOException {
        Attachment a = new Attachment(net, at);
        AddressValue seen4 = null;
        AddressValue seen6 = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            switch (key) {
                case "IPAMConfig" -> {
                    if (p.currentToken() != JsonToken.START_OBJECT) {
                        p.skipChildren();
                        break;
                    }
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String k = p.currentName();
                        p.nextToken();
                        if (k.equals("IPv4Address")) {
                            AddressValue v = cx.address(p, AddressCache.PER_HOST);
                            if (v != null) {
                                a.ipv4(v);
                            }
                        } else if (k.equals("IPv6Address")) {
                            AddressValue v = cx.address(p, AddressCache.PER_HOST);
                            if (v != null) {
                                a.ipv6(v);
                            }
                        } else {
                            p.skipChildren();
                        }
                    }
                }
                case "IPAddress" -> seen4 = cx.address(p, AddressCache.PER_HOST);
                case "GlobalIPv6Address" -> seen6 = cx.address(p, AddressCache.PER_HOST);
                case "Aliases" -> {
                    for (Text alias : stringList(p, cx)) {
                        a.alias(alias);
                    }
                }
                default -> p.skipChildren();
            }
        }
        return a.observed(seen4, seen6);
    }

    static Container container(Element e) {
        Text nameText = e.name != null ? e.name : Text.of("", e.start);
        String cname = nameText.value().startsWith("/") ? nameText.value().substring(1) : nameText.value();
        Container c = new Container(cname, nameText.location());
        if (e.networkMode != null) {
            c.networkMode(NetworkMode.parse(e.networkMode.value(), e.networkMode.location()));
        }
        e.attachments.forEach(c::attach);
        e.ports.forEach(c::port);
        e.extraHosts.forEach(c::extraHost);
        e.dns.forEach(c::dns);
        return c;
    }

    private static List<Text> stringList(JsonParser p, ParseContext cx) throws IOException {
        List<Text> out = new ArrayList<>();
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return out;
        }
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
            Text v = Json.string(p, cx.name);
            if (v != null && !v.value().isEmpty()) {
                out.add(v);
            }
        }
        return out;
    }

    private static Integer port(String text) {
        if (text.isEmpty() || text.length() > 5) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return null;
            }
        }
        int v = Integer.parseInt(text);
        return v >= 0 && v <= 65535 ? v : null;
    }
}
