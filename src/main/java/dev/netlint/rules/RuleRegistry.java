package dev.netlint.rules;

import dev.netlint.rules.input.InputNotParsed;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Every rule netlint ships, in id order. Add a rule's class here to turn it on. */
public final class RuleRegistry {
    private static final List<Rule> ALL = build();

    private RuleRegistry() {
    }

    private static List<Rule> build() {
        List<Rule> rules = new ArrayList<>();
        rules.add(new InputNotParsed());
        // network modes and drivers (NL2xx), ports (NL3xx)
        rules.add(new dev.netlint.rules.modes.HostModePortsDiscarded());
        rules.add(new dev.netlint.rules.modes.NoneModePortsUnpublished());
        rules.add(new dev.netlint.rules.modes.ConflictingNetworkModeOption());
        rules.add(new dev.netlint.rules.modes.NetworkModeUnknownService());
        rules.add(new dev.netlint.rules.modes.NetworkModeWithNetworks());
        rules.add(new dev.netlint.rules.modes.UndefinedNetwork());
        rules.add(new dev.netlint.rules.modes.UnusedNetwork());
        rules.add(new dev.netlint.rules.modes.ExternalNetworkIgnoredKeys());
        rules.add(new dev.netlint.rules.modes.PortsOnLanNetwork());
        rules.add(new dev.netlint.rules.modes.AliasOnBuiltinNetwork());
        rules.add(new dev.netlint.rules.modes.AliasIgnoredOnDefaultBridge());
        rules.add(new dev.netlint.rules.modes.LinksOnHostNetwork());
        rules.add(new dev.netlint.rules.modes.LanNetworkWithoutParent());
        rules.add(new dev.netlint.rules.modes.LanNetworkWithoutSubnet());
        rules.add(new dev.netlint.rules.modes.IpvlanL3GatewayIgnored());
        rules.add(new dev.netlint.rules.modes.HostNetworkMode());
        rules.add(new dev.netlint.rules.modes.NetworkUndeclaredInFragment());
        rules.add(new dev.netlint.rules.ports.HostPortAlreadyAllocated());
        rules.add(new dev.netlint.rules.ports.PortOnAllInterfaces());
        rules.add(new dev.netlint.rules.ports.PrivilegedHostPort());
        rules.add(new dev.netlint.rules.ports.SexagesimalPortMapping());
        rules.add(new dev.netlint.rules.ports.DhcpPortPublished());
        rules.sort(Comparator.comparing(r -> r.info().id()));
        return List.copyOf(rules);
    }

    public static List<Rule> all() {
        return ALL;
    }

    public static Optional<Rule> byId(String id) {
        return ALL.stream().filter(r -> r.info().id().equalsIgnoreCase(id) || r.info().name().equalsIgnoreCase(id))
                .findFirst();
    }
}
