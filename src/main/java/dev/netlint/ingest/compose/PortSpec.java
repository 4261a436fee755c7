package dev.netlint.ingest.compose;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The short port syntax, split and checked the way Compose does it (docker/go-connections
 * {@code nat.ParsePortSpec}): {@code [[IP:][HOST[-HOST]]:]CONTAINER[-CONTAINER][/PROTO]}.
 * The IP may be bracketed ({@code [::1]:8080:80}); an unbracketed IPv6 address works too because
 * only the last two colon-separated parts are ports ({@code ::1:8080:80}).
 */
record PortSpec(String hostIp, Integer hostStart, Integer hostEnd, int containerStart, int containerEnd,
                String protocol) {

    /** The YAML 1.1 base-60 integer form: PyYAML (docker-compose v1) reads {@code 22:22} as 1342. */
    private static final Pattern SEXAGESIMAL = Pattern.compile("[-+]?[1-9][0-9_]*(:[0-5]?[0-9])+");

    static final class Invalid extends Exception {
        Invalid(String message) {
            super(message);
        }
    }

    static boolean yaml11Sexagesimal(String plainScalar) {
        return SEXAGESIMAL.matcher(plainScalar).matches();
    }

    static PortSpec parse(String raw) throws Invalid {
        String[] parts = raw.split(":", -1);
        int n = parts.length;
        String container = parts[n - 1];
        String host = n >= 2 ? parts[n - 2] : "";
        String ip = n >= 3 ? String.join(":", java.util.Arrays.copyOfRange(parts, 0, n - 2)) : "";

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
        if (container.isEmpty()) {
            throw new Invalid("no container port in \"" + raw + "\"");
        }
        int[] c = range(container, "container port", raw);
        Integer hs = null;
        Integer he = null;
        if (!host.isEmpty()) {
            int[] h = range(host, "host port", raw);
            hs = h[0];
            he = h[1];
            if (h[1] - h[0] != c[1] - c[0] && c[1] != c[0]) {
                throw new Invalid("invalid ranges specified for container and host ports: " + container + " and "
                        + host + " (a host range must be as long as the container range, or the container port single)");
            }
        }
        String proto = protocol.toLowerCase(Locale.ROOT);
        if (!proto.equals("tcp") && !proto.equals("udp") && !proto.equals("sctp")) {
            throw new Invalid("invalid protocol \"" + protocol + "\" in port \"" + raw + "\" (tcp, udp or sctp)");
        }
        return new PortSpec(ip.isEmpty() ? null : ip, hs, he, c[0], c[1], proto);
    }

    /** nat.ParsePortRange: N or N-M, each 0..65535, M not below N. */
    static int[] range(String text, String what, String raw) throws Invalid {
        int dash = text.indexOf('-');
        if (dash < 0) {
            int p = port(text, what, raw);
            return new int[] {p, p};
        }
        String[] ends = text.split("-", -1);
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
}
