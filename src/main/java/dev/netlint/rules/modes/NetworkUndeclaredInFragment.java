package dev.netlint.rules.modes;

import dev.netlint.model.Attachment;
import dev.netlint.model.Container;
import dev.netlint.model.Model;
import dev.netlint.model.Project;
import dev.netlint.model.Severity;
import dev.netlint.rules.FindingSink;
import dev.netlint.rules.Rule;
import dev.netlint.rules.RuleInfo;

/**
 * The fragment case of NL206: a compose file with no networks of its own, or named like an
 * environment overlay (compose.prod.yaml), whose services name networks it does not declare. Alone, compose refuses it; merged onto a base file that declares them, it is fine.
 */
@RuleInfo(id = "NL217", name = "network-undeclared-in-fragment", severity = Severity.NOTE,
        summary = "A compose file that looks like a fragment (no networks of its own, or named like compose.prod.yaml) uses networks it does not declare: fine only if it is merged onto a file that declares them.")
public final class NetworkUndeclaredInFragment implements Rule {
    @Override
    public void check(Model model, FindingSink out) {
        for (Project p : model.projects()) {
            if (p.kind() != Project.Kind.DECLARATIVE || !UndefinedNetwork.mayBeFragment(p)) {
                continue;
            }
            for (Container c : p.containers()) {
                for (Attachment a : c.attachments()) {
                    if (!a.network().known()) {
                        continue;
                    }
                    String name = a.network().value();
                    if (ServiceNetworks.COMPOSE_DEFAULT.equals(name) || p.network(name).isPresent()
                            || UndefinedNetwork.declaredBeside(model, p, name)) {
                        continue;
                    }
                    out.report(this, ServiceNetworks.where(c, a.network().location(), a.location()),
                            "service \"" + c.serviceName() + "\" joins network \"" + name + "\", which this file does not"
                                    + " declare. If it is merged onto a base file (docker compose -f base.yaml -f"
                                    + " this.yaml) that declares \"" + name + "\", all is well; on its own compose"
                                    + " refuses it ('service \"" + c.serviceName() + "\" refers to undefined network "
                                    + name + ": invalid compose project'). Lint it together with its base file, or"
                                    + " declare the network here (external: true if another project creates it).");
                }
            }
        }
    }
}
