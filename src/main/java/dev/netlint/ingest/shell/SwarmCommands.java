package dev.netlint.ingest.shell;

import dev.netlint.model.AddressValue;
import dev.netlint.model.Attachment;
import dev.netlint.model.Container;
import dev.netlint.model.Operation;
import dev.netlint.model.SourceLocation;
import dev.netlint.model.Text;

import java.util.ArrayList;
import java.util.List;

/** {@code docker service create} and {@code docker swarm init}: services, their networks and ports, and swarm pools. */
final class SwarmCommands {
    private final CliContext cx;

    SwarmCommands(CliContext cx) {
        this.cx = cx;
    }

    void service(DockerCli.Command cmd) {
        FlagSpec.Parsed p = cmd.p();
        SourceLocation where = cmd.where();
        boolean cond = cmd.cond();
        FlagSpec.Flag nameFlag = p.last("name");
        String name = nameFlag != null && nameFlag.value() != null ? nameFlag.value().value()
                : "<unnamed service at line " + where.line() + ">";
        Container s = new Container(name,
                nameFlag != null && nameFlag.value() != null ? cx.loc(nameFlag.value()) : where);
        List<Text> networks = new ArrayList<>();
        for (FlagSpec.Flag f : p.all("network")) {
            if (f.value() == null) {
                continue;
            }
            Text t = cx.value(f);
            Attachment a = !t.unknown() && t.value().contains("=") ? ContainerCommands.advancedNetwork(t) : null;
            if (a == null) {
                a = new Attachment(t, t.location());
            }
            networks.add(a.network());
            s.attach(a);
        }
        for (FlagSpec.Flag f : p.all("publish")) {
            if (f.value() == null) {
                continue;
            }
            Text t = cx.value(f);
            if (!t.unknown() && t.value().contains("=")) {
                s.port(longPort(t));
            } else {
                s.port(dev.netlint.ingest.ports.PortSpec.forCli(t.value(), t.unknown(), t.location()));
            }
        }
        cx.project.add(new Operation.CreateService(s, List.copyOf(networks), where, cond));
    }

    /** {@code published=8080,target=80,protocol=udp,mode=host}. */
    private static dev.netlint.model.PortMapping longPort(Text t) {
        Integer published = null;
        Integer target = null;
        String proto = "tcp";
        for (String part : t.value().split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String k = part.substring(0, eq).trim();
            String v = part.substring(eq + 1).trim();
            try {
                switch (k) {
                    case "published" -> published = Integer.parseInt(v);
                    case "target" -> target = Integer.parseInt(v);
                    case "protocol" -> proto = v;
                    default -> { }
                }
            } catch (NumberFormatException e) {
                return new dev.netlint.model.PortMapping(null, null, null, 0, 0, proto, t.value(), t.location(), true, false);
            }
        }
        if (target == null || target < 0 || target > 65535 || (published != null && (published < 0 || published > 65535))) {
            return new dev.netlint.model.PortMapping(null, null, null, 0, 0, proto, t.value(), t.location(), true, false);
        }
        return new dev.netlint.model.PortMapping(null, published, published, target, target, proto, t.value(),
                t.location(), false, false);
    }

    void init(DockerCli.Command cmd) {
        FlagSpec.Parsed p = cmd.p();
        SourceLocation where = cmd.where();
        boolean cond = cmd.cond();
        List<AddressValue> pools = p.all("default-addr-pool").stream().filter(f -> f.value() != null)
                .map(f -> AddressValue.cidr(cx.value(f))).toList();
        cx.project.add(new Operation.SwarmInit(pools, where, cond));
    }
}
