package dev.netlint.rules.script;

import dev.netlint.deploy.DeployState;
import dev.netlint.deploy.Step;
import dev.netlint.model.AddressValue;
import dev.netlint.model.Network;
import dev.netlint.model.NetworkMode;
import dev.netlint.model.Operation;
import dev.netlint.model.Severity;
import dev.netlint.model.Text;
import dev.netlint.rules.RuleInfo;
import dev.netlint.rules.SimulatedRule;

import dev.netlint.model.IpamPool;

@RuleInfo(id = "NL412", name = "macvlan-parent-in-use", severity = Severity.ERROR,
        summary = "A script creates a second macvlan network on a parent interface another macvlan network already uses.")
public final class MacvlanParentInUse extends SimulatedRule {
    @Override
    public Phase phase() {
        return Phase.CREATE;
    }

    @Override
    public Verdict check(Step step, DeployState state, Step.Report out) {
        if (!(step.operation() instanceof Operation.CreateNetwork op) || op.conditional()
                || !op.network().isDriver("macvlan")) {
            return Verdict.ACCEPTED;
        }
        Text p = op.network().parent().orElse(null);
        if (p == null || !p.known() || p.value().isEmpty()) {
            return Verdict.ACCEPTED;
        }
        String parent = p.value();
        for (DeployState.NetworkState other : state.createdNetworks()) {
            if (parent.equals(other.parent()) && !overlaps(op.network(), other.network())) {
                out.report(p.location(), "macvlan network '" + other.name() + "'" + Step.line(other.network().location())
                        + " already uses parent interface " + parent + "; the daemon refuses: \"network dm-<ID> is "
                        + "already using parent interface " + parent + "\". Put both subnets on one macvlan network, "
                        + "or give this one its own 802.1q sub-interface (parent=" + parent + ".<vlan>).");
                return Verdict.REFUSED;
            }
        }
        return Verdict.ACCEPTED;
    }

    /** Overlapping subnets: then the daemon's overlap error comes first (an IPAM rule reports it). */
    private static boolean overlaps(Network a, Network b) {
        for (IpamPool pa : a.pools()) {
            for (IpamPool pb : b.pools()) {
                if (pa.subnet() != null && pb.subnet() != null && pa.subnet().asCidr().isPresent()
                        && pb.subnet().asCidr().isPresent()
                        && pa.subnet().asCidr().get().overlaps(pb.subnet().asCidr().get())) {
                    return true;
                }
            }
        }
        return false;
    }
}
