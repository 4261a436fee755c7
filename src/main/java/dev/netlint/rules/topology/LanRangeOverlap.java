package dev.netlint.rules.topology;

import dev.netlint.address.Cidr;
import dev.netlint.address.FreeBlocks;
import dev.netlint.address.Ip;
import dev.netlint.address.IntervalSweep;
import dev.netlint.address.IntervalSweep.Interval;
import dev.netlint.model.AddressValue;
import dev.netlint.model.Model;
import dev.netlint.model.Project;
import dev.netlint.model.Severity;
import dev.netlint.rules.FindingSink;
import dev.netlint.model.Fix;
import dev.netlint.rules.Rule;
import dev.netlint.rules.RuleInfo;
import dev.netlint.rules.topology.Lans.LanPool;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@RuleInfo(id = "NL501", name = "lan-ip-range-overlap", severity = Severity.ERROR,
        fixes = Fix.Applicability.SUGGESTION,
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
            List<LanPool[]> clashes = new ArrayList<>();
            IntervalSweep.overlapsAcrossGroups(ranges, (later, witness) -> clashes.add(
                    new LanPool[] {later.item(), witness.item()}));
            Map<LanPool, Cidr> moves = disjointRanges(lan, clashes);
            for (LanPool[] c : clashes) {
                LanPool a = c[0];
                LanPool b = c[1];
                Cidr move = moves.get(a);
                out.report(this, a.rangeValue.location(), b.host + " and " + a.host + ", both on the "
                        + a.describeLan() + ", allocate from overlapping ranges: " + a.describeRange() + " of "
                        + a.describe() + " overlaps " + b.describeRange() + " of " + b.describe() + " at "
                        + Lans.where(b.rangeValue.location()) + ". Each daemon hands out addresses from its own range without knowing the other host's, "
                        + "so containers on both hosts get the same address and nothing refuses it. "
                        + "Give every host on the LAN a disjoint --ip-range (ip_range), e.g. one /28 per host."
                        + (move == null ? "" : " A free one here is " + move + "."),
                        move == null ? null : Fix.suggestion("use the free range " + move + " on host " + a.host,
                                Fix.Edit.replace(a.pool.ipRange().location(), a.pool.ipRange().raw().trim(),
                                        move.toString())));
            }
        }
    }

    /**
     * A disjoint range of the same size inside the LAN subnet for each pool that clashes, avoiding
     * every range on the LAN, the gateways, the segment's reserved addresses, and the subnet's
     * network and broadcast addresses; in LAN order, each new range reserved before the next.
     */
    private static Map<LanPool, Cidr> disjointRanges(List<LanPool> lan, List<LanPool[]> clashes) {
        Map<LanPool, Cidr> out = new IdentityHashMap<>();
        for (LanPool[] c : clashes) {
            LanPool a = c[0];
            if (out.containsKey(a) || a.pool.ipRange() == null || a.pool.ipRange().raw() == null
                    || a.project.kind() == Project.Kind.OBSERVED) {
                continue;
            }
            Optional<Cidr> range = a.pool.ipRange().asCidr();
            if (range.isEmpty()) {
                continue;
            }
            Cidr subnet = a.subnet.normalized();
            FreeBlocks free = new FreeBlocks(List.of(subnet), out.values());
            for (LanPool p : lan) {
                Optional<Cidr> r = Optional.ofNullable(p.pool.ipRange()).flatMap(AddressValue::asCidr);
                Optional<Ip> leaseStart = Optional.ofNullable(p.pool.leaseStart()).flatMap(AddressValue::asIp);
                Optional<Ip> leaseEnd = Optional.ofNullable(p.pool.leaseEnd()).flatMap(AddressValue::asIp);
                if (r.isPresent()) {
                    free.reserve(r.get());
                } else if (leaseStart.isPresent() && leaseEnd.isPresent()) {
                    free.reserve(leaseStart.get(), leaseEnd.get());
                } else {
                    free.reserve(p.subnet);
                }
                p.gateway().ifPresent(g -> free.reserve(g, g));
            }
            if (a.segment != null) {
                for (AddressValue v : a.segment.reservedAddresses()) {
                    v.asIp().ifPresent(ip -> free.reserve(ip, ip));
                    v.asCidr().ifPresent(free::reserve);
                }
                Optional.ofNullable(a.segment.gateway()).flatMap(AddressValue::asIp).ifPresent(g -> free.reserve(g, g));
            }
            free.reserve(subnet.first(), subnet.first());
            free.reserve(subnet.last(), subnet.last());
            free.first(range.get().family(), range.get().prefixLength()).ifPresent(block -> out.put(a, block));
        }
        return out;
    }
}
