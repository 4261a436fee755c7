package dev.netlint.deploy;

import dev.netlint.model.Container;
import dev.netlint.model.Model;
import dev.netlint.model.Network;
import dev.netlint.model.NetworkMode;
import dev.netlint.model.Operation;
import dev.netlint.model.Project;
import dev.netlint.model.SourceLocation;
import dev.netlint.model.Text;

import java.util.Set;

/**
 * One deploy step of one project, as a check sees it. {@link #declarative()} and {@link #option}
 * exist only to word messages in the input's own syntax; whether something is wrong never depends
 * on them.
 */
public record Step(Model model, Project project, Operation operation, Set<String> activeProfiles) {

    /** Where a check reports what it finds. */
    @FunctionalInterface
    public interface Report {
        void report(SourceLocation where, String message);

        /** Reports with the edit that resolves it (null: none). */
        default void report(SourceLocation where, String message, dev.netlint.model.Fix fix) {
            report(where, message);
        }
    }

    /** The input declares a whole project (compose) rather than commands (a script). For wording only. */
    public boolean declarative() {
        return project.kind() == Project.Kind.DECLARATIVE;
    }

    /** The option as the input spells it: the compose key or the docker CLI flag. For wording only. */
    public String option(String composeKey, String flag) {
        return declarative() ? composeKey : flag;
    }

    /** {@code service "web"} for compose, {@code container "web"} for a script. For wording only. */
    public String who(Container c) {
        return declarative() ? "service \"" + c.serviceName() + "\"" : "container \"" + c.name() + "\"";
    }

    /** The name a container is known by in this simulation (a compose service without container_name has its own). */
    public static String containerKey(Project project, Container c) {
        if (project.kind() != Project.Kind.DECLARATIVE) {
            return c.name();
        }
        return c.fixedName() != null && c.fixedName().known() ? c.fixedName().value()
                : project.name() + "-" + c.serviceName();
    }

    /**
     * How a run joins the network: its network mode, or for a container that only lists networks
     * (a compose service), the network it is created on.
     */
    public NetworkMode mode() {
        if (!(operation instanceof Operation.RunContainer r)) {
            return NetworkMode.defaultMode();
        }
        NetworkMode m = r.container().networkMode();
        if (declarative() && m.kind() == NetworkMode.Kind.DEFAULT && !m.unknown() && r.networks().size() == 1) {
            Text n = r.networks().get(0);
            if (n.unknown()) {
                return NetworkMode.unknown(n.value(), n.location());
            }
            if (n.value().equals(Network.DEFAULT_BRIDGE) || n.value().equals(Network.HOST)
                    || n.value().equals(Network.NONE)) {
                return NetworkMode.parse(n.value(), n.location()); // an external network naming a predefined one
            }
            return new NetworkMode(NetworkMode.Kind.NETWORK, n.value(), n.location(), false);
        }
        return m;
    }

    /** A static address a step asks for on a network. */
    public record StaticRequest(String network, dev.netlint.model.AddressValue address, boolean v4Flag) {
    }

    /**
     * The static addresses this step asks for, each with its network: a run on one user network
     * (its --ip/--ip6, or the compose service's first network's addresses), or a connect.
     */
    public java.util.List<StaticRequest> staticRequests() {
        java.util.List<StaticRequest> out = new java.util.ArrayList<>();
        String network = null;
        dev.netlint.model.AddressValue v4 = null;
        dev.netlint.model.AddressValue v6 = null;
        if (operation instanceof Operation.RunContainer r && mode().is(NetworkMode.Kind.NETWORK) && r.networks().size() <= 1) {
            network = mode().target();
            v4 = r.ipv4();
            v6 = r.ipv6();
        } else if (operation instanceof Operation.Connect c && c.network().known()) {
            network = c.network().value();
            v4 = c.ipv4();
            v6 = c.ipv6();
        }
        if (network != null) {
            if (v4 != null) {
                out.add(new StaticRequest(network, v4, true));
            }
            if (v6 != null) {
                out.add(new StaticRequest(network, v6, false));
            }
        }
        return out;
    }

    /** How a refused static address fails, in this input's terms. */
    public String addressRefusal() {
        if (operation instanceof Operation.Connect) {
            return "the daemon refuses the connect";
        }
        return declarative() ? "the container is created but fails to start"
                : "docker run creates the container but the daemon refuses to start it";
    }

    /** The static address as written: {@code ipv4_address 10.0.0.5} or {@code --ip 10.0.0.5}. For wording only. */
    public String spelled(StaticRequest r) {
        Container c = container();
        return (r.v4Flag() ? option("ipv4_address", "--ip") : option("ipv6_address", "--ip6")) + " " + r.address().raw()
                + (c != null ? " of " + who(c) : "");
    }

    /** The container a step is about (run, or the compose service a compiled connect belongs to); null for others. */
    public Container container() {
        if (operation instanceof Operation.RunContainer r) {
            return r.container();
        }
        if (operation instanceof Operation.Connect c && declarative() && c.container().known()) {
            for (Container k : project.containers()) {
                if (containerKey(project, k).equals(c.container().value())) {
                    return k;
                }
            }
        }
        return null;
    }

    /** A line reference for messages: " (line N)", or nothing without a line. */
    public static String line(SourceLocation l) {
        return l != null && l.hasLine() ? " (line " + l.line() + ")" : "";
    }
}
