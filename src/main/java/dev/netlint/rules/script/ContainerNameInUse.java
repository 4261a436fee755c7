package dev.netlint.rules.script;

import dev.netlint.deploy.DeployState;
import dev.netlint.deploy.Step;
import dev.netlint.model.AddressValue;
import dev.netlint.model.Network;
import dev.netlint.model.NetworkMode;
import dev.netlint.model.Operation;
import dev.netlint.model.Severity;
import dev.netlint.model.Text;
import dev.netlint.rules.RuleInfo;
import dev.netlint.rules.SimulatedRule;

import dev.netlint.model.Container;

@RuleInfo(id = "NL410", name = "container-name-in-use", severity = Severity.ERROR,
        summary = "A container is created under a name an earlier container still holds, which the daemon refuses.")
public final class ContainerNameInUse extends SimulatedRule {
    @Override
    public Phase phase() {
        return Phase.NAME;
    }

    @Override
    public Verdict check(Step step, DeployState state, Step.Report out) {
        if (!(step.operation() instanceof Operation.RunContainer op) || op.conditional()) {
            return Verdict.ACCEPTED;
        }
        Container c = op.container();
        String name = Step.containerKey(step.project(), c);
        var holder = state.holderOfName(name);
        if (holder.isEmpty()) {
            return Verdict.ACCEPTED;
        }
        var together = state.together(holder.get().container(), c);
        if (together.isEmpty()) {
            return Verdict.ACCEPTED; // compose services in profiles that never run together
        }
        Container first = holder.get().container();
        String where = step.declarative() ? "also the container_name of " + step.who(first)
                + Step.line(first.fixedName() != null ? first.fixedName().location() : first.location())
                : "already held by a container created earlier in this script";
        out.report(c.fixedName() != null ? c.fixedName().location() : c.location(), "the container name '" + name
                + "' is " + where + together.get() + "; the daemon refuses: \"Conflict. The container name \\\"/"
                + name + "\\\" is already in use by container <ID>\". "
                + (step.declarative() ? "Give each service its own container_name, or drop it."
                : "Remove it first (docker rm -f " + name + ") or choose another name."));
        return Verdict.REFUSED;
    }
}
