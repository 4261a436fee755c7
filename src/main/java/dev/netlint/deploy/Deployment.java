package dev.netlint.deploy;

import dev.netlint.model.Attachment;
import dev.netlint.model.Container;
import dev.netlint.model.Network;
import dev.netlint.model.NetworkMode;
import dev.netlint.model.Operation;
import dev.netlint.model.Project;
import dev.netlint.model.Text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What deploying a project does, as the operations a daemon sees, in order. A sequential project
 * (a script) is its commands. A declarative project (compose) compiles as compose brings it up:
 * its networks first, then its containers in dependency order ({@code network_mode: service:X} or
 * {@code container:X} and {@code links} start after X), each created on its first network and then
 * connected to the others. Observed projects (dumps, a probed daemon) are state, not steps: none.
 * Services outside an explicit profile selection are left out.
 */
public final class Deployment {
    private Deployment() {
    }

    public static List<Operation> of(Project project, Set<String> activeProfiles) {
        return switch (project.kind()) {
            case SEQUENTIAL -> project.operations();
            case DECLARATIVE -> compile(project, activeProfiles);
            case OBSERVED -> List.of();
        };
    }

    /**
     * Whether the containers start together rather than one after another: compose starts services
     * that do not depend on each other at once, so of two clashing claims either may win; a script
     * runs its commands in order, and a container refused at start holds nothing.
     */
    public static boolean concurrent(Project project) {
        return project.kind() == Project.Kind.DECLARATIVE;
    }

    /** The name the daemon knows a compose network by, in this simulation. */
    public static String networkName(Project project, String key) {
        Network n = project.networks().get(key);
        if (n != null && n.external()) {
            return n.externalName() != null && n.externalName().known() ? n.externalName().value() : key;
        }
        // a project network keyed like a predefined one is still the project's own (<project>_bridge)
        return key.equals(Network.DEFAULT_BRIDGE) || key.equals(Network.HOST) || key.equals(Network.NONE)
                ? project.name() + "_" + key : key;
    }

    private static List<Operation> compile(Project project, Set<String> activeProfiles) {
        List<Operation> ops = new ArrayList<>();
        List<Container> services = new ArrayList<>();
        for (Container c : project.containers()) {
            if (Profiles.runs(c, activeProfiles)) {
                services.add(c);
            }
        }
        boolean defaultUsed = services.stream().anyMatch(c -> primary(project, c) != null
                && primary(project, c).value().equals(Network.COMPOSE_DEFAULT) && c.attachments().isEmpty());
        for (Network n : project.networks().values()) {
            if (!n.external() && !n.configOnly()) {
                ops.add(new Operation.CreateNetwork(n, Text.of(networkName(project, n.name()), n.location()),
                        n.location(), false));
            }
        }
        if (defaultUsed && !project.networks().containsKey(Network.COMPOSE_DEFAULT)) {
            Network implicit = new Network(Network.COMPOSE_DEFAULT, project.location()).implicit(true);
            ops.add(new Operation.CreateNetwork(implicit, Text.of(Network.COMPOSE_DEFAULT, project.location()),
                    project.location(), false));
        }
        for (Container c : startOrder(services)) {
            Text first = primary(project, c);
            List<Text> nets = first == null ? List.of() : List.of(first);
            Attachment home = c.attachments().isEmpty() ? null : c.attachments().get(0);
            ops.add(new Operation.RunContainer(c, nets, true, home == null ? null : home.ipv4(),
                    home == null ? null : home.ipv6(), false, c.location(), false,
                    aliases(c, home)));
            for (int i = 1; i < c.attachments().size(); i++) {
                Attachment a = c.attachments().get(i);
                ops.add(new Operation.Connect(real(project, a.network()), Text.of(Step.containerKey(project, c), c.location()), a.ipv4(),
                        a.ipv6(), a.aliases(), a.location(), false));
            }
        }
        return ops;
    }

    /** The aliases a service asks for on the network it is created on. */
    private static List<Text> aliases(Container c, Attachment home) {
        List<Text> out = new ArrayList<>(c.networkAliases());
        if (home != null) {
            out.addAll(home.aliases());
        }
        return out;
    }

    /** The network a service is created on: its first attachment, or compose's default network. */
    private static Text primary(Project project, Container c) {
        NetworkMode m = c.networkMode();
        if (!c.attachments().isEmpty()) {
            return real(project, c.attachments().get(0).network());
        }
        if (m.kind() == NetworkMode.Kind.DEFAULT && !m.unknown()) {
            return Text.of(Network.COMPOSE_DEFAULT, c.location());
        }
        return null;
    }

    private static Text real(Project project, Text key) {
        return key.known() ? new Text(networkName(project, key.value()), key.location(), false) : key;
    }

    /** Services in start order: each after the services whose stack it joins or that it links to. */
    private static List<Container> startOrder(List<Container> services) {
        Map<String, Container> byName = new HashMap<>();
        for (Container c : services) {
            byName.putIfAbsent(c.serviceName(), c);
            if (c.fixedName() != null && c.fixedName().known()) {
                byName.putIfAbsent(c.fixedName().value(), c);
            }
        }
        Map<Container, Boolean> placed = new LinkedHashMap<>();
        for (Container c : services) {
            place(c, byName, placed, new java.util.HashSet<>());
        }
        return new ArrayList<>(placed.keySet());
    }

    private static void place(Container c, Map<String, Container> byName, Map<Container, Boolean> placed,
                              Set<Container> visiting) {
        if (placed.containsKey(c) || !visiting.add(c)) {
            return; // done, or a cycle (compose refuses it; the order then stays as written)
        }
        List<String> needs = new ArrayList<>();
        NetworkMode m = c.networkMode();
        if (m.sharesAnotherStack() && m.target() != null) {
            needs.add(m.target());
        }
        for (Text link : c.links()) {
            if (link.known()) {
                needs.add(link.value().split(":", 2)[0]);
            }
        }
        for (String n : needs) {
            Container dep = byName.get(n);
            if (dep != null && dep != c) {
                place(dep, byName, placed, visiting);
            }
        }
        placed.put(c, Boolean.TRUE);
    }
}
