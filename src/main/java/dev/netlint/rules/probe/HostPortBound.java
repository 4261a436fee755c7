package dev.netlint.rules.probe;

import dev.netlint.model.Container;
import dev.netlint.model.Model;
import dev.netlint.model.PortMapping;
import dev.netlint.model.Project;
import dev.netlint.model.Severity;
import dev.netlint.rules.FindingSink;
import dev.netlint.rules.Rule;
import dev.netlint.rules.RuleInfo;

import java.util.Locale;

@RuleInfo(id = "NL704", name = "host-port-taken-on-daemon", severity = Severity.ERROR,
        summary = "A published host port is already bound by a running container on the probed daemon (same address or a wildcard, same port and protocol).")
public final class HostPortBound implements Rule {
    @Override
    public void check(Model model, FindingSink out) {
        LiveState.forEachDeployedContainer(model, run -> run.start() && !run.opaque(),
                (p, c, removed, daemon) -> check(p, c, removed, daemon, out));
    }

    private void check(Project p, Container c, LiveState.Removed removed, LiveState.Daemon daemon, FindingSink out) {
        if (c.networkMode().sharesAnotherStack() || c.networkMode().unknown()) {
            return;
        }
        for (PortMapping mine : c.ports()) {
            if (mine.unknown() || !mine.publishesHostPort()
                    || (mine.hostIp() != null && mine.hostIp().asIp().isEmpty())) {
                continue;
            }
            String proto = proto(mine.protocol());
            boolean reported = false;
            for (Container live : daemon.containers().values()) {
                if (reported) {
                    break;
                }
                if (!Boolean.TRUE.equals(live.running()) || removed.mayHaveRemoved(live.name())
                        || LiveState.owns(p, live) || sameFixedName(c, live)) {
                    continue;
                }
                for (PortMapping theirs : live.ports()) {
                    if (!theirs.publishesHostPort() || !proto(theirs.protocol()).equals(proto)
                            || theirs.hostPortStart() > mine.hostPortEnd() || theirs.hostPortEnd() < mine.hostPortStart()
                            || !LiveState.bindClash(mine.hostIp(), theirs.hostIp())) {
                        continue;
                    }
                    int port = theirs.hostPortStart();
                    var myIp = mine.hostIp() == null ? null : mine.hostIp().asIp().orElseThrow();
                    boolean v6 = myIp != null && myIp.family() == dev.netlint.address.IpFamily.IPV6;
                    String ip = myIp == null ? "0.0.0.0" : v6 ? "[" + myIp + "]" : myIp.toString();
                    String reason = sameAddress(mine, theirs)
                            ? "'Bind for " + ip + ":" + port + " failed: port is already allocated'"
                            : "'Error starting userland proxy: listen " + proto + (v6 ? "6 " : "4 ") + ip + ":" + port
                                    + ": bind: address already in use'";
                    out.report(this, mine.location(), "host port " + port + "/" + proto + " is already bound on "
                            + daemon.location() + " by running container '" + live.name() + "' (" + theirs.raw()
                            + "); starting this container fails: " + reason
                            + ". Publish another host port or stop '" + live.name() + "'");
                    reported = true;
                    break;
                }
            }
        }
    }

    /** Both on the same address, or both on the wildcard of one family: the daemon's own port allocator refuses. */
    private static boolean sameAddress(PortMapping mine, PortMapping theirs) {
        if (theirs.hostIp() == null) { // bound on every interface of both families
            return mine.hostIp() == null || mine.hostIp().asIp().map(ip -> ip.isUnspecified()).orElse(false);
        }
        var l = theirs.hostIp().asIp().orElseThrow();
        if (mine.hostIp() == null) {
            return l.isUnspecified();
        }
        var d = mine.hostIp().asIp().orElseThrow();
        return d.equals(l);
    }

    private static boolean sameFixedName(Container declared, Container live) {
        return declared.fixedName() != null && declared.fixedName().is(live.name());
    }

    private static String proto(String p) {
        return p == null ? "tcp" : p.toLowerCase(Locale.ROOT);
    }
}
