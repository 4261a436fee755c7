package dev.netlint.rules.modes;

import dev.netlint.model.Model;
import dev.netlint.model.Network;
import dev.netlint.model.Project;
import dev.netlint.model.Severity;
import dev.netlint.model.SourceLocation;
import dev.netlint.rules.FindingSink;
import dev.netlint.rules.Rule;
import dev.netlint.rules.RuleInfo;

@RuleInfo(id = "NL213", name = "lan-network-without-parent", severity = Severity.WARNING,
        summary = "A macvlan or ipvlan network has no parent interface, so its containers cannot reach the LAN.")
public final class LanNetworkWithoutParent implements Rule {
    @Override
    public void check(Model model, FindingSink out) {
        for (Project p : model.projects()) {
            if (p.kind() == Project.Kind.OBSERVED) {
                continue;
            }
            for (Network n : p.allNetworks()) {
                if (n.external() || !n.isLanDriver() || n.parent().isPresent() || Boolean.TRUE.equals(n.internal())) {
                    continue;
                }
                String driver = n.driverName().orElse("macvlan");
                SourceLocation at = n.driver() != null && n.driver().location() != null ? n.driver().location() : n.location();
                out.report(this, at, driver + " network \"" + n.name() + "\" has no parent interface: the daemon"
                        + " hangs it on a dummy link of its own (a kernel without the dummy module refuses with"
                        + " 'operation not supported'), so its containers reach nothing beyond this host. Set the LAN"
                        + " interface: " + (p.kind() == Project.Kind.DECLARATIVE
                        ? "driver_opts: { parent: eth0 }" : "-o parent=eth0") + " (or a VLAN sub-interface such as"
                        + " eth0.10); if isolation is the point, say internal: true.");
            }
        }
    }
}
