package dev.netlint.rules.engine;

import dev.netlint.address.AddressSyntaxException;
import dev.netlint.address.Ip;
import dev.netlint.model.Container;
import dev.netlint.model.Model;
import dev.netlint.model.Project;
import dev.netlint.model.Severity;
import dev.netlint.model.Text;
import dev.netlint.rules.FindingSink;
import dev.netlint.rules.Rule;
import dev.netlint.rules.RuleInfo;
import dev.netlint.rules.modes.ServiceNetworks;

/**
 * docker/cli {@code opts.ValidateIPAddress} for {@code --dns}: a nameserver must be an IP address.
 * Through compose the daemon writes whatever it gets into the container's resolv.conf, where the
 * resolver skips it: broken either way.
 */
@RuleInfo(id = "NL225", name = "dns-server-invalid", severity = Severity.ERROR,
        summary = "A DNS server (dns, --dns) is not an IP address.")
public final class DnsServerInvalid implements Rule {
    @Override
    public void check(Model model, FindingSink out) {
        for (Declared.Ctr d : Declared.containers(model)) {
            Container c = d.container();
            for (Text dns : c.dns()) {
                if (!dns.known() || isIp(dns.value())) {
                    continue;
                }
                String verdict = d.project().kind() == Project.Kind.SEQUENTIAL
                        ? "the docker CLI refuses it: \"invalid argument \\\"" + dns.value() + "\\\" for \\\"--dns\\\" "
                        + "flag: " + dns.value() + " is not an ip address\""
                        : "the container's resolv.conf gets a nameserver line its resolver ignores (the docker CLI "
                        + "refuses the same value: \"" + dns.value() + " is not an ip address\")";
                out.report(this, dns.location(), ServiceNetworks.describe(d.project(), c) + " names the DNS server '"
                        + dns.value() + "', which is not an IP address: " + verdict + ". Write the server's address, "
                        + "such as 10.0.0.53; search domains go in dns_search (--dns-search).");
            }
        }
    }

    static boolean isIp(String s) {
        try {
            Ip.parse(s.trim());
            return true;
        } catch (AddressSyntaxException e) {
            return false;
        }
    }
}
