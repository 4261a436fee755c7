package dev.netlint.ingest.ports;

import dev.netlint.model.AddressValue;
import dev.netlint.model.PortMapping;
import dev.netlint.model.SourceLocation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The one parser of the short port syntax, for compose {@code ports:} entries and the docker CLI's
 * {@code -p}/{@code --publish}: {@code [[IP:][HOST[-HOST]]:]CONTAINER[-CONTAINER][/PROTO]}, split and
 * checked as docker/go-connections {@code nat.ParsePortSpec} does (only the last two colon-separated
 * parts are ports, so an unbracketed IPv6 host IP works; a bracketed one is unwrapped).
 *
 * <p>With variables: a spec whose every variable resolves is parsed as a whole, after
 * substitution, exactly as compose does. Otherwise it is split as written (colons inside
 * {@code ${...}} do not count) and each field is resolved on its own: a field that stays unknown
 * (host IP, host port, container port, protocol) is marked unknown alone.
 */
public record PortSpec(String hostIp, Integer hostStart, Integer hostEnd, int containerStart, int containerEnd,
                       String protocol, boolean hostIpUnknown, boolean hostPortUnknown,
                       boolean containerPortUnknown, boolean protocolUnknown) {

    /** The YAML 1.1 base-60 integer form: PyYAML (docker-compose v1) reads {@code 22:22} as 1342. */
    private static final Pattern SEXAGESIMAL = Pattern.compile("[-+]?[1-9][0-9_]*(:[0-5]?[0-9])+");

    /** A spec the daemon or compose refuses; the message says why. */
    public static final class Invalid extends Exception {
        public Invalid(String message) {
            super(message);
        }
    }

    public boolean anyUnknown() {
        return hostIpUnknown || hostPortUnknown || containerPortUnknown || protocolUnknown;
    }

    public static boolean yaml11Sexagesimal(String plainScalar) {
        return SEXAGESIMAL.matcher(plainScalar).matches();
    }

    /** A spec with no variables. */
    public static PortSpec parse(String raw) throws Invalid {
        return parse(raw, UnaryOperator.identity());
    }

    /**
     * A spec that may hold variables: {@code resolve} substitutes them in a piece of the raw text and
     * returns null when the piece's value is not known statically.
     */
    public static PortSpec parse(String raw, UnaryOperator<String> resolve) throws Invalid {
        String whole = resolve.apply(raw);
        if (whole != null) {
            String[] parts = whole.split(":", -1);
            return fromFields(whole, ipOf(parts), hostOf(parts), parts[parts.length - 1], false, false, false, false);
        }
        String[] parts = splitOutsideBraces(raw, ':').toArray(new String[0]);
        String ipRaw = ipOf(parts);
        String hostRaw = hostOf(parts);
        String containerRaw = parts[parts.length - 1];
        String ip = resolve.apply(ipRaw);
        String host = resolve.apply(hostRaw);
        List<String> cp = splitOutsideBraces(containerRaw, '/');
        String container = resolve.apply(cp.get(0));
        String proto = cp.size() < 2 ? "" : resolve.apply(cp.get(1));
        String containerText = (container == null ? "0" : container)
                + (cp.size() < 2 || proto == null ? "" : "/" + proto);
        return fromFields(raw, ip == null ? "" : ip, host == null ? "" : host, containerText, ip == null,
                host == null, container == null, proto == null);
    }

    private static String ipOf(String[] parts) {
        return parts.length >= 3 ? String.join(":", Arrays.copyOfRange(parts, 0, parts.length - 2)) : "";
    }

    private static String hostOf(String[] parts) {
        return parts.length >= 2 ? parts[parts.length - 2] : "";
    }

    private static PortSpec fromFields(String raw, String ip, String host, String container, boolean ipUnknown,
                                       boolean hostUnknown, boolean containerUnknown, boolean protoUnknown)
            throws Invalid {
        String protocol = "tcp";
        int slash = container.indexOf('/');
        if (slash >= 0) {
            String p = container.substring(slash + 1);
            int second = p.indexOf('/');
            if (second >= 0) {
                p = p.substring(0, second);
            }
            container = container.substring(0, slash);
            if (!p.isEmpty()) {
                protocol = p;
            }
        }
        if (ip.startsWith("[")) {
            if (!ip.endsWith("]") || ip.length() < 3) {
                throw new Invalid("invalid IP address " + ip + " in port \"" + raw + "\"");
            }
            ip = ip.substring(1, ip.length() - 1);
        }
        int[] c = {0, 0};
        if (!containerUnknown) {
            if (container.isEmpty()) {
                throw new Invalid("no container port in \"" + raw + "\"");
            }
            c = range(container, "container port", raw);
        }
        Integer hs = null;
        Integer he = null;
        if (!hostUnknown && !host.isEmpty()) {
            int[] h = range(host, "host port", raw);
            hs = h[0];
            he = h[1];
            if (!containerUnknown && h[1] - h[0] != c[1] - c[0] && c[1] != c[0]) {
                throw new Invalid("invalid ranges specified for container and host ports: " + container + " and "
                        + host + " (a host range must be as long as the container range, or the container port single)");
            }
        }
        String proto = protocol.toLowerCase(Locale.ROOT);
        if (!protoUnknown && !proto.equals("tcp") && !proto.equals("udp") && !proto.equals("sctp")) {
            throw new Invalid("invalid protocol \"" + protocol + "\" in port \"" + raw + "\" (tcp, udp or sctp)");
        }
        return new PortSpec(ip.isEmpty() ? null : ip, hs, he, c[0], c[1], proto, ipUnknown, hostUnknown,
                containerUnknown, protoUnknown);
    }

    /** nat.ParsePortRange: N or N-M, each 0..65535, M not below N. */
    public static int[] range(String text, String what, String raw) throws Invalid {
        int dash = text.indexOf('-');
        if (dash < 0) {
            int p = port(text, what, raw);
            return new int[] {p, p};
        }
        String[] ends = text.split("-", -1);
        if (ends.length != 2) {
            throw new Invalid("invalid " + what + " range " + text + " in \"" + raw + "\"");
        }
        int a = port(ends[0], what, raw);
        int b = port(ends[1], what, raw);
        if (b < a) {
            throw new Invalid("invalid " + what + " range " + text + " in \"" + raw + "\": it ends before it starts");
        }
        return new int[] {a, b};
    }

    private static int port(String text, String what, String raw) throws Invalid {
        if (text.isEmpty() || text.length() > 10 || !text.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            throw new Invalid("invalid " + what + " \"" + text + "\" in \"" + raw + "\"");
        }
        long v = Long.parseLong(text);
        if (v > 65535) {
            throw new Invalid("invalid " + what + " " + text + " in \"" + raw + "\": ports go up to 65535");
        }
        return (int) v;
    }

    /** Splits at {@code sep}, except inside {@code ${...}} (where defaults such as {@code :-} live). */
    static List<String> splitOutsideBraces(String s, char sep) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '$' && i + 1 < s.length() && s.charAt(i + 1) == '{') {
                depth++;
                i++;
            } else if (ch == '}' && depth > 0) {
                depth--;
            } else if (ch == sep && depth == 0) {
                out.add(s.substring(start, i));
                start = i + 1;
            }
        }
        out.add(s.substring(start));
        return out;
    }

    /**
     * The model's view of a parsed spec. {@code unknown} is set when any field is unknown, so rules
     * that need the whole spec stay quiet; the per-field flags say which part is missing.
     */
    public PortMapping toMapping(AddressValue ip, String raw, SourceLocation where, boolean sexagesimal) {
        return new PortMapping(ip, hostStart, hostEnd, containerStart, containerEnd, protocol, raw, where,
                anyUnknown(), sexagesimal, hostIpUnknown, hostPortUnknown, containerPortUnknown);
    }

    /**
     * A docker CLI {@code -p} value. {@code unknown} says the shell word holds an expansion: then each
     * field that holds one ({@code $X}, a command substitution) is unknown on its own. A spec the CLI
     * refuses stays wholly unknown here: the CLI flag rules report it.
     */
    public static PortMapping forCli(String raw, boolean unknown, SourceLocation where) {
        try {
            PortSpec p = unknown ? parse(raw, f -> f.indexOf('$') >= 0 || f.indexOf('`') >= 0 ? null : f) : parse(raw);
            AddressValue ip = p.hostIp() == null ? null : AddressValue.address(p.hostIp(), where);
            return p.toMapping(ip, raw, where, false);
        } catch (Invalid e) {
            return new PortMapping(null, null, null, 0, 0, "tcp", raw, where, true, false, false, false, false);
        }
    }

    /**
     * Why go-connections {@code nat.ParsePortSpec} (which the docker CLI runs on every -p) refuses the
     * spec, in its own words; null when it takes it.
     */
    public static String natRefusal(String raw) {
        int colon = raw.lastIndexOf(':');
        String container = colon < 0 ? raw : raw.substring(colon + 1);
        String rest = colon < 0 ? "" : raw.substring(0, colon);
        int hostColon = rest.lastIndexOf(':');
        String host = hostColon < 0 ? rest : rest.substring(hostColon + 1);
        String ip = hostColon < 0 ? "" : rest.substring(0, hostColon);
        if (colon >= 0 && hostColon < 0 && rest.contains("[")) {
            return null; // an odd bracket form: leave it to the value being unknown
        }
        String proto = "tcp";
        int slash = container.indexOf('/');
        if (slash >= 0) {
            String[] parts = container.split("/", -1); // nat.SplitProtoPort: the second part, empty meaning tcp
            proto = parts[1].isEmpty() ? "tcp" : parts[1];
            container = parts[0];
        }
        String bareIp = ip.startsWith("[") && ip.endsWith("]") ? ip.substring(1, ip.length() - 1) : ip;
        if (!bareIp.isEmpty() && AddressValue.address(bareIp, null).isMalformed()) {
            return "Invalid ip address: " + bareIp;
        }
        if (container.isEmpty()) {
            return "No port specified: " + raw + "<empty>";
        }
        int[] c = natRange(container);
        if (c == null) {
            return "Invalid containerPort: " + container;
        }
        if (!host.isEmpty()) {
            int[] h = natRange(host);
            if (h == null) {
                return "Invalid hostPort: " + host;
            }
            if (h[1] - h[0] != c[1] - c[0] && c[1] != c[0]) {
                return "Invalid ranges specified for container and host Ports: " + container + " and " + host;
            }
        }
        String p = proto.toLowerCase(java.util.Locale.ROOT);
        if (!p.equals("tcp") && !p.equals("udp") && !p.equals("sctp")) {
            return "Invalid proto: " + proto;
        }
        return null;
    }

    private static int[] natRange(String s) {
        java.util.regex.Matcher m = NAT_RANGE.matcher(s);
        if (!m.matches()) {
            return null;
        }
        int a = Integer.parseInt(m.group(1));
        int b = m.group(2) == null ? a : Integer.parseInt(m.group(2));
        if (a > 65535 || b > 65535 || b < a) {
            return null;
        }
        return new int[] {a, b};
    }

    private static final Pattern NAT_RANGE = Pattern.compile("([0-9]{1,5})(?:-([0-9]{1,5}))?");
}
