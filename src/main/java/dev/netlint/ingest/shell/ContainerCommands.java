package dev.netlint.ingest.shell;

import dev.netlint.model.AddressValue;
import dev.netlint.model.Attachment;
import dev.netlint.model.Container;
import dev.netlint.model.NetworkMode;
import dev.netlint.model.Operation;
import dev.netlint.model.SourceLocation;
import dev.netlint.model.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code docker run/create/rm} (and their {@code docker container} forms): the container, its
 * networks, addresses, ports and names.
 */
final class ContainerCommands {
    private final CliContext cx;

    ContainerCommands(CliContext cx) {
        this.cx = cx;
    }

    void run(DockerCli.Command cmd, boolean start) {
        FlagSpec.Parsed p = cmd.p();
        SourceLocation where = cmd.where();
        boolean cond = cmd.cond();
        FlagSpec.Flag nameFlag = p.last("name");
        String name;
        SourceLocation nameLoc;
        if (nameFlag != null && nameFlag.value() != null) {
            name = cx.name(nameFlag.value());
            nameLoc = cx.loc(nameFlag.value());
        } else {
            name = "<unnamed container at line " + where.line() + ">";
            nameLoc = where;
        }
        Container c = new Container(name, nameLoc);
        if (nameFlag != null && nameFlag.value() != null) {
            c.fixedName(cx.text(nameFlag.value())); // netlint probe: NL703
        }
        List<Text> networks = new ArrayList<>();
        List<Attachment> userAttachments = new ArrayList<>();
        for (FlagSpec.Flag f : p.all("network")) {
            if (f.value() == null) {
                continue;
            }
            Text t = cx.value(f);
            if (!t.unknown() && t.value().contains("=")) {
                // advanced syntax: name=NET,alias=A,ip=X,ip6=Y,driver-opt=...
                Attachment a = advancedNetwork(t);
                if (a != null) {
                    networks.add(a.network());
                    userAttachments.add(a);
                    continue;
                }
            }
            networks.add(t);
            NetworkMode mode = mode(t);
            if (mode.is(NetworkMode.Kind.NETWORK)) {
                userAttachments.add(new Attachment(t, t.location()));
            }
        }
        if (!networks.isEmpty()) {
            c.networkMode(mode(networks.get(0)));
        }
        AddressValue ipv4 = null;
        AddressValue ipv6 = null;
        FlagSpec.Flag ip = p.last("ip");
        if (ip != null && ip.value() != null) {
            ipv4 = AddressValue.address(cx.value(ip));
        }
        FlagSpec.Flag ip6 = p.last("ip6");
        if (ip6 != null && ip6.value() != null) {
            ipv6 = AddressValue.address(cx.value(ip6));
        }
        List<Text> aliases = new ArrayList<>();
        for (FlagSpec.Flag f : p.all("network-alias")) {
            if (f.value() != null) {
                Text t = cx.value(f);
                aliases.add(t);
                c.networkAlias(t);
            }
        }
        if (userAttachments.size() == 1 && networks.size() == 1) {
            Attachment a = userAttachments.get(0);
            if (ipv4 != null && a.ipv4() == null) {
                a.ipv4(ipv4);
            }
            if (ipv6 != null && a.ipv6() == null) {
                a.ipv6(ipv6);
            }
            aliases.forEach(a::alias);
        }
        userAttachments.forEach(c::attach);
        for (FlagSpec.Flag f : p.all("publish")) {
            if (f.value() != null) {
                c.port(dev.netlint.ingest.ports.PortSpec.forCli(f.value().value(), f.value().unknown(), cx.loc(f.value())));
                String refusal = f.value().unknown() ? null : dev.netlint.ingest.ports.PortSpec.natRefusal(f.value().value());
                if (refusal != null) {
                    c.portProblem(new Container.PortProblem(f.value().value(), refusal, cx.loc(f.value())));
                }
            }
        }
        if (p.has("publish-all")) {
            FlagSpec.Flag f = p.last("publish-all");
            if (Boolean.TRUE.equals(f.bool())) {
                c.publishAll(cx.loc(f.flagWord()));
            }
        }
        p.all("expose").stream().filter(f -> f.value() != null).forEach(f -> c.expose(cx.value(f)));
        FlagSpec.Flag host = p.last("hostname");
        if (host != null && host.value() != null) {
            c.hostname(cx.value(host));
        }
        p.all("dns").stream().filter(f -> f.value() != null).forEach(f -> c.dns(cx.value(f)));
        FlagSpec.Flag mac = p.last("mac-address");
        if (mac != null && mac.value() != null) {
            c.macAddress(cx.value(mac));
        }
        p.all("add-host").stream().filter(f -> f.value() != null).forEach(f -> c.extraHost(cx.value(f)));
        p.all("link").stream().filter(f -> f.value() != null).forEach(f -> c.link(cx.value(f)));
        cx.project.add(c);
        cx.project.add(new Operation.RunContainer(c, List.copyOf(networks), start, ipv4, ipv6, p.opaque(), where, cond));
    }

    /**
     * The network mode a --network value gives. {@code container:"$X"} is container mode even
     * though the container's name is unknown.
     */
    private static NetworkMode mode(Text t) {
        if (!t.unknown()) {
            return NetworkMode.parse(t.value(), t.location());
        }
        if (t.value().startsWith("container:") && t.value().length() > "container:".length()) {
            return new NetworkMode(NetworkMode.Kind.CONTAINER, t.value().substring("container:".length()),
                    t.location(), false);
        }
        return NetworkMode.unknown(t.value(), t.location());
    }

    /**
     * {@code name=NET,alias=A,ip=X}: the attachment it describes, or null when it is not that form.
     * Static because docker service create reads the same form.
     */
    static Attachment advancedNetwork(Text t) {
        Text net = null;
        List<String[]> pairs = new ArrayList<>();
        for (String part : t.value().split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                return null;
            }
            pairs.add(new String[] {part.substring(0, eq).trim().toLowerCase(Locale.ROOT), part.substring(eq + 1)});
        }
        for (String[] kv : pairs) {
            if (kv[0].equals("name")) {
                net = Text.of(kv[1], t.location());
            }
        }
        if (net == null) {
            return null;
        }
        Attachment a = new Attachment(net, t.location());
        for (String[] kv : pairs) {
            switch (kv[0]) {
                case "alias" -> a.alias(Text.of(kv[1], t.location()));
                case "ip" -> a.ipv4(AddressValue.address(kv[1], t.location()));
                case "ip6" -> a.ipv6(AddressValue.address(kv[1], t.location()));
                default -> { }
            }
        }
        return a;
    }

    void remove(DockerCli.Command cmd) {
        FlagSpec.Parsed p = cmd.p();
        SourceLocation where = cmd.where();
        boolean cond = cmd.cond();
        for (ShellWord name : p.positionals()) {
            cx.project.add(new Operation.RemoveContainer(cx.text(name), where, cond));
        }
    }
}
