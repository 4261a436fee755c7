package dev.netlint.rules.probe;

import dev.netlint.model.Container;
import dev.netlint.model.Model;
import dev.netlint.model.Project;
import dev.netlint.model.Severity;
import dev.netlint.model.Text;
import dev.netlint.rules.FindingSink;
import dev.netlint.rules.Rule;
import dev.netlint.rules.RuleInfo;


@RuleInfo(id = "NL703", name = "container-name-taken", severity = Severity.ERROR,
        summary = "A fixed container name (container_name, docker run --name) is already used by another container on the probed daemon.")
public final class ContainerNameTaken implements Rule {
    @Override
    public void check(Model model, FindingSink out) {
        LiveState.forEachDeployedContainer(model, run -> true,
                (p, c, removed, daemon) -> check(p, c, removed, daemon, out));
    }

    private void check(Project p, Container c, LiveState.Removed removed, LiveState.Daemon daemon, FindingSink out) {
        Text name = c.fixedName();
        if (name == null || !name.known()) {
            return;
        }
        String n = name.value().startsWith("/") ? name.value().substring(1) : name.value();
        if (removed.mayHaveRemoved(n)) {
            return;
        }
        daemon.container(n).ifPresent(live -> {
            if (p.kind() == Project.Kind.DECLARATIVE && LiveState.owns(p, live) && live.ownerService() != null
                    && live.ownerService().is(c.serviceName())) {
                return; // compose recreates its own container
            }
            String state = Boolean.TRUE.equals(live.running()) ? "running" : "stopped";
            out.report(this, name.location(), "container name '" + n + "' is already taken on " + daemon.location()
                    + " by a " + state + " container" + owner(live) + "; the daemon refuses: 'Conflict. The container name \"/"
                    + n + "\" is already in use by container ...'. Remove that container (docker rm " + n
                    + ") or choose another name");
        });
    }

    private static String owner(Container live) {
        return live.ownerProject() != null ? " of compose project '" + live.ownerProject().value() + "'" : "";
    }
}
