package dev.netlint.rules.topology;

import dev.netlint.model.Attachment;
import dev.netlint.model.Container;
import dev.netlint.model.Host;
import dev.netlint.model.Model;
import dev.netlint.model.Network;
import dev.netlint.model.NetworkMode;
import dev.netlint.model.Project;
import dev.netlint.model.Severity;
import dev.netlint.model.Text;
import dev.netlint.rules.FindingSink;
import dev.netlint.rules.Rule;
import dev.netlint.rules.RuleInfo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A container whose only networks are macvlan/ipvlan and which is set up to talk to its own host:
 * an extra_hosts entry for {@code host.docker.internal} or {@code host-gateway}, or an extra_hosts
 * or dns address equal to one of its host's configured addresses. The kernel does not pass traffic
 * between a macvlan/ipvlan child and its parent interface, so none of that reaches the host.
 */
@RuleInfo(id = "NL505", name = "macvlan-host-unreachable", severity = Severity.NOTE,
        summary = "A container on macvlan/ipvlan networks only is set up to reach its own host, which macvlan isolation prevents.")
public final class MacvlanHostUnreachable implements Rule {
    @Override
    public void check(Model model, FindingSink out) {
        for (Project p : model.projects()) {
            Set<String> hostAddrs = new HashSet<>();
            Host host = model.hosts().get(p.host());
            if (host != null) {
                host.hostAddresses().forEach(v -> v.asIp().ifPresent(ip -> hostAddrs.add(ip.toString())));
            }
            for (Container c : p.allContainers()) {
                Optional<Network> lan = onlyLanNetwork(p, c);
                if (lan.isEmpty()) {
                    continue;
                }
                Text hint = hostReach(c, hostAddrs);
                if (hint == null) {
                    continue;
                }
                Network n = lan.get();
                String parent = n.parent().filter(Text::known).map(Text::value).orElse("its parent interface");
                out.report(this, hint.location(), "container " + c.name() + " is set up to reach its own host ('"
                        + hint.value() + "'), but its only network " + n.name() + " is " + n.driverName().orElse("macvlan")
                        + ": the kernel passes no traffic between a " + n.driverName().orElse("macvlan")
                        + " interface and its parent " + parent + ", so the host is unreachable from it. "
                        + "Also attach a bridge network for traffic to the host, or give the host a macvlan "
                        + "interface of its own on " + parent + ".");
            }
        }
    }

    /** The network when every network of the container is macvlan/ipvlan (and all are known); else empty. */
    private static Optional<Network> onlyLanNetwork(Project p, Container c) {
        NetworkMode mode = c.networkMode();
        if (mode.unknown() || mode.is(NetworkMode.Kind.HOST) || mode.is(NetworkMode.Kind.NONE)
                || mode.is(NetworkMode.Kind.BRIDGE) || mode.sharesAnotherStack()) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>();
        for (Attachment a : c.attachments()) {
            if (!a.network().known()) {
                return Optional.empty();
            }
            names.add(a.network().value());
        }
        if (mode.is(NetworkMode.Kind.NETWORK) && !names.contains(mode.target())) {
            names.add(mode.target());
        }
        for (dev.netlint.model.Operation op : p.operations()) {
            if (op instanceof dev.netlint.model.Operation.RunContainer r && r.container() == c) {
                for (Text t : r.networks()) {
                    if (!t.known()) {
                        return Optional.empty();
                    }
                    if (!names.contains(t.value())) {
                        names.add(t.value());
                    }
                }
            }
        }
        if (names.isEmpty()) {
            return Optional.empty();
        }
        Network first = null;
        for (String name : names) {
            Optional<Network> n = network(p, name);
            if (n.isEmpty() || !n.get().isLanDriver()) {
                return Optional.empty();
            }
            if (first == null) {
                first = n.get();
            }
        }
        return Optional.ofNullable(first);
    }

    private static Optional<Network> network(Project p, String name) {
        for (Network n : p.allNetworks()) {
            if (n.name().equals(name)) {
                return Optional.of(n);
            }
        }
        return Optional.empty();
    }

    private static Text hostReach(Container c, Set<String> hostAddrs) {
        for (Text t : c.extraHosts()) {
            if (!t.known()) {
                continue;
            }
            String v = t.value().toLowerCase(Locale.ROOT);
            if (v.contains("host-gateway") || v.startsWith("host.docker.internal")) {
                return t;
            }
            if (!hostAddrs.isEmpty()) {
                int sep = Math.max(v.lastIndexOf('='), v.indexOf(':'));
                String addr = sep >= 0 ? v.substring(sep + 1).trim() : v;
                if (hostAddrs.contains(addr)) {
                    return t;
                }
            }
        }
        for (Text t : c.dns()) {
            if (t.known() && hostAddrs.contains(t.value().trim())) {
                return t;
            }
        }
        return null;
    }
}
