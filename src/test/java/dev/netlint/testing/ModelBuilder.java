package dev.netlint.testing;

import dev.netlint.model.AddressValue;
import dev.netlint.model.Attachment;
import dev.netlint.model.Container;
import dev.netlint.model.DaemonSettings;
import dev.netlint.model.IpamPool;
import dev.netlint.model.Model;
import dev.netlint.model.Network;
import dev.netlint.model.NetworkMode;
import dev.netlint.model.Project;
import dev.netlint.model.SourceLocation;
import dev.netlint.model.Text;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds models for rule tests without any reader. Every value gets a location of its own (one
 * line per value, in the order they are added), so a test can ask where a value was "written"
 * with {@link #at(String)} and compare it with a finding's location.
 *
 * <pre>{@code
 * ModelBuilder b = new ModelBuilder();
 * b.project("app").network("front").pool().subnet("10.10.0.0/16").gateway("10.11.0.1");
 * List<Finding> f = RuleRunner.run(new InvalidGateway(), b.model());
 * assertThat(f).singleElement().extracting(Finding::location).isEqualTo(b.at("10.11.0.1"));
 * }</pre>
 */
public final class ModelBuilder {
    public static final String FILE = "compose.yaml";

    private final Model model = new Model();
    private final Map<String, SourceLocation> written = new LinkedHashMap<>();
    private final String file;
    private int line;

    public ModelBuilder() {
        this(FILE);
    }

    public ModelBuilder(String file) {
        this.file = file;
    }

    public Model model() {
        return model;
    }

    /** Where the last value with this exact text was written. */
    public SourceLocation at(String raw) {
        SourceLocation l = written.get(raw);
        if (l == null) {
            throw new IllegalArgumentException("no value '" + raw + "' was added");
        }
        return l;
    }

    /** A fresh location on the next line. */
    public SourceLocation next() {
        line++;
        return SourceLocation.of(file, line, 5, line, 6);
    }

    private SourceLocation next(String raw) {
        line++;
        SourceLocation l = SourceLocation.of(file, line, 5, line, 5 + raw.length());
        written.put(raw, l);
        return l;
    }

    /** An unresolved value such as {@code ${SUBNET}}. */
    public static final String UNKNOWN_PREFIX = "${";

    AddressValue cidr(String raw) {
        SourceLocation l = next(raw);
        return raw.startsWith(UNKNOWN_PREFIX) ? AddressValue.unknown(raw, l) : AddressValue.cidr(raw, l);
    }

    AddressValue address(String raw) {
        SourceLocation l = next(raw);
        return raw.startsWith(UNKNOWN_PREFIX) ? AddressValue.unknown(raw, l) : AddressValue.address(raw, l);
    }

    Text text(String raw) {
        SourceLocation l = next(raw);
        return raw.startsWith(UNKNOWN_PREFIX) ? Text.unknown(raw, l) : Text.of(raw, l);
    }

    /** A compose-like project on host "local". */
    public ProjectBuilder project(String name) {
        return project(name, Project.Kind.DECLARATIVE);
    }

    public ProjectBuilder project(String name, Project.Kind kind) {
        return project(name, kind, "local");
    }

    public ProjectBuilder project(String name, Project.Kind kind, String host) {
        Project p = new Project(name, kind, next(), host);
        model.add(p);
        return new ProjectBuilder(this, p);
    }

    /** A host LAN or VPN network from the configuration (hostNetworks). */
    public ModelBuilder hostNetwork(String cidr) {
        model.hostNetworks().add(cidr(cidr));
        return this;
    }

    /** bip from the configuration file. */
    public ModelBuilder configuredBip(String cidr) {
        model.configuredBip(cidr(cidr));
        return this;
    }

    /** defaultAddressPools from the configuration file. */
    public ModelBuilder configuredPool(String base, int size) {
        SourceLocation l = next();
        model.configuredPools().add(new DaemonSettings.AddressPool(cidr(base), size, l));
        return this;
    }

    /** daemon.json of a host. */
    public DaemonSettings daemon(String host) {
        DaemonSettings d = new DaemonSettings(SourceLocation.of("daemon.json", 1, 1));
        model.host(host).daemon(d);
        return d;
    }

    /** A CIDR value written in daemon.json (bip, a default-address-pools base). */
    public AddressValue daemonCidr(String raw) {
        line++;
        SourceLocation l = SourceLocation.of("daemon.json", line, 5, line, 5 + raw.length());
        written.put(raw, l);
        return AddressValue.cidr(raw, l);
    }

    public static final class ProjectBuilder {
        private final ModelBuilder b;
        private final Project project;

        ProjectBuilder(ModelBuilder b, Project project) {
            this.b = b;
            this.project = project;
        }

        public Project project() {
            return project;
        }

        public NetworkBuilder network(String name) {
            Network n = new Network(name, b.next(name + ":"));
            project.add(n);
            return new NetworkBuilder(b, this, n);
        }

        public ContainerBuilder container(String name) {
            Container c = new Container(name, b.next(name + ":"));
            project.add(c);
            return new ContainerBuilder(b, this, c);
        }
    }

    public static final class NetworkBuilder {
        private final ModelBuilder b;
        private final ProjectBuilder parent;
        private final Network network;

        NetworkBuilder(ModelBuilder b, ProjectBuilder parent, Network network) {
            this.b = b;
            this.parent = parent;
            this.network = network;
        }

        public Network network() {
            return network;
        }

        public ProjectBuilder and() {
            return parent;
        }

        public NetworkBuilder driver(String d) {
            network.driver(b.text(d));
            return this;
        }

        public NetworkBuilder option(String key, String value) {
            network.option(key, b.text(value));
            return this;
        }

        public NetworkBuilder external() {
            network.external(true);
            return this;
        }

        public NetworkBuilder ipv6(Boolean on) {
            network.enableIpv6(on, b.next("enable_ipv6"));
            return this;
        }

        public NetworkBuilder ipamDriver(String d) {
            network.ipamDriver(b.text(d));
            return this;
        }

        public PoolBuilder pool() {
            IpamPool p = new IpamPool(b.next());
            network.pool(p);
            return new PoolBuilder(b, this, p);
        }

        /** Shorthand: a pool with just a subnet. */
        public NetworkBuilder subnet(String cidr) {
            pool().subnet(cidr);
            return this;
        }
    }

    public static final class PoolBuilder {
        private final ModelBuilder b;
        private final NetworkBuilder parent;
        private final IpamPool pool;

        PoolBuilder(ModelBuilder b, NetworkBuilder parent, IpamPool pool) {
            this.b = b;
            this.parent = parent;
            this.pool = pool;
        }

        public NetworkBuilder and() {
            return parent;
        }

        public PoolBuilder subnet(String cidr) {
            pool.subnet(b.cidr(cidr));
            return this;
        }

        public PoolBuilder ipRange(String cidr) {
            pool.ipRange(b.cidr(cidr));
            return this;
        }

        public PoolBuilder gateway(String ip) {
            pool.gateway(b.address(ip));
            return this;
        }

        public PoolBuilder aux(String name, String ip) {
            pool.aux(name, b.address(ip));
            return this;
        }
    }

    public static final class ContainerBuilder {
        private final ModelBuilder b;
        private final ProjectBuilder parent;
        private final Container container;

        ContainerBuilder(ModelBuilder b, ProjectBuilder parent, Container container) {
            this.b = b;
            this.parent = parent;
            this.container = container;
        }

        public Container container() {
            return container;
        }

        public ProjectBuilder and() {
            return parent;
        }

        public ContainerBuilder mode(String mode) {
            container.networkMode(NetworkMode.parse(mode, b.next(mode)));
            return this;
        }

        /** Attaches with a dynamic address. */
        public ContainerBuilder on(String network) {
            container.attach(new Attachment(b.text(network), b.next()));
            return this;
        }

        public ContainerBuilder on(String network, String ipv4) {
            return on(network, ipv4, null);
        }

        public ContainerBuilder on(String network, String ipv4, String ipv6) {
            Attachment a = new Attachment(b.text(network), b.next());
            if (ipv4 != null) {
                a.ipv4(b.address(ipv4));
            }
            if (ipv6 != null) {
                a.ipv6(b.address(ipv6));
            }
            container.attach(a);
            return this;
        }
    }
}
