package dev.netlint.rules.script;

import dev.netlint.model.Severity;
import dev.netlint.rules.RuleInfo;

@RuleInfo(id = "NL414", name = "ipam-flag-without-subnet", severity = Severity.ERROR,
        summary = "docker network create has an --ip-range, --gateway or --aux-address that no --subnet of the network contains.")
public final class IpamFlagWithoutSubnet extends SimulationRule {
    public IpamFlagWithoutSubnet() {
        super(ScriptSimulator.Kind.IPAM_NO_MATCHING_SUBNET);
    }
}
