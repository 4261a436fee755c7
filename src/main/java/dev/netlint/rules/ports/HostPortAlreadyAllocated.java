package dev.netlint.rules.ports;

import dev.netlint.address.Ip;
import dev.netlint.address.IpFamily;
import dev.netlint.deploy.DeployState;
import dev.netlint.deploy.HostPorts;
import dev.netlint.deploy.PortBinds;
import dev.netlint.deploy.Step;
import dev.netlint.model.Container;
import dev.netlint.model.Operation;
import dev.netlint.model.PortMapping;
import dev.netlint.model.Severity;
import dev.netlint.rules.RuleInfo;
import dev.netlint.rules.SimulatedRule;
import dev.netlint.rules.modes.ServiceNetworks;

import java.util.List;
import java.util.Optional;

/**
 * A published port that cannot be bound because an earlier container of the deployment holds it.
 *
 * <p>What binds what is {@link PortBinds}: an entry without a host IP binds 0.0.0.0 and ::, a family
 * wildcard clashes with every address of its family, protocols are separate, a container-only entry
 * never clashes. A host range mapped to one container port binds one free port of the range per
 * replica. The simulation keeps the first claim per host address, port and protocol (per compose
 * profile set) with a count, so the check is linear in the number of entries.
 */
@RuleInfo(id = "NL301", name = "host-port-already-allocated", severity = Severity.ERROR,
        summary = "Two published ports of one project claim the same host address, port and protocol.")
public final class HostPortAlreadyAllocated extends SimulatedRule {
    @Override
    public Phase phase() {
        return Phase.START;
    }

    @Override
    public Verdict check(Step step, DeployState state, Step.Report out) {
        if (!(step.operation() instanceof Operation.RunContainer op) || op.conditional()
                || !ServiceNetworks.ownStack(op.container()) || onlyLan(step, state)) {
            return Verdict.ACCEPTED;
        }
        Container c = op.container();
        Optional<Ip> defaultIp = step.model().defaultBindIp(step.project().host());
        Verdict verdict = Verdict.ACCEPTED;
        Own own = new Own();
        List<HostPorts.Claim> fixed = new java.util.ArrayList<>();
        for (PortMapping m : c.ports()) {
            if (!PortBinds.binds(m)) {
                continue;
            }
            List<PortBinds.Bind> binds = PortBinds.of(m.hostIp(), defaultIp);
            if (binds.isEmpty()) {
                continue;
            }
            String proto = PortBinds.protocol(m);
            int copies = PortBinds.replicas(c);
            if (PortBinds.flexible(m)) {
                List<Integer> free = state.hostPorts().freePorts(c, proto, binds, m.hostPortStart(), m.hostPortEnd(),
                        copies);
                if (free.size() < copies) {
                    out.report(ServiceNetworks.where(c, m.location()), quoted(step, m) + " of " + step.who(c)
                            + " needs one free host port in " + m.hostPortStart() + "-" + m.hostPortEnd() + "/" + proto
                            + (copies > 1 ? " for each of its " + copies + " replicas" : "") + ", but the containers"
                            + " before it leave " + (free.isEmpty() ? "none" : "only " + free.size()) + " free. The"
                            + " container fails to start: 'Bind for " + binds.get(0).text() + ":" + m.hostPortStart()
                            + " failed: port is already allocated'. Widen the range or move the other mappings out of it.");
                    verdict = Verdict.START_REFUSED;
                }
                continue;
            }
            if (copies > 1) {
                var at = c.replicasLocation();
                String ports = m.hostPortCount() == 1 ? "host port " + m.hostPortStart()
                        : "host ports " + m.hostPortStart() + "-" + m.hostPortEnd();
                out.report(ServiceNetworks.where(c, m.location()), step.who(c) + " runs " + copies + " replicas"
                        + Step.line(at) + ", and each asks for " + ports + "/" + proto + " of " + quoted(step, m)
                        + ": only the first can bind it; the others fail with 'Bind for " + binds.get(0).text() + ":"
                        + m.hostPortStart() + " failed: port is already allocated'. Give a host range with a port per"
                        + " replica (\"" + m.hostPortStart() + "-" + (m.hostPortStart() + copies - 1) + ":"
                        + m.containerPortStart() + "\"), or drop the host port so each replica gets a free one.");
                verdict = Verdict.START_REFUSED;
            }
            if (own.clash(step, c, m, proto, binds, out) || clash(step, state, c, m, proto, binds, out)) {
                verdict = Verdict.START_REFUSED;
            }
            for (int port = m.hostPortStart(); port <= m.hostPortEnd(); port++) { // fixed: flexible ones went on above
                for (PortBinds.Bind b : binds) {
                    fixed.add(new HostPorts.Claim(proto, b, port));
                }
            }
        }
        strand(step, state, c, fixed, out);
        return verdict;
    }

    /** The container's own earlier entries: the first entry per protocol, family, address and port. */
    private static final class Own {
        private final java.util.Map<List<Object>, PortMapping> byAddress = new java.util.HashMap<>();
        private final java.util.Map<List<Object>, PortMapping> anyAddress = new java.util.HashMap<>();

        boolean clash(Step step, Container c, PortMapping m, String proto, List<PortBinds.Bind> binds, Step.Report out) {
            PortMapping first = null;
            int at = 0;
            for (int port = m.hostPortStart(); port <= m.hostPortEnd() && first == null; port++) {
                for (PortBinds.Bind b : binds) {
                    PortMapping hit = b.wildcard() ? anyAddress.get(List.of(proto, b.family(), port))
                            : byAddress.get(java.util.Arrays.asList(proto, b.family(), port, b.address()));
                    if (hit == null) {
                        hit = byAddress.get(java.util.Arrays.asList(proto, b.family(), port, null));
                    }
                    if (hit != null && first == null) {
                        first = hit;
                        at = port;
                    }
                }
            }
            for (int port = m.hostPortStart(); port <= m.hostPortEnd(); port++) {
                for (PortBinds.Bind b : binds) {
                    byAddress.putIfAbsent(java.util.Arrays.asList(proto, b.family(), port, b.address()), m);
                    anyAddress.putIfAbsent(List.of(proto, b.family(), port), m);
                }
            }
            if (first == null) {
                return false;
            }
            out.report(ServiceNetworks.where(c, m.location()), "host port " + at + "/" + proto + " is published twice"
                    + " by " + step.who(c) + ": " + quoted(step, m) + " and " + quoted(step, first)
                    + Step.line(first.location()) + " bind the same address. The container fails to start: 'Bind for "
                    + binds.get(0).text() + ":" + at + " failed: port is already allocated'. Publish a different host"
                    + " port, or drop one of the entries.");
            return true;
        }
    }

    /** Fixed ports that take the last free port of an earlier host range mapped to one port. */
    private void strand(Step step, DeployState state, Container c, List<HostPorts.Claim> fixed, Step.Report out) {
        for (HostPorts.FlexHold f : state.hostPorts().stranded(c, fixed)) {
            PortMapping r = f.mapping();
            out.report(ServiceNetworks.where(f.container(), r.location()), quoted(step, r) + " of "
                    + step.who(f.container()) + " needs one free host port in " + r.hostPortStart() + "-"
                    + r.hostPortEnd() + "/" + PortBinds.protocol(r) + ", but every port of that range is taken: the ports of "
                    + step.who(c) + Step.line(c.location()) + " and the other entries of this deployment leave none free. The container fails to start: 'port is"
                    + " already allocated'. Widen the range or move the other mappings out of it.");
        }
    }

    /** Reports the first port of {@code m} an earlier claim holds; true when there is one. */
    private boolean clash(Step step, DeployState state, Container c, PortMapping m, String proto,
                          List<PortBinds.Bind> binds, Step.Report out) {
        for (int port = m.hostPortStart(); port <= m.hostPortEnd(); port++) {
            for (PortBinds.Bind b : binds) {
                List<HostPorts.PortSlot> slots = state.hostPorts().portClashes(c, proto, b, port);
                if (slots.isEmpty()) {
                    continue;
                }
                HostPorts.PortSlot first = slots.get(0);
                for (HostPorts.PortSlot s : slots) {
                    if (s.mapping().location() != null && first.mapping().location() != null
                            && s.mapping().location().line() < first.mapping().location().line()) {
                        first = s;
                    }
                }
                int others = slots.stream().mapToInt(HostPorts.PortSlot::count).sum() - 1;
                int last = port;
                while (last < m.hostPortEnd() && !state.hostPorts().portClashes(c, proto, b, last + 1).isEmpty()) {
                    last++;
                }
                String ports = last == port ? "host port " + port : "host ports " + port + "-" + last;
                PortBinds.Bind held = first.bind();
                String daemon = b.wildcard() == held.wildcard()
                        ? "'Bind for " + b.text() + ":" + port + " failed: port is already allocated'"
                        : "'listen " + proto + (b.family() == IpFamily.IPV4 ? "4 " : "6 ") + b.text() + ":" + port
                        + ": bind: address already in use'";
                out.report(ServiceNetworks.where(c, m.location()), ports + "/" + proto
                        + " is published twice: " + quoted(step, m) + " of " + step.who(c) + " and "
                        + quoted(step, first.mapping()) + " of " + step.who(first.container())
                        + Step.line(first.mapping().location())
                        + (others == 0 ? "" : " (and " + others + " more " + (others == 1 ? "entry" : "entries") + ")")
                        + " both bind " + bindText(b, held) + state.together(first.container(), c).orElse("")
                        + ". The container started second fails: " + daemon + ". Publish a different host port, bind"
                        + " each to a different host IP (\"127.0.0.1:PORT:...\" vs \"127.0.0.2:PORT:...\"), or drop"
                        + " the host port to get a free one.");
                return true;
            }
        }
        return false;
    }

    /** Only macvlan/ipvlan networks: published ports reach no port mapper. */
    private static boolean onlyLan(Step step, DeployState state) {
        var mode = step.mode();
        if (!mode.is(dev.netlint.model.NetworkMode.Kind.NETWORK)) {
            return false;
        }
        return state.network(mode.target()).map(n -> n.network() != null && n.network().isLanDriver()).orElse(false)
                && ((Operation.RunContainer) step.operation()).container().attachments().size() <= 1;
    }

    private static String quoted(Step step, PortMapping m) {
        return step.option("\"" + m.raw() + "\"", "-p " + m.raw());
    }

    private static String bindText(PortBinds.Bind a, PortBinds.Bind b) {
        if (a.wildcard() == b.wildcard()) {
            return a.text();
        }
        PortBinds.Bind specific = a.wildcard() ? b : a;
        PortBinds.Bind wild = a.wildcard() ? a : b;
        return specific.text() + ", which " + wild.text() + " (all " + (wild.family() == IpFamily.IPV4 ? "IPv4" : "IPv6")
                + " interfaces) includes";
    }
}
