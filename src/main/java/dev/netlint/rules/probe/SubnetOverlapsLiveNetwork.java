package dev.netlint.rules.probe;

import dev.netlint.model.Model;
import dev.netlint.model.Network;
import dev.netlint.model.Operation;
import dev.netlint.model.Project;
import dev.netlint.model.Severity;
import dev.netlint.rules.FindingSink;
import dev.netlint.rules.ipam.FreeSubnets;
import dev.netlint.model.Fix;
import dev.netlint.rules.Rule;
import dev.netlint.rules.RuleInfo;

import java.util.Map;
import java.util.Set;

@RuleInfo(id = "NL701", name = "subnet-taken-on-daemon", severity = Severity.ERROR,
        fixes = Fix.Applicability.SUGGESTION,
        summary = "A declared subnet overlaps a network that already exists on the probed daemon and is not the project's own.")
public final class SubnetOverlapsLiveNetwork implements Rule {
    @Override
    public void check(Model model, FindingSink out) {
        Map<String, LiveState.Daemon> daemons = LiveState.daemons(model);
        for (Project p : LiveState.declared(model)) {
            LiveState.Daemon daemon = daemons.get(p.host());
            if (daemon == null) {
                continue;
            }
            Set<String> names = LiveState.declaredNames(p);
            for (LiveState.DeclaredNetwork d : LiveState.networks(p)) {
                if (d.external() || daemon.network(d.daemonName()).isPresent()) {
                    continue; // used as it is, not created (NL702 / NL706 / NL707 cover these)
                }
                LiveState.Removed removed = removedBefore(p, d);
                for (LiveState.PoolSubnet mine : LiveState.subnets(d.network(), true)) {
                    for (Network live : daemon.networks().values()) {
                        if (removed.mayHaveRemoved(live.name()) || LiveState.owns(p, live, names)
                                || !LiveState.sameAddressSpace(d.network(), live)) {
                            continue;
                        }
                        for (LiveState.PoolSubnet theirs : LiveState.subnets(live, false)) {
                            if (mine.cidr().overlaps(theirs.cidr())) {
                                out.report(this, mine.location(), "subnet " + mine.cidr() + " overlaps "
                                        + theirs.cidr() + " of network '" + live.name() + "', which already exists on "
                                        + daemon.location() + "; creating '" + d.daemonName()
                                        + "' there fails: 'Pool overlaps with other one on this address space'. "
                                        + "Pick a free subnet, or use '" + live.name() + "' as an external network."
                                        + FreeSubnets.sentence(model, mine.pool()),
                                        FreeSubnets.fix(model, p, d.network(), mine.pool()));
                                break;
                            }
                        }
                    }
                }
            }
        }
    }

    private static LiveState.Removed removedBefore(Project p, LiveState.DeclaredNetwork d) {
        if (p.kind() != Project.Kind.SEQUENTIAL) {
            return LiveState.NOTHING_REMOVED;
        }
        for (Operation op : p.operations()) {
            if (op instanceof Operation.CreateNetwork cn && cn.network() == d.network()) {
                return LiveState.removedBefore(p, op, true);
            }
        }
        return LiveState.NOTHING_REMOVED;
    }
}
