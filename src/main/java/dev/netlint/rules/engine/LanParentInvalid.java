package dev.netlint.rules.engine;

import dev.netlint.model.Model;
import dev.netlint.model.Network;
import dev.netlint.model.Severity;
import dev.netlint.model.Text;
import dev.netlint.rules.FindingSink;
import dev.netlint.rules.Rule;
import dev.netlint.rules.RuleInfo;

/**
 * libnetwork macvlan/ipvlan {@code CreateNetwork} refuses the loopback parent; a parent that is not
 * a link of the host is read as an 802.1q sub-interface {@code name.vid} ({@code parseVlan},
 * {@code createVlanLink}), whose VLAN id must be a number from 1 to 4094.
 */
@RuleInfo(id = "NL219", name = "lan-parent-invalid", severity = Severity.ERROR,
        summary = "A macvlan/ipvlan parent is the loopback interface, or an 802.1q sub-interface whose VLAN id is not 1-4094.")
public final class LanParentInvalid implements Rule {
    @Override
    public void check(Model model, FindingSink out) {
        for (Declared.Net d : Declared.networks(model)) {
            Network n = d.network();
            if (!n.isLanDriver()) {
                continue;
            }
            Text parent = n.parent().filter(Text::known).orElse(null);
            if (parent == null || parent.value().isEmpty()) {
                continue;
            }
            String driver = n.driverName().orElse("macvlan");
            String p = parent.value();
            if (p.equals("lo")) {
                out.report(this, parent.location(), driver + " network '" + n.name() + "' uses the loopback "
                        + "interface as its parent; the daemon refuses: \"loopback interface is not a valid " + driver
                        + " parent link\". Use the host's LAN interface (parent=eth0) or a VLAN sub-interface of it "
                        + "(parent=eth0.10).");
                continue;
            }
            int dot = p.indexOf('.');
            if (dot < 0) {
                continue;
            }
            String[] parts = p.split("\\.", -1);
            String why = null;
            if (parts.length != 2) {
                why = "\"required interface name format is: name.vlan_id, ex. eth0.10 for vlan 10, instead received "
                        + p + "\"";
            } else {
                Integer vid = goAtoi(parts[1]);
                if (vid == null) {
                    why = "\"unable to parse a valid vlan id from: " + parts[1] + " (ex. eth0.10 for vlan 10)\"";
                } else if (vid < 1 || vid > 4094) {
                    why = "\"vlan id must be between 1-4094, received: " + vid + "\"";
                }
            }
            if (why != null) {
                out.report(this, parent.location(), driver + " parent '" + p + "' of network '" + n.name() + "' is "
                        + "read as an 802.1q sub-interface (name.vlan_id) that the daemon creates, and it refuses: "
                        + why + ". Use a VLAN id from 1 to 4094, e.g. parent=" + parts[0] + ".10.");
            }
        }
    }

    /** Go's strconv.Atoi for the ids that matter: optional sign, decimal digits; null when it fails. */
    private static Integer goAtoi(String s) {
        if (!s.matches("[+-]?[0-9]{1,9}")) {
            return s.matches("[+-]?[0-9]+") ? Integer.MAX_VALUE : null;
        }
        return Integer.parseInt(s.startsWith("+") ? s.substring(1) : s);
    }
}
