package dev.netlint.rules.engine;

import dev.netlint.model.Model;
import dev.netlint.model.Network;
import dev.netlint.model.Severity;
import dev.netlint.model.Text;
import dev.netlint.rules.FindingSink;
import dev.netlint.rules.Rule;
import dev.netlint.rules.RuleInfo;

import java.util.List;
import java.util.Optional;

/**
 * libnetwork macvlan/ipvlan {@code CreateNetwork}: the mode options are compared as written
 * (case-sensitive). 20.10 knows ipvlan l2 and l3; l3s and the ipvlan_flag option came with Engine 23.
 */
@RuleInfo(id = "NL218", name = "lan-driver-mode-invalid", severity = Severity.ERROR,
        summary = "A macvlan_mode, ipvlan_mode or ipvlan_flag option names a mode the driver does not have.")
public final class LanDriverModeInvalid implements Rule {
    private static final List<String> MACVLAN = List.of("bridge", "private", "vepa", "passthru");
    private static final List<String> IPVLAN_20 = List.of("l2", "l3");
    private static final List<String> IPVLAN_FLAGS = List.of("bridge", "private", "vepa");

    @Override
    public void check(Model model, FindingSink out) {
        for (Declared.Net d : Declared.networks(model)) {
            Network n = d.network();
            if (n.isDriver("macvlan")) {
                Declared.knownOption(n, "macvlan_mode").filter(v -> !v.value().isEmpty() && !MACVLAN.contains(v.value()))
                        .ifPresent(v -> out.report(this, v.location(), "macvlan_mode '" + v.value() + "' of network '"
                                + n.name() + "' is not a macvlan mode; the daemon refuses: \"requested macvlan mode '"
                                + v.value() + "' is not valid, 'bridge' mode is the macvlan driver default\". Use one "
                                + "of bridge, private, vepa, passthru (lower case)" + suggestion(v, MACVLAN) + "."));
            } else if (n.isDriver("ipvlan")) {
                Optional<Text> mode = Declared.knownOption(n, "ipvlan_mode");
                mode.filter(v -> !v.value().isEmpty() && !IPVLAN_20.contains(v.value())).ifPresent(v -> {
                    String engines = v.value().equals("l3s") ? " Engine 23 and later accept l3s; 20.10 refuses it." : "";
                    out.report(this, v.location(), "ipvlan_mode '" + v.value() + "' of network '" + n.name()
                            + "' is not an ipvlan mode; the daemon refuses: \"requested ipvlan mode '" + v.value()
                            + "' is not valid, 'l2' mode is the ipvlan driver default\". Use l2 or l3 (lower case)"
                            + suggestion(v, IPVLAN_20) + "." + engines);
                });
                Declared.knownOption(n, "ipvlan_flag").filter(v -> !v.value().isEmpty()
                        && !IPVLAN_FLAGS.contains(v.value())).ifPresent(v -> out.report(this, v.location(),
                        "ipvlan_flag '" + v.value() + "' of network '" + n.name() + "' is not an ipvlan flag; Engine "
                                + "23 and later refuse it (\"requested ipvlan flag '" + v.value() + "' is not valid, "
                                + "'bridge' is the ipvlan driver default\"), 20.10 ignores the option. Use bridge, "
                                + "private or vepa."));
            }
        }
    }

    private static String suggestion(Text v, List<String> valid) {
        String lower = v.value().trim().toLowerCase(java.util.Locale.ROOT);
        return valid.contains(lower) ? " (here: " + lower + ")" : "";
    }
}
