package dev.netlint.rules.probe;

import dev.netlint.address.Ip;
import dev.netlint.model.AddressValue;
import dev.netlint.model.Attachment;
import dev.netlint.model.Container;
import dev.netlint.model.IpamPool;
import dev.netlint.model.Model;
import dev.netlint.model.Network;
import dev.netlint.model.Operation;
import dev.netlint.model.Project;
import dev.netlint.model.Severity;
import dev.netlint.model.Text;
import dev.netlint.rules.FindingSink;
import dev.netlint.rules.Rule;
import dev.netlint.rules.RuleInfo;

import java.util.Map;
import java.util.Optional;

@RuleInfo(id = "NL705", name = "static-address-taken-on-daemon", severity = Severity.ERROR,
        summary = "A static container address is already held on that network of the probed daemon, by a running container or as the gateway.")
public final class StaticAddressInUse implements Rule {
    @Override
    public void check(Model model, FindingSink out) {
        Map<String, LiveState.Daemon> daemons = LiveState.daemons(model);
        for (Project p : LiveState.declared(model)) {
            LiveState.Daemon daemon = daemons.get(p.host());
            if (daemon == null) {
                continue;
            }
            if (p.kind() == Project.Kind.DECLARATIVE) {
                for (Container c : p.containers()) {
                    for (Attachment a : c.attachments()) {
                        Optional<String> net = composeNetwork(p, a.network());
                        if (net.isPresent()) {
                            check(p, c, net.get(), a.ipv4(), LiveState.NOTHING_REMOVED, daemon, out);
                            check(p, c, net.get(), a.ipv6(), LiveState.NOTHING_REMOVED, daemon, out);
                        }
                    }
                }
            } else {
                for (Operation op : p.operations()) {
                    if (op.conditional()) {
                        continue;
                    }
                    LiveState.Removed removedNets = LiveState.removedBefore(p, op, true);
                    LiveState.Removed removedContainers = LiveState.removedBefore(p, op, false);
                    if (op instanceof Operation.RunContainer run && run.start() && !run.opaque()) {
                        for (Attachment a : run.container().attachments()) {
                            if (a.network().known() && !removedNets.mayHaveRemoved(a.network().value())
                                    && !createdBefore(p, op, a.network().value())) {
                                check(p, run.container(), a.network().value(), a.ipv4(), removedContainers, daemon, out);
                                check(p, run.container(), a.network().value(), a.ipv6(), removedContainers, daemon, out);
                            }
                        }
                    } else if (op instanceof Operation.Connect c && c.network().known()
                            && !removedNets.mayHaveRemoved(c.network().value())
                            && !createdBefore(p, op, c.network().value())) {
                        check(p, null, c.network().value(), c.ipv4(), removedContainers, daemon, out);
                        check(p, null, c.network().value(), c.ipv6(), removedContainers, daemon, out);
                    }
                }
            }
        }
    }

    /** The daemon name of the network an attachment refers to, through the project's declaration. */
    private static Optional<String> composeNetwork(Project p, Text key) {
        if (key == null || !key.known()) {
            return Optional.empty();
        }
        Network declared = p.networks().get(key.value());
        if (declared == null) {
            return Optional.empty();
        }
        return LiveState.daemonName(p, declared);
    }

    /** A network the script itself creates before this point is new: nothing live is on it yet. */
    private static boolean createdBefore(Project p, Operation until, String name) {
        for (Operation op : p.operations()) {
            if (op == until) {
                return false;
            }
            if (op instanceof Operation.CreateNetwork cn && (cn.name() == null || !cn.name().known()
                    || cn.name().value().equals(name))) {
                return true;
            }
        }
        return false;
    }

    private void check(Project p, Container mine, String network, AddressValue addr, LiveState.Removed removed,
                       LiveState.Daemon daemon, FindingSink out) {
        if (addr == null || addr.asIp().isEmpty()) {
            return;
        }
        Network live = daemon.network(network).orElse(null);
        if (live == null) {
            return;
        }
        Ip ip = addr.asIp().get();
        for (IpamPool pool : live.pools()) {
            if (pool.gateway() != null && pool.gateway().asIp().map(ip::equals).orElse(false)) {
                out.report(this, addr.location(), "address " + ip + " is the gateway of network '" + network
                        + "' on " + daemon.location() + "; the daemon refuses to start the container: "
                        + "'Address already in use'. Choose another address in " + LiveState.subnetsOf(live));
                return;
            }
        }
        for (Network.Endpoint e : live.endpoints()) {
            boolean same = (e.ipv4() != null && e.ipv4().asIp().map(ip::equals).orElse(false))
                    || (e.ipv6() != null && e.ipv6().asIp().map(ip::equals).orElse(false));
            if (!same || removed.mayHaveRemoved(e.containerName())) {
                continue;
            }
            Container holder = daemon.container(e.containerName()).orElse(null);
            if (holder != null && (LiveState.owns(p, holder)
                    || (mine != null && mine.fixedName() != null && mine.fixedName().is(holder.name())))) {
                continue; // replaced by this deploy
            }
            out.report(this, addr.location(), "address " + ip + " on network '" + network + "' is already held on "
                    + daemon.location() + " by running container '" + e.containerName()
                    + "'; the daemon refuses to start this one: 'Address already in use'. Choose a free address");
            return;
        }
    }
}
