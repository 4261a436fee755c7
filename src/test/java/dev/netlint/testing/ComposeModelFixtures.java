package dev.netlint.testing;

import dev.netlint.model.AddressValue;
import dev.netlint.model.Attachment;
import dev.netlint.model.Container;
import dev.netlint.model.IpamPool;
import dev.netlint.model.Model;
import dev.netlint.model.Network;
import dev.netlint.model.NetworkMode;
import dev.netlint.model.PortMapping;
import dev.netlint.model.Project;
import dev.netlint.model.SourceLocation;
import dev.netlint.model.Text;
import dev.netlint.rules.Finding;
import dev.netlint.rules.Rule;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds compose-like (and script-like) models directly, without any reader, for rule unit tests.
 * Every element gets a fresh line in a fake file, so tests can assert where a finding lands:
 * {@link #line(Object)} tells the line an element was given.
 */
public final class ComposeModelFixtures {
    private static final Pattern SHORT_PORT = Pattern.compile(
            "^(?:(?<ip>\\[[^\\]]+\\]|[0-9]+(?:\\.[0-9]+){3}|\\$\\{[^}]+\\}):)?(?:(?<hs>\\d+)(?:-(?<he>\\d+))?:)?(?<cs>\\d+)(?:-(?<ce>\\d+))?(?:/(?<proto>[a-z]+))?$");

    private final String file;
    private int nextLine = 1;
    private final Model model = new Model();
    private final Project project;

    private ComposeModelFixtures(String file, Project.Kind kind) {
        this.file = file;
        this.project = new Project(file, kind, SourceLocation.of(file, 1, 1), "local");
        model.add(project);
    }

    /** A compose project in {@code file}. */
    public static ComposeModelFixtures compose(String file) {
        return new ComposeModelFixtures(file, Project.Kind.DECLARATIVE);
    }

    /** A script project in {@code file}. */
    public static ComposeModelFixtures script(String file) {
        return new ComposeModelFixtures(file, Project.Kind.SEQUENTIAL);
    }

    /** Observed state (an inspect dump or a live daemon) in {@code file}. */
    public static ComposeModelFixtures observed(String file) {
        return new ComposeModelFixtures(file, Project.Kind.OBSERVED);
    }

    public Model model() { return model; }
    public Project project() { return project; }

    /** The next source location: a new line. */
    public SourceLocation at() {
        return SourceLocation.of(file, nextLine++, 5);
    }

    public Text text(String value) {
        return Text.of(value, at());
    }

    public Container service(String name) {
        Container c = new Container(name, at()).serviceName(name);
        project.add(c);
        return c;
    }

    public Network network(String name) {
        Network n = new Network(name, at());
        project.add(n);
        return n;
    }

    public Network network(String name, String driver) {
        Network n = network(name);
        n.driver(text(driver)).declaredKey("driver", n.driver().location());
        return n;
    }

    public IpamPool subnet(Network n, String cidr) {
        IpamPool p = new IpamPool(at()).subnet(AddressValue.cidr(cidr, at()));
        n.pool(p).declaredKey("ipam", p.location());
        return p;
    }

    public ComposeModelFixtures mode(Container c, String mode) {
        c.networkMode(NetworkMode.parse(mode, at()));
        return this;
    }

    public Attachment attach(Container c, String network) {
        if (c.networksKeyLocation() == null) {
            c.networksKeyLocation(at());
        }
        Attachment a = new Attachment(text(network), null);
        c.attach(a);
        return a;
    }

    /** A short-syntax port entry such as {@code "127.0.0.1:8080-8081:80-81/udp"} or {@code "2379"}. */
    public PortMapping port(Container c, String spec) {
        if (c.portsKeyLocation() == null) {
            c.portsKeyLocation(at());
        }
        PortMapping m = parsePort(spec, at(), false);
        c.port(m);
        return m;
    }

    /** An unquoted entry that a YAML 1.1 reader would take as base 60. */
    public PortMapping sexagesimalPort(Container c, String spec) {
        PortMapping m = parsePort(spec, at(), true);
        c.port(m);
        return m;
    }

    public static PortMapping parsePort(String spec, SourceLocation where, boolean sexagesimal) {
        Matcher m = SHORT_PORT.matcher(spec);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a short port spec: " + spec);
        }
        String ip = m.group("ip");
        AddressValue hostIp = null;
        if (ip != null) {
            String bare = ip.startsWith("[") ? ip.substring(1, ip.length() - 1) : ip;
            hostIp = ip.startsWith("$") ? AddressValue.unknown(ip, where) : AddressValue.address(bare, where);
        }
        Integer hs = m.group("hs") == null ? null : Integer.valueOf(m.group("hs"));
        Integer he = hs == null ? null : m.group("he") == null ? hs : Integer.valueOf(m.group("he"));
        int cs = Integer.parseInt(m.group("cs"));
        int ce = m.group("ce") == null ? cs : Integer.parseInt(m.group("ce"));
        String proto = m.group("proto") == null ? "tcp" : m.group("proto");
        return new PortMapping(hostIp, hs, he, cs, ce, proto, spec, where, false, sexagesimal);
    }

    /** Runs one rule and returns its findings, in report order. */
    public static List<Finding> run(Rule rule, Model model) {
        List<Finding> out = new ArrayList<>();
        model.forgetDerived();
        rule.check(model, (r, location, message) ->
                out.add(new Finding(r.info().id(), r.info().name(), r.info().severity(), message, location)));
        out.sort(Finding.ORDER);
        return out;
    }

    public List<Finding> run(Rule rule) {
        return run(rule, model);
    }

    /** The line a located element was given. */
    public static int line(Object element) {
        SourceLocation l;
        if (element instanceof PortMapping p) {
            l = p.location();
        } else if (element instanceof Container c) {
            l = c.location();
        } else if (element instanceof Network n) {
            l = n.location();
        } else if (element instanceof Text t) {
            l = t.location();
        } else if (element instanceof AddressValue a) {
            l = a.location();
        } else if (element instanceof SourceLocation s) {
            l = s;
        } else {
            throw new IllegalArgumentException("no location: " + element);
        }
        return l.line();
    }
}
