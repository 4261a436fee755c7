package dev.netlint.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A container or a compose service. Lists are empty when the input said nothing; scalar
 * attributes are null when absent.
 */
public final class Container {
    private final String name;
    private final SourceLocation location;
    private NetworkMode networkMode = NetworkMode.defaultMode();
    private final List<Attachment> attachments = new ArrayList<>();
    private final List<PortMapping> ports = new ArrayList<>();
    private final List<Text> expose = new ArrayList<>();
    private boolean publishAll;
    private SourceLocation publishAllLocation;
    private Integer replicas;
    private SourceLocation replicasLocation;
    private Text hostname;
    private final List<String> profiles = new ArrayList<>();
    private final List<Text> dns = new ArrayList<>();
    private Text macAddress;
    private SourceLocation extendsLocation;
    private final List<Text> extraHosts = new ArrayList<>();
    private final List<Text> links = new ArrayList<>();
    private final List<Text> networkAliases = new ArrayList<>();
    private SourceLocation networksKeyLocation;
    private SourceLocation portsKeyLocation;
    private String serviceName;
    private Text fixedName;
    private Boolean running;
    private Text ownerProject;
    private Text ownerService;

    public Container(String name, SourceLocation location) {
        this.name = name;
        this.location = location;
    }

    public String name() { return name; }
    public SourceLocation location() { return location; }
    public NetworkMode networkMode() { return networkMode; }
    public List<Attachment> attachments() { return attachments; }
    public List<PortMapping> ports() { return ports; }
    public List<Text> expose() { return expose; }
    public boolean publishAll() { return publishAll; }
    public SourceLocation publishAllLocation() { return publishAllLocation; }
    /** How many copies of a compose service run (scale, deploy.replicas); null when not said (one). */
    public Integer replicas() { return replicas; }
    public SourceLocation replicasLocation() { return replicasLocation; }
    public Text hostname() { return hostname; }
    /** Compose profiles the service belongs to; empty means it always starts. */
    public List<String> profiles() { return profiles; }
    public List<Text> dns() { return dns; }
    public Text macAddress() { return macAddress; }
    /**
     * Where the service says {@code extends:}, when it does: settings it inherits from another
     * service (possibly in another file) may be missing from this model.
     */
    public SourceLocation extendsLocation() { return extendsLocation; }
    public List<Text> extraHosts() { return extraHosts; }
    public List<Text> links() { return links; }
    /** Aliases given without a network (docker run --network-alias): they apply to the run's network. */
    public List<Text> networkAliases() { return networkAliases; }
    /** Where the list of networks was written, when it was (compose {@code networks:} key). */
    public SourceLocation networksKeyLocation() { return networksKeyLocation; }
    public SourceLocation portsKeyLocation() { return portsKeyLocation; }
    /**
     * The compose service this container belongs to (what {@code service:X}, {@code links} and
     * {@code depends_on} name); the container's own name when it is not a compose service or when
     * {@code container_name} was not set.
     */
    public String serviceName() { return serviceName != null ? serviceName : name; }

    /**
     * The exact name the daemon will give the container, when the input pins it (compose
     * {@code container_name}, {@code docker run --name}); null when the name is generated.
     */
    public Text fixedName() { return fixedName; }
    public Container fixedName(Text v) { this.fixedName = v; return this; }
    /** Observed state: whether the container is running; null for declared containers. */
    public Boolean running() { return running; }
    public Container running(Boolean v) { this.running = v; return this; }
    /** Observed state: compose project and service labels (com.docker.compose.project/.service). */
    public Text ownerProject() { return ownerProject; }
    public Container ownerProject(Text v) { this.ownerProject = v; return this; }
    public Text ownerService() { return ownerService; }
    public Container ownerService(Text v) { this.ownerService = v; return this; }

    public Container networkMode(NetworkMode v) { this.networkMode = v; return this; }
    public Container attach(Attachment a) { attachments.add(a); return this; }
    public Container port(PortMapping p) { ports.add(p); return this; }
    public Container expose(Text t) { expose.add(t); return this; }
    public Container publishAll(SourceLocation where) { this.publishAll = true; this.publishAllLocation = where; return this; }
    public Container replicas(Integer n, SourceLocation where) { this.replicas = n; this.replicasLocation = where; return this; }
    public Container hostname(Text v) { this.hostname = v; return this; }
    public Container profile(String v) { profiles.add(v); return this; }
    public Container dns(Text v) { dns.add(v); return this; }
    public Container macAddress(Text v) { this.macAddress = v; return this; }
    public Container extendsLocation(SourceLocation v) { this.extendsLocation = v; return this; }
    public Container extraHost(Text v) { extraHosts.add(v); return this; }
    public Container link(Text v) { links.add(v); return this; }
    public Container networkAlias(Text v) { networkAliases.add(v); return this; }
    public Container networksKeyLocation(SourceLocation v) { this.networksKeyLocation = v; return this; }
    public Container portsKeyLocation(SourceLocation v) { this.portsKeyLocation = v; return this; }
    public Container serviceName(String v) { this.serviceName = v; return this; }

    /** A published port the docker CLI refuses to parse, with go-connections nat's reason. */
    public record PortProblem(String spec, String reason, SourceLocation location) {
    }

    private final List<PortProblem> portProblems = new ArrayList<>();

    /** Port specs the input wrote that cannot be published at all (docker run -p values nat refuses). */
    public List<PortProblem> portProblems() { return portProblems; }
    public Container portProblem(PortProblem p) { portProblems.add(p); return this; }

    @Override
    public String toString() {
        return "container " + name;
    }
}
