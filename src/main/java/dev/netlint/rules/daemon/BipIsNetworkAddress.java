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
 * bip is the bridge's own address with a prefix (192.168.1.5/24), not a subnet: written as the
 * network address (172.17.0.0/16) it makes the daemon try to give docker0 the network address.
 */
@RuleInfo(id = "NL608", name = "bip-is-network-address", severity = Severity.ERROR,
        summary = "bip is written as a subnet's network address instead of the bridge's own address, so the daemon refuses to start.")
public final class BipIsNetworkAddress implements Rule {
    @Override
    public void check(Model model, FindingSink out) {
        for (DaemonSettings d : Daemons.of(model)) {
            if (d.bip() == null) {
                continue;
            }
            Optional<Cidr> bip = d.bip().asCidr();
            if (bip.isEmpty() || bip.get().hasHostBits() || bip.get().prefixLength() >= bip.get().family().bits() - 1) {
                continue;
            }
            String suggestion = dev.netlint.address.AddressSteps.firstHost(bip.get())
                    .map(ip -> ip + "/" + bip.get().prefixLength()).orElse("the bridge's address");
            out.report(this, d.bip().location(), "bip " + d.bip().raw() + " is the network address of its subnet; "
                    + "bip is the address docker0 itself takes, and the daemon fails to start ('Error creating default "
                    + "\"bridge\" network: failed to allocate gateway (" + bip.get().first() + "): Address already in "
                    + "use'). Write the bridge's address, e.g. \"" + suggestion + "\".");
        }
    }
}
