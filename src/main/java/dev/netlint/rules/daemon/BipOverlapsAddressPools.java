package dev.netlint.rules.daemon;

import dev.netlint.address.Cidr;
import dev.netlint.model.DaemonSettings;
import dev.netlint.model.Model;
import dev.netlint.model.Severity;
import dev.netlint.rules.FindingSink;
import dev.netlint.rules.Rule;
import dev.netlint.rules.RuleInfo;

import java.util.Optional;

/**
 * bip inside (or overlapping) a default-address-pools base of the same daemon.json. Only when both
 * are set: Docker's built-in pools contain its default bridge by design and skip it.
 */
@RuleInfo(id = "NL601", name = "bip-overlaps-address-pools", severity = Severity.ERROR,
        summary = "The default bridge (bip) overlaps a default-address-pools base in daemon.json.")
public final class BipOverlapsAddressPools implements Rule {
    @Override
    public void check(Model model, FindingSink out) {
        for (DaemonSettings d : Daemons.of(model)) {
            if (d.bip() == null) {
                continue;
            }
            Optional<Cidr> bip = d.bip().asCidr().map(Cidr::normalized);
            if (bip.isEmpty()) {
                continue;
            }
            for (DaemonSettings.AddressPool pool : d.defaultAddressPools()) {
                Optional<Cidr> base = pool.base().asCidr().map(Cidr::normalized);
                if (base.isPresent() && base.get().overlaps(bip.get())) {
                    out.report(this, d.bip().location(), "bip " + d.bip().raw() + " puts the default bridge on "
                            + bip.get() + ", inside default-address-pools base " + pool.base().raw() + " (line "
                            + pool.base().location().line() + "). The daemon can then hand the bridge's block to "
                            + "a user network and fail to start with 'error creating default \"bridge\" network: "
                            + "Pool overlaps with other one on this address space'. Move bip outside every pool base.");
                    break;
                }
            }
        }
    }
}
