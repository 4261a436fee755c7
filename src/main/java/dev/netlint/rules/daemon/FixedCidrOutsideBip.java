package dev.netlint.rules.daemon;

import dev.netlint.address.Cidr;
import dev.netlint.model.DaemonSettings;
import dev.netlint.model.Model;
import dev.netlint.model.Severity;
import dev.netlint.rules.FindingSink;
import dev.netlint.rules.Rule;
import dev.netlint.rules.RuleInfo;

import java.util.Optional;

@RuleInfo(id = "NL603", name = "fixed-cidr-outside-bip", severity = Severity.ERROR,
        summary = "fixed-cidr is not inside the default bridge's subnet (bip), so the daemon refuses to start.")
public final class FixedCidrOutsideBip implements Rule {
    @Override
    public void check(Model model, FindingSink out) {
        for (DaemonSettings d : Daemons.of(model)) {
            if (d.bip() == null || d.fixedCidr() == null) {
                continue;
            }
            Optional<Cidr> bip = d.bip().asCidr().map(Cidr::normalized);
            Optional<Cidr> fixed = d.fixedCidr().asCidr().map(Cidr::normalized);
            if (bip.isEmpty() || fixed.isEmpty() || bip.get().contains(fixed.get())) {
                continue;
            }
            out.report(this, d.fixedCidr().location(), "fixed-cidr " + d.fixedCidr().raw() + " is not inside the "
                    + "default bridge's subnet " + bip.get() + " (bip " + d.bip().raw() + "); the daemon fails to "
                    + "start ('setup FixedCIDRv4 failed for subnet " + fixed.get() + " in " + d.bip().raw()
                    + ": network does not contain specified subnet'). fixed-cidr must be a block of bip's subnet, "
                    + "e.g. " + bip.get() + " itself or a smaller block of it.");
        }
    }
}
