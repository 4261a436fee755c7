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
        rules.add(new dev.netlint.rules.probe.SubnetOverlapsLiveNetwork());
        rules.add(new dev.netlint.rules.probe.ExternalNetworkMissing());
        rules.add(new dev.netlint.rules.probe.ContainerNameTaken());
        rules.add(new dev.netlint.rules.probe.HostPortBound());
        rules.add(new dev.netlint.rules.probe.StaticAddressInUse());
        rules.add(new dev.netlint.rules.probe.NetworkDrift());
        rules.add(new dev.netlint.rules.probe.ContainerAttachmentDrift());
        rules.add(new dev.netlint.rules.probe.NetworkNameTaken());
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
