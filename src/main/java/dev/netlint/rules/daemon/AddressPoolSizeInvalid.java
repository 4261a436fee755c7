package dev.netlint.rules.daemon;

import dev.netlint.address.Cidr;
import dev.netlint.model.DaemonSettings;
import dev.netlint.model.Model;
import dev.netlint.model.Severity;
import dev.netlint.rules.FindingSink;
import dev.netlint.rules.Rule;
import dev.netlint.rules.RuleInfo;

import java.util.Optional;

@RuleInfo(id = "NL602", name = "address-pool-size-invalid", severity = Severity.ERROR,
        summary = "A default-address-pools size is missing, or shorter than its base's prefix, so the daemon refuses to start.")
public final class AddressPoolSizeInvalid implements Rule {
    @Override
    public void check(Model model, FindingSink out) {
        for (DaemonSettings d : Daemons.of(model)) {
            for (DaemonSettings.AddressPool pool : d.defaultAddressPools()) {
                Optional<Cidr> base = pool.base().asCidr();
                if (base.isEmpty()) {
                    continue;
                }
                int prefix = base.get().prefixLength();
                int bits = base.get().family().bits();
                Integer size = pool.size();
                if (size == null || size <= 0) {
                    out.report(this, pool.location(), "default-address-pools entry " + pool.base().raw()
                            + " has no \"size\"; the daemon refuses to start ('invalid pools size: 0'). Add the "
                            + "prefix length of the networks to carve from it, e.g. \"size\": " + Math.min(bits, Math.max(prefix, 24)));
                } else if (size < prefix) {
                    out.report(this, pool.location(), "size " + size + " is shorter than the /" + prefix
                            + " of base " + pool.base().raw() + ": networks cannot be larger than the pool they are "
                            + "carved from, and the daemon refuses to start ('invalid pools size: " + size + "'). "
                            + "Use a size of at least " + prefix + ", e.g. " + Math.min(bits, Math.max(prefix, 24)) + ".");
                } else if (size > bits) {
                    out.report(this, pool.location(), "size " + size + " is longer than an "
                            + (bits == 32 ? "IPv4" : "IPv6") + " prefix can be (/" + bits + "); the daemon cannot "
                            + "carve networks of that size from " + pool.base().raw() + ".");
                }
            }
        }
    }
}
