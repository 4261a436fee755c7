package dev.netlint.rules.engine;

import dev.netlint.address.AddressSyntaxException;
import dev.netlint.address.Ip;
import dev.netlint.model.Model;
import dev.netlint.model.Network;
import dev.netlint.model.Severity;
import dev.netlint.model.Text;
import dev.netlint.rules.FindingSink;
import dev.netlint.rules.Rule;
import dev.netlint.rules.RuleInfo;

import java.util.List;
import java.util.Map;

/**
 * libnetwork bridge {@code networkConfiguration.fromLabels} and {@code Validate}: the bridge's
 * boolean options go through Go's {@code strconv.ParseBool}, the MTU through {@code strconv.Atoi}
 * (and must not be negative), the host binding and SNAT addresses through {@code net.ParseIP}.
 */
@RuleInfo(id = "NL220", name = "bridge-option-invalid", severity = Severity.ERROR,
        summary = "A bridge driver option (enable_icc, enable_ip_masquerade, mtu, host_binding_ipv4, ...) has a value the driver cannot parse.")
public final class BridgeOptionInvalid implements Rule {
    private static final List<String> BOOLEANS = List.of("com.docker.network.bridge.enable_icc",
            "com.docker.network.bridge.enable_ip_masquerade", "com.docker.network.bridge.inhibit_ipv4",
            "com.docker.network.bridge.default_bridge", "com.docker.network.enable_ipv6");
    private static final List<String> GO_BOOLS = List.of("1", "t", "T", "TRUE", "true", "True", "0", "f", "F", "FALSE",
            "false", "False");
    private static final String MTU = "com.docker.network.driver.mtu";
    private static final List<String> ADDRESSES = List.of("com.docker.network.bridge.host_binding_ipv4",
            "com.docker.network.host_ipv4");

    @Override
    public void check(Model model, FindingSink out) {
        for (Declared.Net d : Declared.networks(model)) {
            Network n = d.network();
            if (!n.isDriver("bridge")) {
                continue;
            }
            for (Map.Entry<String, Text> e : n.options().entrySet()) {
                Text v = e.getValue();
                if (!v.known()) {
                    continue;
                }
                String key = e.getKey();
                String opt = Declared.optionSyntax(d.project(), key);
                if (BOOLEANS.contains(key) && !GO_BOOLS.contains(v.value())) {
                    out.report(this, v.location(), opt + " of network '" + n.name() + "' is '" + v.value()
                            + "', not a boolean; the daemon refuses: \"failed to parse " + key + " value: " + v.value()
                            + " (strconv.ParseBool: parsing \\\"" + v.value() + "\\\": invalid syntax)\". Write true "
                            + "or false.");
                } else if (key.equals(MTU)) {
                    checkMtu(d, n, v, opt, out);
                } else if (ADDRESSES.contains(key) && !isIp(v.value())) {
                    out.report(this, v.location(), opt + " of network '" + n.name() + "' is '" + v.value()
                            + "', not an IP address; the daemon refuses: \"failed to parse " + key + " value: "
                            + v.value() + " (nil ip)\". Write an address of this host, such as 127.0.0.1.");
                }
            }
        }
    }

    private void checkMtu(Declared.Net d, Network n, Text v, String opt, FindingSink out) {
        String s = v.value();
        if (!s.matches("[+-]?[0-9]{1,18}")) {
            out.report(this, v.location(), opt + " of network '" + n.name() + "' is '" + s + "', not a whole "
                    + "number; the daemon refuses: \"failed to parse " + MTU + " value: " + s + " (strconv.Atoi: "
                    + "parsing \\\"" + s + "\\\": invalid syntax)\". Write the MTU in bytes, such as 1450.");
        } else if (Long.parseLong(s.startsWith("+") ? s.substring(1) : s) < 0) {
            out.report(this, v.location(), opt + " of network '" + n.name() + "' is negative; the daemon refuses: "
                    + "\"invalid MTU number: " + Long.parseLong(s) + "\". Write the MTU in bytes, such as 1450, or "
                    + "leave the option out for the default.");
        }
    }

    private static boolean isIp(String s) {
        try {
            Ip.parse(s.trim());
            return true;
        } catch (AddressSyntaxException e) {
            return false;
        }
    }
}
