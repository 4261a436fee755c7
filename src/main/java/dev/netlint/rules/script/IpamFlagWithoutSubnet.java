package dev.netlint.rules.script;

import dev.netlint.deploy.DeployState;
import dev.netlint.deploy.Step;
import dev.netlint.model.AddressValue;
import dev.netlint.model.Network;
import dev.netlint.model.NetworkMode;
import dev.netlint.model.Operation;
import dev.netlint.model.Severity;
import dev.netlint.model.Text;
import dev.netlint.rules.RuleInfo;
import dev.netlint.rules.SimulatedRule;

import dev.netlint.model.IpamPool;

@RuleInfo(id = "NL414", name = "ipam-flag-without-subnet", severity = Severity.ERROR,
        summary = "docker network create has an --ip-range, --gateway or --aux-address that no --subnet of the network contains.")
public final class IpamFlagWithoutSubnet extends SimulatedRule {
    @Override
    public Phase phase() {
        return Phase.CREATE;
    }

    @Override
    public Verdict check(Step step, DeployState state, Step.Report out) {
        // compose keeps each ipam config entry whole: a pool there always pairs its own keys
        if (!(step.operation() instanceof Operation.CreateNetwork op) || step.declarative()) {
            return Verdict.ACCEPTED;
        }
        Network n = op.network();
        boolean hasSubnets = n.pools().stream().anyMatch(p -> p.subnet() != null);
        boolean refused = false;
        for (IpamPool pool : n.pools()) {
            if (pool.subnet() != null) {
                continue;
            }
            refused |= noSubnet(pool.ipRange(), "range", hasSubnets, out);
            refused |= noSubnet(pool.gateway(), "gateway", hasSubnets, out);
            for (AddressValue aux : pool.auxAddresses().values()) {
                refused |= noSubnet(aux, "aux-address", hasSubnets, out);
            }
        }
        return refused ? Verdict.REFUSED : Verdict.ACCEPTED;
    }

    private static boolean noSubnet(AddressValue v, String what, boolean hasSubnets, Step.Report out) {
        if (v == null || v.isUnknown()) {
            return false;
        }
        String message;
        if (!hasSubnets && !what.equals("aux-address")) {
            message = "--" + (what.equals("range") ? "ip-range" : what) + " " + v.raw() + " without any --subnet; "
                    + "the docker CLI refuses: \"every ip-range or gateway must have a corresponding subnet\". "
                    + "Add the --subnet that contains it.";
        } else {
            message = "no --subnet of this network contains " + v.raw() + "; the docker CLI refuses: \"no matching "
                    + "subnet for " + what + " " + v.raw() + "\". Add the --subnet that contains it, or correct the "
                    + "address.";
        }
        out.report(v.location(), message);
        return true;
    }
}
