package dev.netlint.rules;

import dev.netlint.rules.daemon.AddressPoolSizeInvalid;
import dev.netlint.rules.daemon.BipIsNetworkAddress;
import dev.netlint.rules.daemon.BipOverlapsAddressPools;
import dev.netlint.rules.daemon.DaemonAddressMalformed;
import dev.netlint.rules.daemon.DaemonBlockOverlapsHostNetwork;
import dev.netlint.rules.daemon.FixedCidrOutsideBip;
import dev.netlint.rules.daemon.IccEnabled;
import dev.netlint.rules.daemon.IpAllInterfaces;
import dev.netlint.rules.input.InputNotParsed;
import dev.netlint.rules.input.InputNotRecognised;
import dev.netlint.rules.topology.LanDuplicateAddress;
import dev.netlint.rules.topology.LanRangeCoversReserved;
import dev.netlint.rules.topology.LanRangeOverlap;
import dev.netlint.rules.topology.MacvlanHostUnreachable;
import dev.netlint.rules.topology.OverlaySubnetOverlap;

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
        rules.add(new InputNotRecognised());
        rules.add(new LanRangeOverlap());
        rules.add(new LanRangeCoversReserved());
        rules.add(new LanDuplicateAddress());
        rules.add(new OverlaySubnetOverlap());
        rules.add(new MacvlanHostUnreachable());
        rules.add(new BipOverlapsAddressPools());
        rules.add(new AddressPoolSizeInvalid());
        rules.add(new FixedCidrOutsideBip());
        rules.add(new DaemonBlockOverlapsHostNetwork());
        rules.add(new IccEnabled());
        rules.add(new IpAllInterfaces());
        rules.add(new DaemonAddressMalformed());
        rules.add(new BipIsNetworkAddress());
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
