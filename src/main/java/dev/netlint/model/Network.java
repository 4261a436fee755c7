package dev.netlint.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A network as declared or observed. Absent attributes are null; a {@link Text} marked unknown
 * could not be resolved. {@code declaredKeys} records which configuration keys the input spelt out
 * (for example {@code ipam}, {@code driver}, {@code enable_ipv6}), so rules can speak of keys that
 * are present but ignored.
 */
public final class Network {
    /** Built-in networks every daemon has. */
    public static final String DEFAULT_BRIDGE = "bridge";
    public static final String HOST = "host";
    public static final String NONE = "none";
    /** Compose's implicit project network, used by services that name neither networks nor network_mode. */
    public static final String COMPOSE_DEFAULT = "default";
    /** Declared key of a configuration-only network (--config-only): a template, no pool is reserved. */
    public static final String CONFIG_ONLY = "config_only";

    private final String name;
    // Locations held compactly (see SourceLocation.compactWhere): a fleet has a million networks.
    private final Object where;
    private final long position;
    private Text driver;
    /** The driver's name in lower case, empty when unknown: rules ask for it per network, many times. */
    private Optional<String> driverName = BRIDGE_DRIVER;
    private static final Optional<String> BRIDGE_DRIVER = Optional.of("bridge");
    /** One answer per driver name (a fleet has a handful), so a million networks share a few. */
    private static final java.util.concurrent.ConcurrentHashMap<String, Optional<String>> DRIVER_NAMES =
            new java.util.concurrent.ConcurrentHashMap<>();
    private Boolean internal;
    private Boolean attachable;
    private Boolean enableIpv6;
    private Object enableIpv6Where;
    private long enableIpv6Position = -1;
    // Collections are allocated on first add (a fleet of 1M observed networks holds mostly empty ones);
    // until then the getters return immutable empty ones, so add through the methods below.
    private Map<String, Text> options;
    /** The first pool; {@code pools} holds every pool once there is a second. */
    private IpamPool onlyPool;
    private List<IpamPool> pools;
    private List<Endpoint> endpoints;
    private String observedId;
    /** What declared networks have and observed ones mostly lack, allocated on the first such attribute. */
    private Rare rare;

    private static final class Rare {
        private boolean external;
        private Text externalName;
        private Text ipamDriver;
        private boolean implicit;
        private Map<String, SourceLocation> declaredKeys;
        private java.util.Set<String> unknownKeys;
        private Text ownerProject;
    }

    private static final Rare NONE_RARE = new Rare();

    public Network(String name, SourceLocation location) {
        this.name = name;
        this.where = SourceLocation.compactWhere(location);
        this.position = SourceLocation.compactPosition(location);
    }

    /** The attributes few networks have, to read (shared and empty when there are none). */
    private Rare rare() {
        return rare == null ? NONE_RARE : rare;
    }

    /** The same, to write. */
    private Rare rareToSet() {
        if (rare == null) {
            rare = new Rare();
        }
        return rare;
    }

    public String name() { return name; }
    public SourceLocation location() { return SourceLocation.expand(where, position); }
    public Text driver() { return driver; }
    public Boolean internal() { return internal; }
    public Boolean attachable() { return attachable; }
    public boolean external() { return rare().external; }
    /** The name the daemon knows the network by, when the input gives one (compose {@code name:}, or legacy {@code external: {name: x}}). */
    public Text externalName() { return rare().externalName; }
    public Boolean enableIpv6() { return enableIpv6; }
    public SourceLocation enableIpv6Location() { return SourceLocation.expand(enableIpv6Where, enableIpv6Position); }
    public Text ipamDriver() { return rare().ipamDriver; }
    /**
     * True for a network the tool creates without it being written, such as compose's
     * {@code default} network when the file does not declare one.
     */
    public boolean implicit() { return rare().implicit; }
    public Map<String, Text> options() { return options == null ? Map.of() : options; }
    public List<IpamPool> pools() { return pools != null ? pools : onlyPool != null ? List.of(onlyPool) : List.of(); }
    public Map<String, SourceLocation> declaredKeys() { return rare().declaredKeys == null ? Map.of() : rare().declaredKeys; }
    /** Addresses seen in use on this network (inspect dumps, live state). */
    public List<Endpoint> endpoints() { return endpoints == null ? List.of() : endpoints; }
    /**
     * The daemon's id of an observed network (inspect dumps, live state); null for declared ones.
     * Ids are random per network, so two dumps showing one id show the same network.
     */
    public String observedId() { return observedId; }
    public Network observedId(String v) { this.observedId = v; return this; }
    /**
     * Keys whose value could not be resolved (e.g. {@code enable_ipv6: ${IPV6}} with IPV6 unset): the
     * matching attribute is then null, and rules must not read that null as "off".
     */
    public java.util.Set<String> unknownKeys() { return rare().unknownKeys == null ? java.util.Set.of() : rare().unknownKeys; }
    public boolean isUnknown(String key) { return rare().unknownKeys != null && rare().unknownKeys.contains(key); }

    /** Observed state: the compose project that created the network (label com.docker.compose.project). */
    public Text ownerProject() { return rare().ownerProject; }
    public Network ownerProject(Text v) { rareToSet().ownerProject = v; return this; }

    public Network driver(Text v) {
        this.driver = v;
        this.driverName = v == null ? BRIDGE_DRIVER : v.known() ? driverNameOf(v.value()) : Optional.empty();
        return this;
    }
    public Network internal(Boolean v) { this.internal = v; return this; }
    public Network attachable(Boolean v) { this.attachable = v; return this; }
    public Network external(boolean v) { rareToSet().external = v; return this; }
    public Network externalName(Text v) { rareToSet().externalName = v; return this; }
    public Network enableIpv6(Boolean v, SourceLocation where) {
        this.enableIpv6 = v;
        this.enableIpv6Where = SourceLocation.compactWhere(where);
        this.enableIpv6Position = SourceLocation.compactPosition(where);
        return this;
    }
    public Network ipamDriver(Text v) { rareToSet().ipamDriver = v; return this; }
    public Network implicit(boolean v) { rareToSet().implicit = v; return this; }
    public Network option(String key, Text value) { if (options == null) { options = new LinkedHashMap<>(4); } options.put(key, value); return this; }
    public Network pool(IpamPool pool) {
        // Most networks have one pool: no list (24 bytes a network in a fleet) until a second one comes.
        if (onlyPool == null && pools == null) {
            onlyPool = pool;
        } else {
            if (pools == null) {
                pools = new ArrayList<>(2);
                pools.add(onlyPool);
                onlyPool = null;
            }
            pools.add(pool);
        }
        return this;
    }
    public Network declaredKey(String key, SourceLocation where) {
        Rare r = rareToSet();
        if (r.declaredKeys == null) {
            r.declaredKeys = new LinkedHashMap<>(8);
        }
        r.declaredKeys.put(key, where);
        return this;
    }
    public Network unknownKey(String key) {
        Rare r = rareToSet();
        if (r.unknownKeys == null) {
            r.unknownKeys = new java.util.LinkedHashSet<>(4);
        }
        r.unknownKeys.add(key);
        return this;
    }

    /** The driver name, lower-case, defaulting to bridge; empty when unknown. */
    public Optional<String> driverName() {
        return driverName;
    }

    private static Optional<String> driverNameOf(String written) {
        Optional<String> known = DRIVER_NAMES.get(written);
        if (known == null) {
            known = Optional.of(written.toLowerCase(Locale.ROOT));
            if (DRIVER_NAMES.size() < 256) {
                DRIVER_NAMES.putIfAbsent(written, known);
            }
        }
        return known;
    }

    public boolean isDriver(String d) {
        return driverName.isPresent() && driverName.get().equals(d);
    }

    /** macvlan or ipvlan: containers sit directly on the parent's LAN. */
    public boolean isLanDriver() {
        return isDriver("macvlan") || isDriver("ipvlan");
    }

    public Optional<Text> option(String key) {
        return Optional.ofNullable(options == null ? null : options.get(key));
    }

    /** The parent interface of a macvlan/ipvlan network. */
    public Optional<Text> parent() {
        return option("parent");
    }

    public boolean hasUserSubnet() {
        return pools().stream().anyMatch(p -> p.subnet() != null);
    }

    /** A --config-only network: it holds configuration for --config-from networks and allocates nothing. */
    public boolean configOnly() {
        return rare().declaredKeys != null && rare().declaredKeys.containsKey(CONFIG_ONLY);
    }

    public boolean isBuiltIn() {
        return name.equals(DEFAULT_BRIDGE) || name.equals(HOST) || name.equals(NONE);
    }

    /** Whether IPv6 is switched on: true only when said so explicitly. */
    public boolean ipv6Enabled() {
        return Boolean.TRUE.equals(enableIpv6);
    }

    /** Records an address seen in use on this network. */
    public Network endpoint(Endpoint e) { if (endpoints == null) { endpoints = new ArrayList<>(2); } endpoints.add(e); return this; }

    /** An address a container holds on this network, as observed. */
    public record Endpoint(String containerName, AddressValue ipv4, AddressValue ipv6, SourceLocation location) {
    }

    @Override
    public String toString() {
        return "network " + name;
    }
}
