package dev.netlint.rules.modes;

import dev.netlint.model.Attachment;
import dev.netlint.model.Container;
import dev.netlint.model.Model;
import dev.netlint.model.Network;
import dev.netlint.model.Project;
import dev.netlint.model.Severity;
import dev.netlint.rules.FindingSink;
import dev.netlint.rules.Rule;
import dev.netlint.rules.RuleInfo;

import java.util.Locale;

/**
 * Compose only: a service may join only networks the file declares (its implicit {@code default}
 * excepted). Scripts create networks as they go; whether one exists when it is used is the script
 * simulation's question, not this rule's.
 */
@RuleInfo(id = "NL206", name = "undefined-network", severity = Severity.ERROR,
        summary = "A compose service joins a network that the file does not declare.")
public final class UndefinedNetwork implements Rule {
    @Override
    public void check(Model model, FindingSink out) {
        for (Project p : model.projects()) {
            if (p.kind() != Project.Kind.DECLARATIVE) {
                continue;
            }
            for (Container c : p.containers()) {
                for (Attachment a : c.attachments()) {
                    if (!a.network().known()) {
                        continue;
                    }
                    String name = a.network().value();
                    if (ServiceNetworks.COMPOSE_DEFAULT.equals(name) || p.network(name).isPresent()) {
                        continue;
                    }
                    out.report(this, ServiceNetworks.where(c, a.network().location(), a.location()),
                            "service \"" + c.serviceName() + "\" joins network \"" + name + "\", which the file does"
                                    + " not declare; compose refuses it ('service \"" + c.serviceName() + "\" refers to"
                                    + " undefined network " + name + ": invalid compose project'; docker-compose 1.x:"
                                    + " 'Service \"" + c.serviceName() + "\" uses an undefined network \"" + name + "\"')."
                                    + hint(p, name) + " Declare it under the top-level networks: key (with external: true"
                                    + " if it is created outside this project).");
                }
            }
        }
    }

    private static String hint(Project p, String name) {
        String wanted = name.toLowerCase(Locale.ROOT).replaceAll("[-_.]", "");
        for (Network n : p.networks().values()) {
            if (n.name().toLowerCase(Locale.ROOT).replaceAll("[-_.]", "").equals(wanted)) {
                return " Did you mean \"" + n.name() + "\"?";
            }
        }
        return "";
    }
}
