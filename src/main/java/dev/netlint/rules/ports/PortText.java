package dev.netlint.rules.ports;

import dev.netlint.model.PortMapping;

/** Port entries spelt back in compose's short syntax, for messages. */
final class PortText {
    private PortText() {
    }

    /** HOST:CONTAINER[/proto] without a host IP, e.g. {@code 8080-8081:80-81/udp}. */
    static String shortSyntax(PortMapping m) {
        StringBuilder sb = new StringBuilder();
        if (m.hostPortStart() != null) {
            sb.append(range(m.hostPortStart(), m.hostPortEnd())).append(':');
        }
        sb.append(range(m.containerPortStart(), m.containerPortEnd()));
        if (m.protocol() != null && !m.protocol().equalsIgnoreCase("tcp")) {
            sb.append('/').append(m.protocol());
        }
        return sb.toString();
    }

    private static String range(int start, Integer end) {
        return end == null || end == start ? Integer.toString(start) : start + "-" + end;
    }
}
