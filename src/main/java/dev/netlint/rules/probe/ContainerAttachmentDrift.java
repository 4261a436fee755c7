package dev.netlint.rules.probe;

import dev.netlint.model.Attachment;
import dev.netlint.model.Container;
import dev.netlint.model.Model;
import dev.netlint.model.Network;
import dev.netlint.model.NetworkMode;
import dev.netlint.model.Project;
import dev.netlint.model.Severity;
import dev.netlint.model.SourceLocation;
import dev.netlint.rules.FindingSink;
import dev.netlint.rules.Rule;
import dev.netlint.rules.RuleInfo;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

@RuleInfo(id = "NL707", name = "container-attachment-drift", severity = Severity.WARNING,
        summary = "A compose service's running container on the probed daemon is attached to other networks than the file declares.")
public final class ContainerAttachmentDrift implements Rule {
    @Override
    public void check(Model model, FindingSink out) {
        Map<String, LiveState.Daemon> daemons = LiveState.daemons(model);
        for (Project p : LiveState.declared(model)) {
            LiveState.Daemon daemon = daemons.get(p.host());
            if (daemon == null || p.kind() != Project.Kind.DECLARATIVE) {
                continue;
            }
            for (Container c : p.containers()) {
                if (c.networkMode().unknown() || !(c.networkMode().is(NetworkMode.Kind.DEFAULT)
                        || c.networkMode().is(NetworkMode.Kind.NETWORK))) {
                    continue;
                }
                Optional<Set<String>> declared = declaredNetworks(p, c);
                if (declared.isEmpty()) {
                    continue;
                }
                for (Container live : daemon.containers().values()) {
                    if (!isServiceContainer(p, c, live)) {
                        continue;
                    }
                    Set<String> actual = new TreeSet<>();
                    for (Attachment a : live.attachments()) {
                        actual.add(a.network().value());
                    }
                    if (!actual.equals(declared.get())) {
                        SourceLocation at = c.networksKeyLocation() != null ? c.networksKeyLocation() : c.location();
                        out.report(this, at, "service '" + c.serviceName() + "': container '" + live.name() + "' on "
                                + daemon.location() + " is attached to " + actual + " but the file declares "
                                + declared.get() + "; the running container has drifted from the file "
                                + "(docker network connect/disconnect by hand, or an older deploy)");
                    }
                }
            }
        }
    }

    /** The daemon names of the networks the service joins; empty when one of them is unknown. */
    private static Optional<Set<String>> declaredNetworks(Project p, Container c) {
        Set<String> out = new TreeSet<>();
        if (c.networkMode().is(NetworkMode.Kind.NETWORK)) {
            Network n = p.networks().get(c.networkMode().target());
            Optional<String> name = n != null ? LiveState.daemonName(p, n) : Optional.of(c.networkMode().target());
            if (name.isEmpty()) {
                return Optional.empty();
            }
            out.add(name.get());
            return Optional.of(out);
        }
        if (c.attachments().isEmpty()) {
            Network def = p.networks().get("default");
            Optional<String> name = def != null ? LiveState.daemonName(p, def)
                    : LiveState.deployName(p).map(d -> d + "_default");
            if (name.isEmpty()) {
                return Optional.empty();
            }
            out.add(name.get());
            return Optional.of(out);
        }
        for (Attachment a : c.attachments()) {
            if (!a.network().known()) {
                return Optional.empty();
            }
            Network n = p.networks().get(a.network().value());
            if (n == null) {
                return Optional.empty(); // undefined network: another rule's business
            }
            Optional<String> name = LiveState.daemonName(p, n);
            if (name.isEmpty()) {
                return Optional.empty();
            }
            out.add(name.get());
        }
        return Optional.of(out);
    }

    /** The live container compose made for this service: its labels say so, or it has the fixed name. */
    private static boolean isServiceContainer(Project p, Container declared, Container live) {
        if (LiveState.owns(p, live)) {
            return live.ownerService() != null && live.ownerService().is(declared.serviceName());
        }
        return false;
    }
}
