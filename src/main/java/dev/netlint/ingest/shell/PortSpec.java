package dev.netlint.ingest.shell;

import dev.netlint.model.AddressValue;
import dev.netlint.model.PortMapping;
import dev.netlint.model.SourceLocation;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses a {@code docker run -p} value: {@code [ip:][hostPort[-end]:]containerPort[-end][/proto]}. */
final class PortSpec {
    private static final Pattern RANGE = Pattern.compile("([0-9]{1,5})(?:-([0-9]{1,5}))?");

    private PortSpec() {
    }

    static PortMapping parse(String raw, boolean unknown, SourceLocation where) {
        if (unknown || refusal(raw) != null) {
            return unknownMapping(raw, where);
        }
        String s = raw;
        String proto = "tcp";
        int slash = s.lastIndexOf('/');
        if (slash >= 0) {
            proto = s.substring(slash + 1).toLowerCase(java.util.Locale.ROOT);
            s = s.substring(0, slash);
        }
        String ip = null;
        String rest = s;
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0 || close + 1 >= s.length() || s.charAt(close + 1) != ':') {
                return unknownMapping(raw, where);
            }
            ip = s.substring(1, close);
            rest = s.substring(close + 2);
        } else {
            int colons = (int) s.chars().filter(c -> c == ':').count();
            if (colons == 2) {
                int first = s.indexOf(':');
                ip = s.substring(0, first);
                rest = s.substring(first + 1);
            } else if (colons > 2) {
                return unknownMapping(raw, where);
            }
        }
        String hostPart = null;
        String containerPart = rest;
        int colon = rest.indexOf(':');
        if (colon >= 0) {
            hostPart = rest.substring(0, colon);
            containerPart = rest.substring(colon + 1);
        }
        int[] container = range(containerPart);
        if (container == null) {
            return unknownMapping(raw, where);
        }
        Integer hs = null;
        Integer he = null;
        if (hostPart != null && !hostPart.isEmpty()) {
            int[] host = range(hostPart);
            if (host == null) {
                return unknownMapping(raw, where);
            }
            hs = host[0];
            he = host[1];
        }
        AddressValue hostIp = ip == null || ip.isEmpty() ? null : AddressValue.address(ip, where);
        return new PortMapping(hostIp, hs, he, container[0], container[1], proto, raw, where, false, false);
    }

    /**
     * Why go-connections {@code nat.ParsePortSpec} (which the docker CLI runs on every -p) refuses the
     * spec, in its own words; null when it takes it.
     */
    static String refusal(String raw) {
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
        int[] c = range(container);
        if (c == null) {
            return "Invalid containerPort: " + container;
        }
        if (!host.isEmpty()) {
            int[] h = range(host);
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

    private static int[] range(String s) {
        Matcher m = RANGE.matcher(s);
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

    private static PortMapping unknownMapping(String raw, SourceLocation where) {
        return new PortMapping(null, null, null, 0, 0, "tcp", raw, where, true, false);
    }
}
