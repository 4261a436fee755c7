package dev.netlint.rules.modes;

import dev.netlint.model.Container;
import dev.netlint.model.Model;
import dev.netlint.model.NetworkMode;
import dev.netlint.model.Project;
import dev.netlint.model.Severity;
import dev.netlint.rules.FindingSink;
import dev.netlint.rules.Rule;
import dev.netlint.rules.RuleInfo;

import java.util.HashSet;
import java.util.Set;

@RuleInfo(id = "NL204", name = "network-mode-unknown-service", severity = Severity.ERROR,
        summary = "network_mode: service:X names a service that the project does not define.")
public final class NetworkModeUnknownService implements Rule {
    @Override
    public void check(Model model, FindingSink out) {
        for (Project p : model.projects()) {
            if (p.kind() != Project.Kind.DECLARATIVE) {
                continue;
            }
            Set<String> services = new HashSet<>();
            for (Container c : p.containers()) {
                services.add(c.serviceName());
            }
            for (Container c : p.containers()) {
                NetworkMode m = c.networkMode();
                if (!m.is(NetworkMode.Kind.SERVICE) || m.target() == null || services.contains(m.target())) {
                    continue;
                }
                String hint = m.target().isEmpty() ? "" : nameHint(m.target(), services);
                out.report(this, ServiceNetworks.where(c, m.location()), "service \"" + c.serviceName()
                        + "\" uses the network stack of service \"" + m.target() + "\", which this file does not"
                        + " define; compose refuses it ('Service '" + c.serviceName() + "' uses the network stack of"
                        + " service '" + m.target() + "' which is undefined.'). Name a service of this file" + hint
                        + ", or use container:NAME for a container started elsewhere.");
            }
        }
    }

    /** A service whose name differs only in case or separators, to point at a likely typo. */
    private static String nameHint(String wanted, Set<String> services) {
        String w = squash(wanted);
        for (String s : services) {
            if (squash(s).equals(w)) {
                return " (did you mean \"" + s + "\"?)";
            }
        }
        return "";
    }

    private static String squash(String s) {
        return s.toLowerCase(java.util.Locale.ROOT).replaceAll("[-_.]", "");
    }
}
