package dev.netlint.rules.engine;

import dev.netlint.address.Cidr;
import dev.netlint.model.IpamPool;
import dev.netlint.model.Model;
import dev.netlint.model.Network;
import dev.netlint.model.Severity;
import dev.netlint.rules.FindingSink;
import dev.netlint.rules.Rule;
import dev.netlint.rules.RuleInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** libnetwork bridge {@code processIPAM}: one IPv4 pool and at most one IPv6 pool per bridge network. */
@RuleInfo(id = "NL221", name = "bridge-multiple-subnets", severity = Severity.ERROR,
        summary = "A bridge network has more than one IPv4 subnet, or more than one IPv6 subnet, which the bridge driver refuses.")
public final class BridgeMultipleSubnets implements Rule {
    @Override
    public void check(Model model, FindingSink out) {
        for (Declared.Net d : Declared.networks(model)) {
            Network n = d.network();
            if (!n.isDriver("bridge")) {
                continue;
            }
            List<IpamPool> v4 = new ArrayList<>();
            List<IpamPool> v6 = new ArrayList<>();
            List<Cidr> seen = new ArrayList<>();
            for (IpamPool pool : n.pools()) {
                Optional<Cidr> c = pool.subnet() == null ? Optional.empty() : pool.subnet().asCidr();
                if (c.isEmpty() || seen.stream().anyMatch(o -> o.overlaps(c.get()))) {
                    continue; // overlapping subnets are refused before the driver sees them (NL110)
                }
                seen.add(c.get());
                (c.get().isIPv4() ? v4 : v6).add(pool);
            }
            report(n, v4, "IPv4", out);
            report(n, v6, "IPv6", out);
        }
    }

    private void report(Network n, List<IpamPool> pools, String family, FindingSink out) {
        for (int i = 1; i < pools.size(); i++) {
            IpamPool extra = pools.get(i);
            out.report(this, extra.subnet().location() != null ? extra.subnet().location() : extra.location(),
                    "bridge network '" + n.name() + "' already has the " + family + " subnet "
                            + pools.get(0).subnet().raw() + "; the bridge driver takes one " + family + " subnet and "
                            + "the daemon refuses a second: \"bridge driver doesn't support multiple subnets\". Use "
                            + "one subnet that covers both, or a second network.");
        }
    }
}
