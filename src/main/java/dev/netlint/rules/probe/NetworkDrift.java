package dev.netlint.rules.probe;

import dev.netlint.address.Cidr;
import dev.netlint.model.AddressValue;
import dev.netlint.model.IpamPool;
import dev.netlint.model.Model;
import dev.netlint.model.Network;
import dev.netlint.model.Project;
import dev.netlint.model.Severity;
import dev.netlint.model.SourceLocation;
import dev.netlint.model.Text;
import dev.netlint.rules.FindingSink;
import dev.netlint.rules.Rule;
import dev.netlint.rules.RuleInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@RuleInfo(id = "NL706", name = "network-drift", severity = Severity.WARNING,
        summary = "A compose network already exists on the probed daemon with another driver, IPAM or options than the file declares.")
public final class NetworkDrift implements Rule {
    @Override
    public void check(Model model, FindingSink out) {
        Map<String, LiveState.Daemon> daemons = LiveState.daemons(model);
        for (Project p : LiveState.declared(model)) {
            LiveState.Daemon daemon = daemons.get(p.host());
            if (daemon == null || p.kind() != Project.Kind.DECLARATIVE) {
                continue;
            }
            for (LiveState.DeclaredNetwork d : LiveState.networks(p)) {
                if (d.external()) {
                    continue;
                }
                daemon.network(d.daemonName()).ifPresent(live -> compare(d, live, daemon, out));
            }
        }
    }

    private record Diff(SourceLocation at, String what) {
    }

    private void compare(LiveState.DeclaredNetwork d, Network live, LiveState.Daemon daemon, FindingSink out) {
        Network mine = d.network();
        List<Diff> diffs = new ArrayList<>();
        Optional<String> myDriver = mine.driverName();
        Optional<String> liveDriver = live.driverName();
        if (myDriver.isPresent() && liveDriver.isPresent() && !myDriver.get().equals(liveDriver.get())) {
            diffs.add(new Diff(mine.driver() != null ? mine.driver().location() : mine.location(),
                    "driver " + liveDriver.get() + " (file: " + myDriver.get() + ")"));
        }
        if (mine.internal() != null && live.internal() != null && !mine.internal().equals(live.internal())) {
            diffs.add(new Diff(mine.declaredKeys().getOrDefault("internal", mine.location()),
                    "internal " + live.internal() + " (file: " + mine.internal() + ")"));
        }
        if (mine.enableIpv6() != null && live.enableIpv6() != null && !mine.enableIpv6().equals(live.enableIpv6())) {
            diffs.add(new Diff(mine.enableIpv6Location() != null ? mine.enableIpv6Location() : mine.location(),
                    "enable_ipv6 " + live.enableIpv6() + " (file: " + mine.enableIpv6() + ")"));
        }
        for (var e : mine.options().entrySet()) {
            Text v = e.getValue();
            if (v == null || !v.known()) {
                continue;
            }
            Text theirs = live.options().get(e.getKey());
            if (theirs == null || !theirs.is(v.value())) {
                diffs.add(new Diff(v.location(), "option " + e.getKey() + "="
                        + (theirs == null ? "(unset)" : theirs.value()) + " (file: " + v.value() + ")"));
            }
        }
        ipam(mine, live, diffs);
        if (diffs.isEmpty()) {
            return;
        }
        List<String> what = diffs.stream().map(Diff::what).toList();
        out.report(this, diffs.get(0).at(), "network '" + d.daemonName() + "' already exists on " + daemon.location()
                + " with " + String.join(", ", what) + "; a deploy reuses the existing network as it is, or stops "
                + "until it is removed, depending on the compose version. Align the file with the daemon or "
                + "recreate the network (docker network rm " + d.daemonName() + ")");
    }

    /** Compares pools by subnet; ranges and gateways of matching subnets too. Only when the file pins IPAM. */
    private static void ipam(Network mine, Network live, List<Diff> diffs) {
        List<LiveState.PoolSubnet> declared = LiveState.subnets(mine, true);
        if (declared.isEmpty()) {
            return;
        }
        List<LiveState.PoolSubnet> actual = LiveState.subnets(live, false);
        for (LiveState.PoolSubnet p : declared) {
            Optional<LiveState.PoolSubnet> match = actual.stream().filter(a -> a.cidr().equals(p.cidr())).findFirst();
            if (match.isEmpty()) {
                diffs.add(new Diff(p.location(), "subnet " + LiveState.subnetsOf(live) + " (file: " + p.cidr() + ")"));
                continue;
            }
            IpamPool mp = p.pool();
            IpamPool lp = match.get().pool();
            if (differs(cidr(mp.ipRange()), cidr(lp.ipRange()), mp.ipRange() != null)) {
                diffs.add(new Diff(mp.ipRange().location(), "ip_range " + raw(lp.ipRange()) + " (file: " + raw(mp.ipRange()) + ")"));
            }
            if (mp.gateway() != null && mp.gateway().asIp().isPresent() && lp.gateway() != null
                    && !mp.gateway().asIp().equals(lp.gateway().asIp())) {
                diffs.add(new Diff(mp.gateway().location(), "gateway " + raw(lp.gateway()) + " (file: " + raw(mp.gateway()) + ")"));
            }
        }
    }

    private static Optional<Cidr> cidr(AddressValue v) {
        return v == null ? Optional.empty() : v.asCidr().map(Cidr::normalized);
    }

    private static boolean differs(Optional<Cidr> mine, Optional<Cidr> live, boolean declared) {
        return declared && mine.isPresent() && !mine.equals(live);
    }

    private static String raw(AddressValue v) {
        return v == null ? "(none)" : v.raw();
    }
}
