package dev.netlint.rules;

import dev.netlint.rules.input.InputNotParsed;
import dev.netlint.rules.script.BuiltinNetworkConnect;
import dev.netlint.rules.script.ConnectSharedStackContainer;
import dev.netlint.rules.script.DuplicateConnect;
import dev.netlint.rules.script.DisconnectNotConnected;
import dev.netlint.rules.script.StaticIpOnBuiltinNetwork;
import dev.netlint.rules.script.AliasOrLinkOnBuiltinNetwork;
import dev.netlint.rules.script.OptionConflictsWithNetworkMode;
import dev.netlint.rules.script.MultipleNetworksOnRun;
import dev.netlint.rules.script.NetworkAlreadyExists;
import dev.netlint.rules.script.ContainerNameInUse;
import dev.netlint.rules.script.OverlayWithoutSwarm;
import dev.netlint.rules.script.MacvlanParentInUse;
import dev.netlint.rules.script.HostModePublishedPorts;
import dev.netlint.rules.script.IgnoredOnDefaultBridge;
import dev.netlint.rules.script.IpamFlagWithoutSubnet;
import dev.netlint.rules.script.NetworkRemovedWhileInUse;

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
        rules.add(new BuiltinNetworkConnect());
        rules.add(new ConnectSharedStackContainer());
        rules.add(new DuplicateConnect());
        rules.add(new DisconnectNotConnected());
        rules.add(new StaticIpOnBuiltinNetwork());
        rules.add(new AliasOrLinkOnBuiltinNetwork());
        rules.add(new OptionConflictsWithNetworkMode());
        rules.add(new MultipleNetworksOnRun());
        rules.add(new NetworkAlreadyExists());
        rules.add(new ContainerNameInUse());
        rules.add(new OverlayWithoutSwarm());
        rules.add(new MacvlanParentInUse());
        rules.add(new HostModePublishedPorts());
        rules.add(new IgnoredOnDefaultBridge());
        rules.add(new IpamFlagWithoutSubnet());
        rules.add(new NetworkRemovedWhileInUse());
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
