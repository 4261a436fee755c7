package dev.netlint.rules.modes;

import dev.netlint.model.Attachment;
import dev.netlint.model.Container;
import dev.netlint.model.Network;
import dev.netlint.model.NetworkMode;
import dev.netlint.model.Operation;
import dev.netlint.model.Project;
import dev.netlint.model.SourceLocation;
import dev.netlint.model.Text;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the mode and port rules need to know about a container's place in the network: which
 * networks it joins, whether it has a network stack of its own, and whether its published ports
 * reach the host's port mapper at all. Shared by {@code rules/modes} and {@code rules/ports}.
 */
public final class ServiceNetworks {
    /** Compose's implicit project network, used by services that name neither networks nor network_mode. */
    public static final String COMPOSE_DEFAULT = "default";

    private ServiceNetworks() {
    }

    /**
     * The names of the networks a container joins, each once: its attachments, the network named
     * by a {@code --network NAME} mode, and for a compose service that says nothing about networks,
     * compose's {@code default} network. Unknown names are left out.
     */
    public static List<Text> joined(Project project, Container c) {
        Set<String> seen = new LinkedHashSet<>();
        List<Text> out = new ArrayList<>();
        NetworkMode mode = c.networkMode();
        if (mode.is(NetworkMode.Kind.NETWORK) && mode.target() != null && seen.add(mode.target())) {
            out.add(Text.of(mode.target(), mode.location()));
        }
        for (Attachment a : c.attachments()) {
            if (a.network().known() && seen.add(a.network().value())) {
                out.add(a.network());
            }
        }
        if (out.isEmpty() && project.kind() == Project.Kind.DECLARATIVE && mode.kind() == NetworkMode.Kind.DEFAULT
                && !mode.unknown() && c.attachments().isEmpty()) {
            out.add(Text.of(COMPOSE_DEFAULT, c.location()));
        }
        return out;
    }

    /** True when some attachment's network name could not be resolved. */
    public static boolean hasUnknownAttachment(Container c) {
        return c.attachments().stream().anyMatch(a -> !a.network().known());
    }

    /** A network by its name in the project; compose's undeclared {@code default} is a plain bridge. */
    public static Optional<Network> resolve(Project project, String name) {
        Optional<Network> n = project.network(name);
        if (n.isPresent()) {
            return n;
        }
        for (Operation op : project.operations()) {
            if (op instanceof Operation.CreateNetwork cn && cn.network().name().equals(name)) {
                return Optional.of(cn.network());
            }
        }
        if (project.kind() == Project.Kind.DECLARATIVE && COMPOSE_DEFAULT.equals(name)) {
            return Optional.of(new Network(COMPOSE_DEFAULT, project.location()).implicit(true));
        }
        return Optional.empty();
    }

    /** Bridge, default or a named network: the container has a network stack of its own. */
    public static boolean ownStack(Container c) {
        NetworkMode m = c.networkMode();
        return !m.unknown() && (m.kind() == NetworkMode.Kind.DEFAULT || m.kind() == NetworkMode.Kind.BRIDGE
                || m.kind() == NetworkMode.Kind.NETWORK);
    }

    /**
     * True when every network the container joins is known to be macvlan or ipvlan: published ports
     * then go nowhere (the port mapper only serves bridge networks).
     */
    public static boolean onlyLanNetworks(Project project, Container c) {
        if (!ownStack(c) || c.networkMode().is(NetworkMode.Kind.BRIDGE) || hasUnknownAttachment(c)) {
            return false;
        }
        List<Text> names = joined(project, c);
        if (names.isEmpty()) {
            return false;
        }
        for (Text name : names) {
            Optional<Network> n = resolve(project, name.value());
            if (n.isEmpty() || !n.get().isLanDriver()) {
                return false;
            }
        }
        return true;
    }

    /** The container's ports are handed to the port mapper: own stack, and not only on macvlan/ipvlan. */
    public static boolean publishes(Project project, Container c) {
        return ownStack(c) && !onlyLanNetworks(project, c);
    }

    /**
     * Scripts are simulated command by command by the script rules (NL4xx), which report refused
     * options in their order; rules here that would say the same about a script leave it to them.
     */
    public static boolean simulatedElsewhere(Project project) {
        return project.kind() == Project.Kind.SEQUENTIAL;
    }

    /** {@code service "web"} for compose, {@code container "web"} otherwise. */
    public static String describe(Project project, Container c) {
        return project.kind() == Project.Kind.DECLARATIVE
                ? "service \"" + c.serviceName() + "\""
                : "container \"" + c.name() + "\"";
    }

    /** The option as the input spells it: the compose key, or the docker CLI flag. */
    public static String option(Project project, String composeKey, String flag) {
        return project.kind() == Project.Kind.DECLARATIVE ? composeKey : flag;
    }

    /** The first location that is set, else the container's. */
    public static SourceLocation where(Container c, SourceLocation... candidates) {
        for (SourceLocation l : candidates) {
            if (l != null) {
                return l;
            }
        }
        return c.location();
    }
}
