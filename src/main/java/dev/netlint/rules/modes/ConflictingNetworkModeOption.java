package dev.netlint.rules.modes;

import dev.netlint.deploy.DeployState;
import dev.netlint.deploy.Step;
import dev.netlint.model.Container;
import dev.netlint.model.NetworkMode;
import dev.netlint.model.Operation;
import dev.netlint.model.PortMapping;
import dev.netlint.model.Severity;
import dev.netlint.model.SourceLocation;
import dev.netlint.model.Text;
import dev.netlint.rules.RuleInfo;
import dev.netlint.rules.SimulatedRule;

import java.util.List;

/**
 * The daemon's {@code validateNetMode}: a container that joins another's network stack
 * ({@code container:X}, compose {@code service:X}) cannot set anything that belongs to that stack,
 * and a host-mode container cannot set a MAC address. (Links are NL212's, aliases NL210's.)
 */
@RuleInfo(id = "NL203", name = "conflicting-network-mode-option", severity = Severity.ERROR,
        summary = "An option that the daemon refuses with this network mode (container:/service: mode with ports, "
                + "expose, hostname, dns, mac_address or extra_hosts; host mode with mac_address).",
        aliases = {"NL407"})
public final class ConflictingNetworkModeOption extends SimulatedRule {
    @Override
    public Phase phase() {
        return Phase.CREATE;
    }

    @Override
    public Verdict check(Step step, DeployState state, Step.Report out) {
        if (!(step.operation() instanceof Operation.RunContainer op)) {
            return Verdict.ACCEPTED;
        }
        Container c = op.container();
        NetworkMode mode = step.mode();
        if (mode.sharesAnotherStack()) {
            return checkShared(step, c, mode, out) ? Verdict.REFUSED : Verdict.ACCEPTED;
        }
        if (mode.is(NetworkMode.Kind.HOST) && c.macAddress() != null) {
            out.report(ServiceNetworks.where(c, c.macAddress().location()), step.who(c)
                    + " uses host networking and sets " + step.option("mac_address", "--mac-address")
                    + ": the daemon refuses it with 'conflicting options: mac-address and the network mode'"
                    + " (the host's interfaces keep their own MAC addresses). Remove it.");
            return Verdict.REFUSED;
        }
        return Verdict.ACCEPTED;
    }

    private boolean checkShared(Step step, Container c, NetworkMode mode, Step.Report out) {
        String who = step.who(c) + " joins the network stack of " + mode.spelled() + " and sets ";
        String owner = mode.is(NetworkMode.Kind.SERVICE) ? "service \"" + mode.target() + "\""
                : "container \"" + mode.target() + "\"";
        boolean any = false;
        PortMapping firstPort = c.ports().stream().filter(m -> !m.unknown()).findFirst().orElse(null);
        if (firstPort != null || c.publishAll()) {
            SourceLocation at = firstPort != null ? firstPort.location() : c.publishAllLocation();
            out.report(ServiceNetworks.where(c, at, c.portsKeyLocation()), who + step.option("ports", "-p/-P")
                    + ": the daemon refuses it with 'conflicting options: port publishing and the container type network"
                    + " mode'. Publish the ports on " + owner + ", which owns the stack, and remove them here.");
            any = true;
        }
        any |= report(c, c.expose(), out, who + step.option("expose", "--expose")
                + ": the daemon refuses it with 'conflicting options: port exposing and the container type network"
                + " mode'. Remove it (ports are " + owner + "'s to expose).");
        if (c.hostname() != null) {
            out.report(ServiceNetworks.where(c, c.hostname().location()), who + step.option("hostname", "--hostname")
                    + ": the daemon refuses it with 'conflicting options: hostname and the network mode'. Set the"
                    + " hostname on " + owner + " instead.");
            any = true;
        }
        any |= report(c, c.dns(), out, who + step.option("dns", "--dns") + ": the daemon refuses it with"
                + " 'conflicting options: dns and the network mode'. Set the DNS servers on " + owner + " instead.");
        if (c.macAddress() != null) {
            out.report(ServiceNetworks.where(c, c.macAddress().location()), who
                    + step.option("mac_address", "--mac-address") + ": the daemon refuses it with"
                    + " 'conflicting options: mac-address and the network mode'. Set it on " + owner + " instead.");
            any = true;
        }
        any |= report(c, c.extraHosts(), out, who + step.option("extra_hosts", "--add-host")
                + ": the daemon refuses it with 'conflicting options: custom host-to-IP mapping and the network mode'."
                + " Add the host entries to " + owner + " instead.");
        return any;
    }

    private static boolean report(Container c, List<Text> values, Step.Report out, String message) {
        if (values.isEmpty()) {
            return false;
        }
        out.report(ServiceNetworks.where(c, values.get(0).location()), message);
        return true;
    }
}
