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
import dev.netlint.rules.input.UnknownRuleInDirective;
import dev.netlint.rules.input.UnusedDirective;
import dev.netlint.rules.script.BuiltinNetworkConnect;
import dev.netlint.rules.script.ConnectSharedStackContainer;
import dev.netlint.rules.script.DuplicateConnect;
import dev.netlint.rules.script.DisconnectNotConnected;
import dev.netlint.rules.script.StaticIpOnBuiltinNetwork;
import dev.netlint.rules.script.MultipleNetworksOnRun;
import dev.netlint.rules.script.NetworkAlreadyExists;
import dev.netlint.rules.script.ContainerNameInUse;
import dev.netlint.rules.script.OverlayWithoutSwarm;
import dev.netlint.rules.script.MacvlanParentInUse;
import dev.netlint.rules.script.IgnoredOnDefaultBridge;
import dev.netlint.rules.script.CliRefusesCommand;
import dev.netlint.rules.script.IpamFlagWithoutSubnet;
import dev.netlint.rules.script.NetworkRemovedWhileInUse;
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
        rules.add(new InputNotRecognised());
        rules.add(new dev.netlint.rules.input.TooManyFindings());
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
        rules.add(new UnknownRuleInDirective());
        rules.add(new UnusedDirective());
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
        rules.add(new BuiltinNetworkConnect());
        rules.add(new ConnectSharedStackContainer());
        rules.add(new DuplicateConnect());
        rules.add(new DisconnectNotConnected());
        rules.add(new StaticIpOnBuiltinNetwork());
        rules.add(new MultipleNetworksOnRun());
        rules.add(new NetworkAlreadyExists());
        rules.add(new ContainerNameInUse());
        rules.add(new OverlayWithoutSwarm());
        rules.add(new MacvlanParentInUse());
        rules.add(new IgnoredOnDefaultBridge());
        rules.add(new CliRefusesCommand());
        rules.add(new IpamFlagWithoutSubnet());
        rules.add(new NetworkRemovedWhileInUse());
        rules.add(new dev.netlint.rules.probe.SubnetOverlapsLiveNetwork());
        rules.add(new dev.netlint.rules.probe.ExternalNetworkMissing());
        rules.add(new dev.netlint.rules.probe.ContainerNameTaken());
        rules.add(new dev.netlint.rules.probe.HostPortBound());
        rules.add(new dev.netlint.rules.probe.StaticAddressInUse());
        rules.add(new dev.netlint.rules.probe.NetworkDrift());
        rules.add(new dev.netlint.rules.probe.ContainerAttachmentDrift());
        rules.add(new dev.netlint.rules.probe.NetworkNameTaken());
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
        // the engine's own checks, ported from moby/docker-cli (docs/engine-checks.md)
        rules.add(new dev.netlint.rules.ipam.SubnetTooSmall());
        rules.add(new dev.netlint.rules.ipam.Ipv6WithoutIpv6Subnet());
        rules.add(new dev.netlint.rules.ipam.AuxAddressReserved());
        rules.add(new dev.netlint.rules.ipam.Ipv6AddressBeyondBitmask());
        rules.add(new dev.netlint.rules.engine.LanDriverModeInvalid());
        rules.add(new dev.netlint.rules.engine.LanParentInvalid());
        rules.add(new dev.netlint.rules.engine.BridgeOptionInvalid());
        rules.add(new dev.netlint.rules.engine.BridgeMultipleSubnets());
        rules.add(new dev.netlint.rules.engine.BridgeNameInUse());
        rules.add(new dev.netlint.rules.engine.MacAddressInvalid());
        rules.add(new dev.netlint.rules.engine.DnsServerInvalid());
        rules.add(new dev.netlint.rules.engine.ExtraHostInvalid());
        rules.add(new dev.netlint.rules.engine.PredefinedNetworkRemoved());
        rules.add(new dev.netlint.rules.engine.PortSpecInvalid());
        rules.sort(Comparator.comparing(r -> r.info().id()));
        return List.copyOf(rules);
    }

    public static List<Rule> all() {
        return ALL;
    }

    /** The rules that judge deploy steps, for the one simulation every input goes through. */
    public static List<dev.netlint.deploy.StepCheck> stepChecks() {
        return ALL.stream().filter(r -> r instanceof dev.netlint.deploy.StepCheck)
                .map(r -> (dev.netlint.deploy.StepCheck) r).toList();
    }

    /** The rule with this id or name, or the first rule that absorbed this former id. */
    public static Optional<Rule> byId(String id) {
        List<Rule> found = resolve(ALL, id);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /**
     * The rules an id, a name or a former id (an alias) stands for, in id order: one rule for a
     * current id or name, every rule that absorbed it for a former id, none when unknown.
     */
    public static List<Rule> resolve(List<Rule> rules, String given) {
        String g = given.trim();
        for (Rule r : rules) {
            if (r.info().id().equalsIgnoreCase(g) || r.info().name().equalsIgnoreCase(g)) {
                return List.of(r);
            }
        }
        List<Rule> out = new ArrayList<>();
        for (Rule r : rules) {
            for (String alias : r.info().aliases()) {
                if (alias.equalsIgnoreCase(g)) {
                    out.add(r);
                }
            }
        }
        return out;
    }

    /** Whether {@code id} is a former id of some rule (and no longer a rule's own id). */
    public static boolean isAlias(String id) {
        return ALL.stream().noneMatch(r -> r.info().id().equalsIgnoreCase(id))
                && ALL.stream().anyMatch(r -> java.util.Arrays.stream(r.info().aliases()).anyMatch(id::equalsIgnoreCase));
    }
}
