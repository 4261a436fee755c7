package dev.netlint.rules;

import dev.netlint.rules.input.InputNotParsed;
import dev.netlint.rules.input.UnknownRuleInDirective;
import dev.netlint.rules.input.UnusedDirective;
import dev.netlint.rules.ipam.AuxAddressOutsideSubnet;
import dev.netlint.rules.ipam.DefaultBridgeOverlap;
import dev.netlint.rules.ipam.DefaultPoolOverlap;
import dev.netlint.rules.ipam.HostBitsSet;
import dev.netlint.rules.ipam.HostNetworkOverlap;
import dev.netlint.rules.ipam.InvalidGateway;
import dev.netlint.rules.ipam.IpRangeOutsideSubnet;
import dev.netlint.rules.ipam.Ipv6SubnetWithoutIpv6;
import dev.netlint.rules.ipam.MalformedAddress;
import dev.netlint.rules.ipam.PublicSubnet;
import dev.netlint.rules.ipam.StaticIpInDynamicPool;
import dev.netlint.rules.ipam.StaticIpInUse;
import dev.netlint.rules.ipam.StaticIpOutsideSubnet;
import dev.netlint.rules.ipam.StaticIpWithoutSubnet;
import dev.netlint.rules.ipam.SubnetOverlap;

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
        rules.add(new UnknownRuleInDirective());
        rules.add(new UnusedDirective());
        // IPAM (NL1xx)
        rules.add(new IpRangeOutsideSubnet());
        rules.add(new InvalidGateway());
        rules.add(new AuxAddressOutsideSubnet());
        rules.add(new HostBitsSet());
        rules.add(new MalformedAddress());
        rules.add(new StaticIpOutsideSubnet());
        rules.add(new StaticIpWithoutSubnet());
        rules.add(new StaticIpInUse());
        rules.add(new StaticIpInDynamicPool());
        rules.add(new SubnetOverlap());
        rules.add(new PublicSubnet());
        rules.add(new Ipv6SubnetWithoutIpv6());
        rules.add(new DefaultBridgeOverlap());
        rules.add(new HostNetworkOverlap());
        rules.add(new DefaultPoolOverlap());
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
