package dev.netlint.rules.daemon;

import dev.netlint.address.Cidr;
import dev.netlint.model.AddressValue;
import dev.netlint.model.DaemonSettings;
import dev.netlint.model.Model;
import dev.netlint.model.Severity;
import dev.netlint.rules.FindingSink;
import dev.netlint.rules.Rule;
import dev.netlint.rules.RuleInfo;

import java.util.Optional;

/** bip or a default-address-pools base overlapping a configured host network (hostNetworks). */
@RuleInfo(id = "NL604", name = "daemon-block-overlaps-host-network", severity = Severity.ERROR,
        summary = "daemon.json's bip or default-address-pools overlap one of the host's own networks (hostNetworks).")
public final class DaemonBlockOverlapsHostNetwork implements Rule {
    @Override
    public void check(Model model, FindingSink out) {
        if (model.hostNetworks().isEmpty()) {
            return;
        }
        for (DaemonSettings d : Daemons.of(model)) {
            if (d.bip() != null) {
                hostNetworkOf(model, d.bip()).ifPresent(h -> out.report(this, d.bip().location(),
                        "bip " + d.bip().raw() + " overlaps the host network " + h.raw() + " (hostNetworks"
                                + located(h) + "): docker0 then claims the route to part of that network, and the "
                                + "host and its containers lose it. Pick a bip outside every host network."));
            }
            for (DaemonSettings.AddressPool pool : d.defaultAddressPools()) {
                hostNetworkOf(model, pool.base()).ifPresent(h -> out.report(this, pool.base().location(),
                        "default-address-pools base " + pool.base().raw() + " overlaps the host network " + h.raw()
                                + " (hostNetworks" + located(h) + "): networks carved from it can take blocks the host "
                                + "routes to its LAN or VPN (the daemon only skips blocks routed when a network is "
                                + "created; a VPN that comes up later is shadowed). Choose a base outside every host network."));
            }
        }
    }

    private static Optional<AddressValue> hostNetworkOf(Model model, AddressValue v) {
        Optional<Cidr> c = v.asCidr().map(Cidr::normalized);
        if (c.isEmpty()) {
            return Optional.empty();
        }
        for (AddressValue h : model.hostNetworks()) {
            Optional<Cidr> hc = h.asCidr().map(Cidr::normalized);
            if (hc.isPresent() && hc.get().overlaps(c.get())) {
                return Optional.of(h);
            }
        }
        return Optional.empty();
    }

    private static String located(AddressValue h) {
        return h.location() != null && h.location().hasLine() ? " at " + h.location() : "";
    }
}
