package dev.netlint.rules.ipam;

import dev.netlint.address.Cidr;
import dev.netlint.model.AddressValue;
import dev.netlint.model.DaemonSettings;
import dev.netlint.model.IpamPool;
import dev.netlint.model.Model;
import dev.netlint.model.Network;
import dev.netlint.model.Project;
import dev.netlint.model.Severity;
import dev.netlint.rules.FindingSink;
import dev.netlint.model.Fix;
import dev.netlint.rules.Rule;
import dev.netlint.rules.RuleInfo;

import java.util.Optional;

@RuleInfo(id = "NL113", name = "default-bridge-overlap", severity = Severity.ERROR,
        fixes = Fix.Applicability.SUGGESTION,
        summary = "A subnet overlaps the default bridge network (172.17.0.0/16, or the configured bip).")
public final class DefaultBridgeOverlap implements Rule {
    @Override
    public void check(Model model, FindingSink out) {
        for (Ipam.Net net : Ipam.networks(model)) {
            Network n = net.network();
            // Observed networks already exist; overlay pools live in the swarm's address space.
            if (net.project().kind() == Project.Kind.OBSERVED || Ipam.hasNoAddressing(n) || !Ipam.localScope(n)
                    || !Ipam.defaultIpam(n)) {
                continue;
            }
            Optional<Cidr> bridge = model.defaultBridge(net.project().host());
            if (bridge.isEmpty()) {
                continue;
            }
            for (IpamPool pool : n.pools()) {
                Optional<Cidr> c = Ipam.cidr(pool.subnet());
                if (c.isPresent() && c.get().normalized().overlaps(bridge.get())) {
                    out.report(this, pool.subnet().location(), "subnet " + c.get() + " overlaps the default bridge "
                            + "network docker0 (" + bridge.get() + ", " + source(model, net.project().host()) + "): the "
                            + "daemon refuses to create the network ('Pool overlaps with other one on this address "
                            + "space'). Pick a subnet outside " + bridge.get() + "." + FreeSubnets.sentence(model, pool),
                            FreeSubnets.fix(model, net.project(), n, pool));
                }
            }
        }
    }

    /** Where the default bridge's subnet comes from, for the message. */
    static String source(Model model, String host) {
        AddressValue bip = model.daemonOf(host).map(DaemonSettings::bip).orElse(null);
        if (bip != null) {
            return "bip in " + bip.location().file() + Ipam.line(bip.location());
        }
        if (model.configuredBip() != null) {
            return "bip in the netlint configuration";
        }
        return "Docker's default";
    }
}
