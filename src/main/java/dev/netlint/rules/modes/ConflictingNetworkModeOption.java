package dev.netlint.rules.modes;

import dev.netlint.model.Container;
import dev.netlint.model.Model;
import dev.netlint.model.NetworkMode;
import dev.netlint.model.PortMapping;
import dev.netlint.model.Project;
import dev.netlint.model.Severity;
import dev.netlint.model.SourceLocation;
import dev.netlint.model.Text;
import dev.netlint.rules.FindingSink;
import dev.netlint.rules.Rule;
import dev.netlint.rules.RuleInfo;

import java.util.List;

/**
 * The daemon's {@code validateNetMode}: a container that joins another's network stack
 * ({@code container:X}, compose {@code service:X}) cannot set anything that belongs to that stack,
 * and a host-mode container cannot set a MAC address.
 */
@RuleInfo(id = "NL203", name = "conflicting-network-mode-option", severity = Severity.ERROR,
        summary = "An option that the daemon refuses with this network mode (container:/service: mode with ports, "
                + "expose, hostname, dns, mac_address, extra_hosts or links; host mode with mac_address).")
public final class ConflictingNetworkModeOption implements Rule {
    @Override
    public void check(Model model, FindingSink out) {
        for (Project p : model.projects()) {
            if (p.kind() != Project.Kind.DECLARATIVE) {
                // Scripts: the script simulation (NL4xx) reports refused options in command order.
                // Observed containers already passed the daemon's checks; an inspected container shows
                // its image's EXPOSE and other merged settings that were never options of its own.
                continue;
            }
            for (Container c : ServiceNetworks.containersOf(p)) {
                NetworkMode mode = c.networkMode();
                if (mode.sharesAnotherStack()) {
                    checkShared(p, c, mode, out);
                } else if (mode.is(NetworkMode.Kind.HOST) && c.macAddress() != null) {
                    out.report(this, ServiceNetworks.where(c, c.macAddress().location()), ServiceNetworks.describe(p, c)
                            + " uses host networking and sets "
                            + ServiceNetworks.option(p, "mac_address", "--mac-address")
                            + ": the daemon refuses it with 'conflicting options: mac-address and the network mode'"
                            + " (the host's interfaces keep their own MAC addresses). Remove it.");
                }
            }
        }
    }

    private void checkShared(Project p, Container c, NetworkMode mode, FindingSink out) {
        String who = ServiceNetworks.describe(p, c) + " joins the network stack of " + mode.spelled() + " and sets ";
        String owner = mode.is(NetworkMode.Kind.SERVICE) ? "service \"" + mode.target() + "\""
                : "container \"" + mode.target() + "\"";
        PortMapping firstPort = c.ports().stream().filter(m -> !m.unknown()).findFirst().orElse(null);
        if (firstPort != null || c.publishAll()) {
            SourceLocation at = firstPort != null ? firstPort.location() : c.publishAllLocation();
            out.report(this, ServiceNetworks.where(c, at, c.portsKeyLocation()), who
                    + ServiceNetworks.option(p, "ports", "-p/-P") + ": the daemon refuses it with 'conflicting options:"
                    + " port publishing and the container type network mode'. Publish the ports on " + owner
                    + ", which owns the stack, and remove them here.");
        }
        report(p, c, c.expose(), out, who + ServiceNetworks.option(p, "expose", "--expose")
                + ": the daemon refuses it with 'conflicting options: port exposing and the container type network"
                + " mode'. Remove it (ports are " + owner + "'s to expose).");
        if (c.hostname() != null) {
            out.report(this, ServiceNetworks.where(c, c.hostname().location()), who
                    + ServiceNetworks.option(p, "hostname", "--hostname") + ": the daemon refuses it with 'conflicting"
                    + " options: hostname and the network mode'. Set the hostname on " + owner + " instead.");
        }
        report(p, c, c.dns(), out, who + ServiceNetworks.option(p, "dns", "--dns") + ": the daemon refuses it with"
                + " 'conflicting options: dns and the network mode'. Set the DNS servers on " + owner + " instead.");
        if (c.macAddress() != null) {
            out.report(this, ServiceNetworks.where(c, c.macAddress().location()), who
                    + ServiceNetworks.option(p, "mac_address", "--mac-address") + ": the daemon refuses it with"
                    + " 'conflicting options: mac-address and the network mode'. Set it on " + owner + " instead.");
        }
        report(p, c, c.extraHosts(), out, who + ServiceNetworks.option(p, "extra_hosts", "--add-host")
                + ": the daemon refuses it with 'conflicting options: custom host-to-IP mapping and the network mode'."
                + " Add the host entries to " + owner + " instead.");
        report(p, c, c.links(), out, who + ServiceNetworks.option(p, "links", "--link")
                + ": the daemon refuses it with 'conflicting options: container type network can't be used with links."
                + " This would result in undefined behavior'. Remove the links: the container already sees what "
                + owner + " sees.");
    }

    private void report(Project p, Container c, List<Text> values, FindingSink out, String message) {
        if (!values.isEmpty()) {
            out.report(this, ServiceNetworks.where(c, values.get(0).location()), message);
        }
    }
}
