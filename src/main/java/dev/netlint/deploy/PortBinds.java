package dev.netlint.deploy;

import dev.netlint.address.Ip;
import dev.netlint.address.IpFamily;
import dev.netlint.model.AddressValue;
import dev.netlint.model.PortMapping;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which host addresses a published port binds, as the daemon binds them: an entry without a host IP
 * binds the port on 0.0.0.0 and :: (or on daemon.json's "ip"); 0.0.0.0 and :: bind one family each.
 * A family wildcard takes the port from every address of that family; tcp, udp and sctp are separate.
 */
public final class PortBinds {
    private PortBinds() {
    }

    /** Where one mapping binds: a family wildcard ({@code address} null) or a specific address. */
    public record Bind(IpFamily family, Ip address) {
        public boolean wildcard() {
            return address == null;
        }

        public boolean clashes(Bind o) {
            return family == o.family && (wildcard() || o.wildcard() || address.equals(o.address));
        }

        public String text() {
            if (address != null) {
                return family == IpFamily.IPV6 ? "[" + address + "]" : address.toString();
            }
            return family == IpFamily.IPV4 ? "0.0.0.0" : "[::]";
        }
    }

    /** The addresses an entry binds; empty when its host IP is unknown or malformed. */
    public static List<Bind> of(AddressValue hostIp, Optional<Ip> defaultIp) {
        if (hostIp == null) {
            if (defaultIp.isPresent() && !defaultIp.get().isUnspecified()) {
                return List.of(new Bind(defaultIp.get().family(), defaultIp.get()));
            }
            if (defaultIp.isPresent()) {
                return List.of(new Bind(defaultIp.get().family(), null));
            }
            return List.of(new Bind(IpFamily.IPV4, null), new Bind(IpFamily.IPV6, null));
        }
        Optional<Ip> ip = hostIp.asIp();
        if (ip.isEmpty()) {
            return List.of();
        }
        return List.of(new Bind(ip.get().family(), ip.get().isUnspecified() ? null : ip.get()));
    }

    public static String protocol(PortMapping m) {
        return m.protocol() == null ? "tcp" : m.protocol().toLowerCase(Locale.ROOT);
    }

    /** A host range mapped to one container port: it binds ONE free port of the range. */
    public static boolean flexible(PortMapping m) {
        return m.hostPortCount() > 1 && m.containerPortStart() == m.containerPortEnd();
    }

    /** How many copies of a service run: its scale or deploy.replicas, at least one. */
    public static int replicas(dev.netlint.model.Container c) {
        return c.replicas() == null ? 1 : Math.max(1, c.replicas());
    }

    /** A mapping that binds host ports at all (known, with a sane host port). */
    public static boolean binds(PortMapping m) {
        return !m.unknown() && m.publishesHostPort() && m.hostPortStart() > 0 && m.hostPortEnd() >= m.hostPortStart();
    }
}
