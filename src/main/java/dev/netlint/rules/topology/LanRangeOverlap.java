package dev.netlint.rules.topology;

import dev.netlint.address.IntervalSweep;
import dev.netlint.address.IntervalSweep.Interval;
import dev.netlint.model.Model;
import dev.netlint.model.Severity;
import dev.netlint.rules.FindingSink;
import dev.netlint.rules.Rule;
import dev.netlint.rules.RuleInfo;
import dev.netlint.rules.topology.Lans.LanPool;

import java.util.ArrayList;
import java.util.List;

@RuleInfo(id = "NL501", name = "lan-ip-range-overlap", severity = Severity.ERROR,
        summary = "macvlan/ipvlan networks on different hosts of one LAN allocate from overlapping ranges, so containers get duplicate addresses.")
public final class LanRangeOverlap implements Rule {
    @Override
    public void check(Model model, FindingSink out) {
        for (List<LanPool> lan : Lans.of(model).byLan().values()) {
            if (lan.size() < 2) {
                continue;
            }
            List<Interval<LanPool>> ranges = new ArrayList<>(lan.size());
            for (LanPool p : lan) {
                ranges.add(p.range);
            }
            IntervalSweep.overlapsAcrossGroups(ranges, (later, witness) -> {
                LanPool a = later.item();
                LanPool b = witness.item();
                out.report(this, a.rangeValue.location(), b.host + " and " + a.host + ", both on the "
                        + a.describeLan() + ", allocate from overlapping ranges: " + a.describeRange() + " of "
                        + a.describe() + " overlaps " + b.describeRange() + " of " + b.describe() + " at "
                        + Lans.where(b.rangeValue.location()) + ". Each daemon hands out addresses from its own range without knowing the other host's, "
                        + "so containers on both hosts get the same address and nothing refuses it. "
                        + "Give every host on the LAN a disjoint --ip-range (ip_range), e.g. one /28 per host.");
            });
        }
    }
}
