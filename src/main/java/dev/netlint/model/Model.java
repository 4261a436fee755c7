package dev.netlint.model;

import dev.netlint.address.Cidr;
import dev.netlint.address.Ip;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything netlint knows: projects (what is declared or observed), the hosts they live on, LAN
 * segments between hosts, and site facts from the configuration. Rules only read it.
 */
public final class Model {
    /** Docker's built-in default pools: 172.17-31.0.0/16 in /16 steps, 192.168.0.0/16 in /20 steps. */
    public static final List<String> DOCKER_DEFAULT_POOLS = List.of("172.17.0.0/16", "172.18.0.0/15",
            "172.20.0.0/14", "172.24.0.0/13", "192.168.0.0/16");
    public static final String DOCKER_DEFAULT_BRIDGE = "172.17.0.0/16";

    private final List<Project> projects = new ArrayList<>();
    private final Map<String, Host> hosts = new LinkedHashMap<>();
    private final List<Segment> segments = new ArrayList<>();
    private final List<AddressValue> hostNetworks = new ArrayList<>();
    private final List<AddressValue> freeSubnetCandidates = new ArrayList<>();
    private AddressValue configuredBip;
    private final List<DaemonSettings.AddressPool> configuredPools = new ArrayList<>();
    private boolean topologyDeclared;
    private final List<InputProblem> inputProblems = new ArrayList<>();
    private final List<SkippedInput> skippedInputs = new ArrayList<>();
    private final java.util.Set<String> activeProfiles = new java.util.TreeSet<>();
    private final Map<Object, Derived<?>> derived = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<AddressValue> ownedPublicBlocks = new ArrayList<>();

    public List<Project> projects() { return projects; }
    public Map<String, Host> hosts() { return hosts; }
    public List<Segment> segments() { return segments; }
    /** The host's own LAN and VPN networks, from the configuration (hostNetworks). */
    public List<AddressValue> hostNetworks() { return hostNetworks; }
    /** Where fixes may move a clashing subnet (configuration key freeSubnetCandidates); empty: the defaults. */
    public List<AddressValue> freeSubnetCandidates() { return freeSubnetCandidates; }
    public AddressValue configuredBip() { return configuredBip; }
    /** Public address blocks the site owns (configuration ownedPublicBlocks): networks inside them are deliberate. */
    public List<AddressValue> ownedPublicBlocks() { return ownedPublicBlocks; }
    public List<DaemonSettings.AddressPool> configuredPools() { return configuredPools; }
    /** True when the configuration named hosts and segments; otherwise segments are inferred. */
    public boolean topologyDeclared() { return topologyDeclared; }

    /** Inputs that could not be read or parsed; the NL001 rule reports them. */
    public List<InputProblem> inputProblems() { return inputProblems; }
    public Model problem(InputProblem p) { inputProblems.add(p); return this; }

    /** Inputs that were read but hold nothing netlint checks (e.g. volume inspect output); NL004 notes them. */
    public List<SkippedInput> skippedInputs() { return skippedInputs; }
    public Model skipped(SkippedInput s) { skippedInputs.add(s); return this; }

    /**
     * Compose profiles the user selected explicitly (--profile, config); empty means no selection:
     * every service is a candidate and clashes count only between services one profile runs together.
     */
    public java.util.Set<String> activeProfiles() { return activeProfiles; }
    public Model activeProfiles(java.util.Collection<String> v) { activeProfiles.clear(); activeProfiles.addAll(v); return this; }

    /**
     * A value derived from the finished model once and shared by the rules that ask for it (the
     * deploy simulation); rules only read the model, so it cannot go stale during a run.
     */
    @SuppressWarnings("unchecked")
    public <T> T derived(Object key, java.util.function.Function<Model, T> compute) {
        Derived<T> d = (Derived<T>) derived.computeIfAbsent(key, k -> new Derived<>());
        return d.get(this, compute);
    }

    /**
     * One derived value. Rules run in parallel: the first to ask computes it while the others wait.
     * It is computed outside the map's lock, because computing one value may ask for another (a
     * nested computeIfAbsent on the same map can fail).
     */
    private static final class Derived<T> {
        private T value;
        private boolean computed;

        synchronized T get(Model model, java.util.function.Function<Model, T> compute) {
            if (!computed) {
                value = compute.apply(model);
                computed = true;
            }
            return value;
        }
    }

    /** Drops derived values, for callers that change the model after rules ran on it (tests). */
    public Model forgetDerived() { derived.clear(); return this; }

    public Model add(Project p) { projects.add(p); host(p.host()); return this; }
    public Model configuredBip(AddressValue v) { this.configuredBip = v; return this; }
    public Model topologyDeclared(boolean v) { this.topologyDeclared = v; return this; }

    public Host host(String name) {
        return hosts.computeIfAbsent(name, Host::new);
    }

    public Optional<DaemonSettings> daemonOf(String host) {
        return Optional.ofNullable(hosts.get(host)).map(Host::daemon);
    }

    /**
     * The address a host's daemon publishes ports on when a mapping names none (daemon.json's
     * {@code ip}); empty when not set, unknown or malformed (the daemon then binds all addresses).
     */
    public Optional<Ip> defaultBindIp(String host) {
        return daemonOf(host).map(DaemonSettings::ip).flatMap(AddressValue::asIp);
    }

    /**
     * The default bridge subnet on a host: daemon.json's bip (normalised), else the configured
     * bip, else 172.17.0.0/16. Empty when the configured value is unknown or malformed.
     */
    public Optional<Cidr> defaultBridge(String host) {
        AddressValue bip = daemonOf(host).map(DaemonSettings::bip).orElse(configuredBip);
        if (bip == null) {
            return Optional.of(BuiltIn.BRIDGE);
        }
        return bip.asCidr().map(Cidr::normalized);
    }

    /** The default address pools on a host, as CIDR bases: daemon.json, else the configuration, else Docker's. */
    public List<Cidr> defaultPools(String host) {
        List<DaemonSettings.AddressPool> pools = daemonOf(host)
                .map(DaemonSettings::defaultAddressPools)
                .filter(l -> !l.isEmpty())
                .orElse(configuredPools);
        if (pools.isEmpty()) {
            return BuiltIn.POOLS;
        }
        List<Cidr> out = new ArrayList<>();
        for (DaemonSettings.AddressPool p : pools) {
            p.base().asCidr().map(Cidr::normalized).ifPresent(out::add);
        }
        return out;
    }

    /** Docker's defaults, parsed once, on first use (rules ask for them once per network). */
    private static final class BuiltIn {
        static final Cidr BRIDGE = parse(DOCKER_DEFAULT_BRIDGE);
        static final List<Cidr> POOLS = DOCKER_DEFAULT_POOLS.stream().map(BuiltIn::parse).toList();

        private static Cidr parse(String text) {
            return AddressValue.cidr(text, SourceLocation.logical("docker defaults")).asCidr().orElseThrow();
        }
    }
}
