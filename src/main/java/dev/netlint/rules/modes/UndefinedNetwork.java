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
 *
 * <p>Files that are merged onto another ({@code docker compose -f compose.yaml -f compose.prod.yaml})
 * legitimately use networks declared in the base file. So a network that a compose file in the same
 * directory declares is not reported, and a file that declares no networks at all, or is named
 * like an environment overlay (compose.prod.yaml), is left to NL217 (a note).
 */
@RuleInfo(id = "NL206", name = "undefined-network", severity = Severity.ERROR,
        summary = "A compose service joins a network that the file does not declare.")
public final class UndefinedNetwork implements Rule {
    @Override
    public void check(Model model, FindingSink out) {
        for (Project p : model.projects()) {
            if (p.kind() != Project.Kind.DECLARATIVE || mayBeFragment(p)) {
                continue;
            }
            for (Container c : p.containers()) {
                for (Attachment a : c.attachments()) {
                    if (!a.network().known()) {
                        continue;
                    }
                    String name = a.network().value();
                    if (ServiceNetworks.COMPOSE_DEFAULT.equals(name) || p.network(name).isPresent()
                            || declaredBeside(model, p, name)) {
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

    /**
     * A file with no networks of its own, or one named like an environment overlay
     * (compose.prod.yaml), is most likely merged onto a base file: NL217 speaks for it.
     */
    static boolean mayBeFragment(Project p) {
        return !declaresNetworks(p) || p.mayBeOverlay();
    }

    /** Whether the file has networks of its own (an implicit compose default does not count). */
    static boolean declaresNetworks(Project p) {
        return p.networks().values().stream().anyMatch(n -> !n.implicit());
    }

    /** Another compose file in the same directory declares the network: this file is merged with it. */
    static boolean declaredBeside(Model model, Project p, String network) {
        String dir = directory(p.location());
        for (Project other : model.projects()) {
            if (other != p && other.kind() == Project.Kind.DECLARATIVE && dir.equals(directory(other.location()))
                    && other.network(network).filter(n -> !n.implicit()).isPresent()) {
                return true;
            }
        }
        return false;
    }

    private static String directory(dev.netlint.model.SourceLocation l) {
        if (l == null || l.file() == null) {
            return "";
        }
        String f = l.file().replace('\\', '/');
        int slash = f.lastIndexOf('/');
        return slash < 0 ? "" : f.substring(0, slash);
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
