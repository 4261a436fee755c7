package dev.netlint.ingest.shell;

import dev.netlint.address.Cidr;
import dev.netlint.model.AddressValue;
import dev.netlint.model.Attachment;
import dev.netlint.model.Container;
import dev.netlint.model.IpamPool;
import dev.netlint.model.Network;
import dev.netlint.model.Operation;
import dev.netlint.model.SourceLocation;
import dev.netlint.model.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code docker network create/connect/disconnect/rm}: networks, their IPAM, and the attachments a
 * connect adds to containers the script runs.
 */
final class NetworkCommands {
    private final CliContext cx;

    NetworkCommands(CliContext cx) {
        this.cx = cx;
    }

    void remove(DockerCli.Command cmd) {
        FlagSpec.Parsed p = cmd.p();
        SourceLocation where = cmd.where();
        boolean cond = cmd.cond();
        for (ShellWord name : p.positionals()) {
            cx.project.add(new Operation.RemoveNetwork(cx.text(name), where, cond));
        }
    }

    void create(DockerCli.Command cmd) {
        FlagSpec.Parsed p = cmd.p();
        SourceLocation where = cmd.where();
        boolean cond = cmd.cond();
        if (p.positionals().isEmpty()) {
            return; // docker network create with no name: a usage error the CLI prints
        }
        ShellWord nameWord = p.positionals().get(0);
        Text name = cx.text(nameWord);
        Network n = new Network(cx.name(nameWord), name.location());
        FlagSpec.Flag driver = p.last("driver");
        if (driver != null && driver.value() != null) {
            n.driver(cx.value(driver));
            n.declaredKey("driver", cx.loc(driver.flagWord()));
        }
        for (FlagSpec.Flag f : p.all("opt")) {
            if (f.value() == null) {
                continue;
            }
            Text t = cx.value(f);
            int eq = t.value().indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String key = t.value().substring(0, eq);
            if (!t.unknown()) {
                n.option(key, Text.of(t.value().substring(eq + 1), t.location()));
            } else if (key.matches("[A-Za-z0-9_.-]+")) {
                n.option(key, Text.unknown(t.value().substring(eq + 1), t.location())); // parent="$IFACE"
            }
        }
        FlagSpec.Flag internal = p.last("internal");
        if (internal != null) {
            n.internal(Boolean.TRUE.equals(internal.bool()));
            n.declaredKey("internal", cx.loc(internal.flagWord()));
        }
        FlagSpec.Flag attachable = p.last("attachable");
        if (attachable != null) {
            n.attachable(Boolean.TRUE.equals(attachable.bool()));
        }
        FlagSpec.Flag ipv6 = p.last("ipv6");
        if (ipv6 != null) {
            boolean on = Boolean.TRUE.equals(ipv6.bool());
            n.enableIpv6(on, cx.loc(ipv6.flagWord()));
            n.declaredKey("enable_ipv6", cx.loc(ipv6.flagWord()));
        }
        FlagSpec.Flag configOnly = p.last("config-only");
        if (configOnly != null && Boolean.TRUE.equals(configOnly.bool())) {
            n.declaredKey(Network.CONFIG_ONLY, cx.loc(configOnly.flagWord()));
        }
        FlagSpec.Flag ipamDriver = p.last("ipam-driver");
        if (ipamDriver != null && ipamDriver.value() != null) {
            n.ipamDriver(cx.value(ipamDriver));
        }
        ipam(n, p);
        configFrom(n, p);
        if (!cx.project.networks().containsKey(n.name())) {
            cx.project.add(n);
        }
        cx.project.add(new Operation.CreateNetwork(n, name, where, cond));
    }

    /**
     * {@code --config-from X}: the network takes its parent, options and IPAM from the
     * {@code --config-only} network X created earlier in the script, which is not a network of its
     * own. X's settings move to this network (each pool stays in the project once, at the
     * locations where X's flags were written).
     */
    private void configFrom(Network n, FlagSpec.Parsed p) {
        FlagSpec.Flag from = p.last("config-from");
        if (from == null || from.value() == null || from.value().unknown()) {
            return;
        }
        Network config = cx.project.networks().get(from.value().value());
        if (config == null || config.declaredKeys().get(Network.CONFIG_ONLY) == null) {
            return;
        }
        config.options().forEach((k, v) -> {
            if (!n.options().containsKey(k)) {
                n.option(k, v);
            }
        });
        config.pools().forEach(n::pool);
        if (n.enableIpv6() == null && config.enableIpv6() != null) {
            n.enableIpv6(config.enableIpv6(), config.enableIpv6Location());
        }
        cx.project.networks().remove(config.name());
    }

    /**
     * Pairs --ip-range, --gateway and --aux-address with the --subnet that contains them, as the
     * docker CLI does. With a single subnet, a value it does not contain still goes to that pool
     * (the IPAM rules report it as outside its subnet); with none or several, an unmatched value
     * goes to a pool of its own with no subnet.
     */
    private void ipam(Network n, FlagSpec.Parsed p) {
        List<IpamPool> pools = new ArrayList<>();
        List<Cidr> parsed = new ArrayList<>();
        for (FlagSpec.Flag f : p.all("subnet")) {
            if (f.value() == null) {
                continue;
            }
            IpamPool pool = new IpamPool(cx.loc(f.flagWord())).subnet(AddressValue.cidr(cx.value(f)));
            pools.add(pool);
            parsed.add(pool.subnet().asCidr().orElse(null));
            n.pool(pool);
        }
        if (!pools.isEmpty()) {
            n.declaredKey("ipam", pools.get(0).location());
        }
        for (FlagSpec.Flag f : p.all("ip-range")) {
            if (f.value() != null) {
                AddressValue v = AddressValue.cidr(cx.value(f));
                IpamPool target = match(n, pools, parsed, v, pool -> pool.ipRange() == null, cx.loc(f.flagWord()));
                target.ipRange(v);
            }
        }
        for (FlagSpec.Flag f : p.all("gateway")) {
            if (f.value() != null) {
                AddressValue v = AddressValue.address(cx.value(f));
                IpamPool target = match(n, pools, parsed, v, pool -> pool.gateway() == null, cx.loc(f.flagWord()));
                target.gateway(v);
            }
        }
        for (FlagSpec.Flag f : p.all("aux-address")) {
            if (f.value() == null) {
                continue;
            }
            Text t = cx.value(f);
            int eq = t.value().indexOf('=');
            if (t.unknown() || eq <= 0) {
                continue;
            }
            AddressValue v = AddressValue.address(t.value().substring(eq + 1), t.location());
            IpamPool target = match(n, pools, parsed, v, pool -> true, cx.loc(f.flagWord()));
            target.aux(t.value().substring(0, eq), v);
        }
    }

    private IpamPool match(Network n, List<IpamPool> pools, List<Cidr> subnets, AddressValue v,
                           java.util.function.Predicate<IpamPool> free, SourceLocation flag) {
        if (!v.isUnknown() && !v.isMalformed()) {
            for (int k = 0; k < pools.size(); k++) {
                Cidr s = subnets.get(k);
                if (s == null) {
                    continue;
                }
                boolean inside = v.asCidr().map(r -> s.contains(r.normalized())).orElse(false)
                        || v.asIp().map(s::contains).orElse(false);
                if (inside && free.test(pools.get(k))) {
                    return pools.get(k);
                }
            }
        }
        if (pools.size() == 1 && free.test(pools.get(0))) {
            return pools.get(0);
        }
        if (v.isUnknown() && !pools.isEmpty()) {
            for (IpamPool pool : pools) {
                if (free.test(pool)) {
                    return pool;
                }
            }
        }
        IpamPool orphan = new IpamPool(flag);
        n.pool(orphan);
        return orphan;
    }

    void connect(DockerCli.Command cmd) {
        FlagSpec.Parsed p = cmd.p();
        SourceLocation where = cmd.where();
        boolean cond = cmd.cond();
        if (p.positionals().size() < 2) {
            return;
        }
        Text net = cx.text(p.positionals().get(0));
        Text container = cx.text(p.positionals().get(1));
        FlagSpec.Flag ip = p.last("ip");
        FlagSpec.Flag ip6 = p.last("ip6");
        AddressValue v4 = ip != null && ip.value() != null ? AddressValue.address(cx.value(ip)) : null;
        AddressValue v6 = ip6 != null && ip6.value() != null ? AddressValue.address(cx.value(ip6)) : null;
        List<Text> aliases = p.all("alias").stream().filter(f -> f.value() != null).map(cx::value).toList();
        cx.project.add(new Operation.Connect(net, container, v4, v6, aliases, where, cond));
        // the attachment, on a container this script runs, so the address rules see its --ip
        if (!container.unknown() && !net.unknown() && !Network.HOST.equals(net.value())
                && !Network.NONE.equals(net.value()) && !Network.DEFAULT_BRIDGE.equals(net.value())) {
            Optional<Container> c = lastContainer(container.value());
            c.ifPresent(k -> {
                Attachment a = new Attachment(net, net.location()).ipv4(v4).ipv6(v6);
                aliases.forEach(a::alias);
                k.attach(a);
            });
        }
    }

    private Optional<Container> lastContainer(String name) {
        Container found = null;
        for (Container c : cx.project.containers()) {
            if (c.name().equals(name)) {
                found = c;
            }
        }
        return Optional.ofNullable(found);
    }

    void disconnect(DockerCli.Command cmd) {
        FlagSpec.Parsed p = cmd.p();
        SourceLocation where = cmd.where();
        boolean cond = cmd.cond();
        if (p.positionals().size() < 2) {
            return;
        }
        cx.project.add(new Operation.Disconnect(cx.text(p.positionals().get(0)), cx.text(p.positionals().get(1)), where,
                cond));
    }
}
