package dev.netlint.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * One unit of declarations that lives on one host: a compose project, a script, an inspect dump or
 * a live daemon's state. Networks are keyed by their name within the project.
 */
public final class Project {
    /**
     * How the unit behaves. DECLARATIVE: every network a service uses must be declared in it
     * (compose). SEQUENTIAL: commands applied in order, see {@link #operations()} (scripts).
     * OBSERVED: state that already exists on a daemon (inspect dumps, live probes).
     */
    public enum Kind { DECLARATIVE, SEQUENTIAL, OBSERVED }

    private final String name;
    private final Kind kind;
    private final SourceLocation location;
    private String host;
    private final Map<String, Network> networks = new LinkedHashMap<>();
    private final List<Container> containers = new ArrayList<>();
    private final List<Operation> operations = new ArrayList<>();
    private boolean live;
    private String deployName;
    private boolean mayBeOverlay;

    public Project(String name, Kind kind, SourceLocation location, String host) {
        this.name = name;
        this.kind = kind;
        this.location = location;
        this.host = host;
    }

    public String name() { return name; }
    public Kind kind() { return kind; }
    public SourceLocation location() { return location; }
    /** The host this project is deployed to or read from. */
    public String host() { return host; }
    public void host(String host) { this.host = host; }
    public Map<String, Network> networks() { return networks; }
    public List<Container> containers() { return containers; }
    /** For SEQUENTIAL projects: the commands in the order they run. */
    public List<Operation> operations() { return operations; }

    /** OBSERVED state read from a running daemon just now (netlint probe), not from a dump. */
    public boolean live() { return live; }
    public Project live(boolean v) { this.live = v; return this; }

    /**
     * The name the deploy tool gives this project on the daemon (the compose project name, which
     * prefixes network and container names); null when the reader did not set it.
     */
    public String deployName() { return deployName; }
    public Project deployName(String v) { this.deployName = v; return this; }

    /**
     * The unit is named like an overlay that is merged onto a base unit (compose.prod.yaml used as
     * {@code -f compose.yaml -f compose.prod.yaml}): what it lacks may come from the base.
     */
    public boolean mayBeOverlay() { return mayBeOverlay; }
    public Project mayBeOverlay(boolean v) { this.mayBeOverlay = v; return this; }

    public Project add(Network n) { networks.put(n.name(), n); return this; }
    public Project add(Container c) { containers.add(c); return this; }
    public Project add(Operation o) { operations.add(o); return this; }

    /**
     * Every network of the project, each once: its own and, for scripts, those its commands create,
     * in that order. Without commands, a view of {@link #networks()} (a fleet's projects copy nothing).
     */
    public Collection<Network> allNetworks() {
        return operations.isEmpty() ? Collections.unmodifiableCollection(networks.values())
                : ownThenMade(networks.values(), op -> op instanceof Operation.CreateNetwork c ? c.network() : null);
    }

    /**
     * Every container of the project, each once: its own and, for scripts, those its commands run,
     * in that order. Without commands, a view of {@link #containers()}.
     */
    public Collection<Container> allContainers() {
        return operations.isEmpty() ? Collections.unmodifiableList(containers)
                : ownThenMade(containers, op -> op instanceof Operation.RunContainer r ? r.container() : null);
    }

    /** {@code own}, then what the commands make ({@code madeBy} is null for other commands), each once. */
    private <T> List<T> ownThenMade(Collection<T> own, Function<Operation, T> madeBy) {
        Set<T> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<T> out = new ArrayList<>();
        for (T t : own) {
            if (seen.add(t)) {
                out.add(t);
            }
        }
        for (Operation op : operations) {
            T made = madeBy.apply(op);
            if (made != null && seen.add(made)) {
                out.add(made);
            }
        }
        return Collections.unmodifiableList(out);
    }

    public Optional<Network> network(String name) {
        return Optional.ofNullable(networks.get(name));
    }

    public Optional<Container> container(String name) {
        return containers.stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
