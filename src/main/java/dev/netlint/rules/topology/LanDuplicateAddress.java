package dev.netlint.rules.topology;

import dev.netlint.address.IntervalSweep;
import dev.netlint.address.IntervalSweep.Interval;
import dev.netlint.address.Ip;
import dev.netlint.model.AddressValue;
import dev.netlint.model.Attachment;
import dev.netlint.model.Container;
import dev.netlint.model.Model;
import dev.netlint.model.Network;
import dev.netlint.model.Operation;
import dev.netlint.model.Project;
import dev.netlint.model.Segment;
import dev.netlint.model.Severity;
import dev.netlint.model.SourceLocation;
import dev.netlint.rules.FindingSink;
import dev.netlint.rules.Rule;
import dev.netlint.rules.RuleInfo;
import dev.netlint.rules.topology.Lans.LanPool;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The same address held on two hosts of one LAN: static addresses (--ip, ipv4_address,
 * IPAMConfig) and addresses observed in inspect dumps, on macvlan/ipvlan networks.
 */
@RuleInfo(id = "NL503", name = "lan-duplicate-address", severity = Severity.ERROR,
        summary = "The same container address is used on two hosts of one LAN.")
public final class LanDuplicateAddress implements Rule {
    private record Holder(String container, Ip ip, SourceLocation location, LanPool lan, boolean observed) { }

    @Override
    public void check(Model model, FindingSink out) {
        Lans lans = Lans.of(model);
        if (lans.pools().isEmpty()) {
            return;
        }
        Set<String> declaredHosts = new HashSet<>();
        for (Segment s : model.segments()) {
            s.effectiveMembers().forEach(m -> declaredHosts.add(m.host()));
        }
        Map<String, List<Interval<Holder>>> byLan = new LinkedHashMap<>();
        for (Project p : model.projects()) {
            if (!Lans.takesPart(p, declaredHosts)) {
                continue;
            }
            for (Network n : p.allNetworks()) {
                List<LanPool> pools = lans.of(p, n.name());
                if (pools.isEmpty()) {
                    continue;
                }
                for (Network.Endpoint e : n.endpoints()) {
                    add(byLan, pools, e.containerName(), e.ipv4(), true);
                    add(byLan, pools, e.containerName(), e.ipv6(), true);
                }
            }
            for (Container c : p.allContainers()) {
                for (Attachment a : c.attachments()) {
                    if (!a.network().known()) {
                        continue;
                    }
                    List<LanPool> pools = lans.of(p, a.network().value());
                    add(byLan, pools, c.name(), a.ipv4(), false);
                    add(byLan, pools, c.name(), a.ipv6(), false);
                    add(byLan, pools, c.name(), a.observedIpv4(), true);
                    add(byLan, pools, c.name(), a.observedIpv6(), true);
                }
            }
            for (Operation op : p.operations()) {
                if (op instanceof Operation.RunContainer r && !r.networks().isEmpty() && r.networks().get(0).known()) {
                    // docker run --ip/--ip6 apply to the (first) --network
                    List<LanPool> pools = lans.of(p, r.networks().get(0).value());
                    add(byLan, pools, r.container().name(), r.ipv4(), false);
                    add(byLan, pools, r.container().name(), r.ipv6(), false);
                }
                if (op instanceof Operation.Connect c && c.network().known()) {
                    List<LanPool> pools = lans.of(p, c.network().value());
                    String who = c.container().known() ? c.container().value() : "?";
                    add(byLan, pools, who, c.ipv4(), false);
                    add(byLan, pools, who, c.ipv6(), false);
                }
            }
        }
        // a script's docker run --ip is both an operation and its container's attachment: one finding
        Set<String> reported = new HashSet<>();
        for (List<Interval<Holder>> points : byLan.values()) {
            IntervalSweep.duplicatesAcrossGroups(points, (later, witness) -> {
                Holder a = later.item();
                Holder b = witness.item();
                if (!reported.add(a.location() + "|" + b.location())) {
                    return;
                }
                out.report(this, a.location(), b.lan().host + " and " + a.lan().host + ", both on the "
                        + a.lan().describeLan() + ", give out one address: address " + a.ip() + (a.observed() ? " (in use)" : "")
                        + " of container " + a.container() + " on " + a.lan().describe() + " is also "
                        + (b.observed() ? "in use by" : "given to") + " container " + b.container()
                        + " on " + b.lan().describe() + " at " + Lans.where(b.location()) + ". Two hosts then answer ARP for one address and traffic "
                        + "goes to whichever answered last. Give each container its own address, outside every "
                        + "host's ip-range.");
            });
        }
    }

    private static void add(Map<String, List<Interval<Holder>>> byLan, List<LanPool> pools, String container,
                            AddressValue v, boolean observed) {
        if (v == null || pools.isEmpty()) {
            return;
        }
        Optional<Ip> ip = v.asIp();
        if (ip.isEmpty()) {
            return;
        }
        LanPool home = null;
        for (LanPool p : pools) {
            if (p.subnet.contains(ip.get())) {
                home = p;
                break;
            }
        }
        if (home == null) {
            return; // not on the LAN's subnet: the IPAM rules report that
        }
        Holder h = new Holder(container, ip.get(), v.location(), home, observed);
        byLan.computeIfAbsent(home.lanKey, k -> new ArrayList<>()).add(Interval.of(ip.get(), home.host, h));
    }
}
