package dev.netlint.rules.engine;

import dev.netlint.model.Container;
import dev.netlint.model.Model;
import dev.netlint.model.Severity;
import dev.netlint.model.Text;
import dev.netlint.rules.FindingSink;
import dev.netlint.rules.Rule;
import dev.netlint.rules.RuleInfo;
import dev.netlint.rules.modes.ServiceNetworks;

import java.util.regex.Pattern;

/**
 * docker/cli {@code opts.ValidateMACAddress} and the daemon's endpoint options both use Go's
 * {@code net.ParseMAC}: EUI-48, EUI-64 or 20-byte IPoIB addresses, in hex pairs separated by
 * {@code :} or {@code -}, or hex quads separated by {@code .}.
 */
@RuleInfo(id = "NL224", name = "mac-address-invalid", severity = Severity.ERROR,
        summary = "A container's MAC address (mac_address, --mac-address) is not a valid MAC address.")
public final class MacAddressInvalid implements Rule {
    private static final Pattern PAIRS = Pattern.compile("[0-9A-Fa-f]{2}(?<sep>[:-])[0-9A-Fa-f]{2}(\\k<sep>[0-9A-Fa-f]{2})*");
    private static final Pattern QUADS = Pattern.compile("[0-9A-Fa-f]{4}(\\.[0-9A-Fa-f]{4})*");

    @Override
    public void check(Model model, FindingSink out) {
        for (Declared.Ctr d : Declared.containers(model)) {
            Container c = d.container();
            Text mac = c.macAddress();
            if (mac == null || !mac.known() || mac.value().isBlank() || goParseMac(mac.value().trim())) {
                continue;
            }
            out.report(this, mac.location(), ServiceNetworks.describe(d.project(), c) + " sets the MAC address '"
                    + mac.value() + "', which is not a MAC address; the docker CLI refuses it (\"" + mac.value()
                    + " is not a valid mac address\") and the daemon fails the container's network setup. Write six "
                    + "hex pairs, such as 02:42:ac:11:00:02 (02 in the first byte marks a locally administered address).");
        }
    }

    /** Go's net.ParseMAC: 6, 8 or 20 bytes. */
    static boolean goParseMac(String s) {
        int bytes;
        if (PAIRS.matcher(s).matches()) {
            bytes = (s.length() + 1) / 3;
        } else if (QUADS.matcher(s).matches()) {
            bytes = (s.length() + 1) / 5 * 2;
        } else {
            return false;
        }
        return bytes == 6 || bytes == 8 || bytes == 20;
    }
}
