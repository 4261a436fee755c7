package dev.netlint.rules.modes;

import dev.netlint.deploy.DeployState;
import dev.netlint.deploy.Step;
import dev.netlint.model.Container;
import dev.netlint.model.NetworkMode;
import dev.netlint.model.Operation;
import dev.netlint.model.Severity;
import dev.netlint.rules.RuleInfo;
import dev.netlint.rules.SimulatedRule;

/**
 * Links need a network of the container's own: with host networking, none, another container's
 * stack or the default bridge named explicitly the CLI (run) and the daemon (API, compose) refuse
 * them.
 */
@RuleInfo(id = "NL212", name = "links-on-host-network", severity = Severity.ERROR,
        summary = "A container sets links with host, none, container:/service: or an explicit bridge network mode, which is refused.",
        aliases = {"NL406"})
public final class LinksOnHostNetwork extends SimulatedRule {
    @Override
    public Phase phase() {
        return Phase.CREATE;
    }

    @Override
    public Verdict check(Step step, DeployState state, Step.Report out) {
        if (!(step.operation() instanceof Operation.RunContainer op) || op.container().links().isEmpty()) {
            return Verdict.ACCEPTED;
        }
        NetworkMode m = step.mode();
        if (!m.explicitlyPredefined()) {
            return Verdict.ACCEPTED;
        }
        Container c = op.container();
        String daemon = m.is(NetworkMode.Kind.HOST) ? "'conflicting options: host type networking can't be used with"
                + " links. This would result in undefined behavior'"
                : m.sharesAnotherStack() ? "'conflicting options: container type network can't be used with links."
                + " This would result in undefined behavior'" : "'links are only supported for user-defined networks'";
        out.report(ServiceNetworks.where(c, c.links().get(0).location()), step.who(c) + " uses network mode "
                + m.spelled() + " and sets " + step.option("links", "--link") + ": "
                + (step.declarative() ? "the daemon refuses it (" + daemon + ")"
                : "the docker CLI refuses it ('links are only supported for user-defined networks')")
                + ". Remove the links and reach the other container through a published port or by name on a"
                + " user-defined network.");
        return Verdict.REFUSED;
    }
}
