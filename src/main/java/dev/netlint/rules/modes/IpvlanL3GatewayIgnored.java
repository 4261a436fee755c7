package dev.netlint.rules.modes;

import dev.netlint.model.IpamPool;
import dev.netlint.model.Model;
import dev.netlint.model.Network;
import dev.netlint.model.Project;
import dev.netlint.model.Severity;
import dev.netlint.model.Text;
import dev.netlint.rules.FindingSink;
import dev.netlint.rules.Rule;
import dev.netlint.rules.RuleInfo;

import java.util.Locale;
import java.util.Optional;

@RuleInfo(id = "NL215", name = "ipvlan-l3-gateway-ignored", severity = Severity.WARNING,
        summary = "An ipvlan network in l3 mode sets a gateway, which the driver ignores.")
public final class IpvlanL3GatewayIgnored implements Rule {
    @Override
    public void check(Model model, FindingSink out) {
        for (Project p : model.projects()) {
            if (p.kind() == Project.Kind.OBSERVED) {
                // An inspected network shows the gateway IPAM reserved whether or not one was asked for.
                continue;
            }
            for (Network n : p.allNetworks()) {
                if (n.external() || !n.isDriver("ipvlan")) {
                    continue;
                }
                Optional<Text> mode = n.option("ipvlan_mode");
                if (mode.isEmpty() || !mode.get().known()
                        || !mode.get().value().trim().toLowerCase(Locale.ROOT).startsWith("l3")) {
                    continue;
                }
                for (IpamPool pool : n.pools()) {
                    if (pool.gateway() == null || pool.gateway().isUnknown()) {
                        continue;
                    }
                    out.report(this, pool.gateway().location() != null ? pool.gateway().location() : pool.location(),
                            "ipvlan network \"" + n.name() + "\" is in " + mode.get().value().trim() + " mode, where the"
                                    + " gateway " + pool.gateway().raw() + " is ignored: the daemon accepts it, but"
                                    + " containers get a default route through their own interface and the parent"
                                    + " host routes for them. Remove the gateway, and add a route on the LAN router"
                                    + " to the subnet via this host.");
                }
            }
        }
    }
}
