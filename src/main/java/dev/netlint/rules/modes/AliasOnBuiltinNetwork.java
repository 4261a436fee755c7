package dev.netlint.rules.modes;

import dev.netlint.deploy.DeployState;
import dev.netlint.deploy.Step;
import dev.netlint.model.Container;
import dev.netlint.model.Network;
import dev.netlint.model.NetworkMode;
import dev.netlint.model.Operation;
import dev.netlint.model.Severity;
import dev.netlint.model.Text;
import dev.netlint.rules.RuleInfo;
import dev.netlint.rules.SimulatedRule;

import java.util.List;

/**
 * Network-scoped aliases exist only on user-defined networks. Asked for explicitly on the default
 * bridge, on host or none, or in another container's stack, they are refused: by the docker CLI for
 * a run, by the daemon for a connect or a compose service. (Given with no network at all they are
 * accepted and dropped: that is NL211.)
 */
@RuleInfo(id = "NL210", name = "alias-on-builtin-network", severity = Severity.ERROR,
        summary = "A network alias on the default bridge, host, none or a shared stack, which the daemon refuses.",
        aliases = {"NL406"})
public final class AliasOnBuiltinNetwork extends SimulatedRule {
    private static final String CLI = "'network-scoped aliases are only supported for user-defined networks'";
    private static final String API = "'network-scoped alias is supported only for containers in user defined networks'";

    @Override
    public Phase phase() {
        return Phase.CREATE;
    }

    @Override
    public Verdict check(Step step, DeployState state, Step.Report out) {
        if (step.operation() instanceof Operation.Connect op && op.network().is(Network.DEFAULT_BRIDGE)
                && !op.aliases().isEmpty()) {
            Text first = op.aliases().get(0);
            Container c = step.container();
            out.report(first.location(), (c != null ? step.who(c) + " asks for alias \"" + first.value()
                    + "\" on the daemon's default bridge" : step.option("aliases", "--alias") + " on the default bridge")
                    + ": the daemon refuses it (" + API + "). " + step.option("Put the service on a user-defined "
                    + "network to use aliases, or drop the aliases.", "Connect to a user-defined network instead."));
            return Verdict.REFUSED;
        }
        if (!(step.operation() instanceof Operation.RunContainer op) || op.aliases().isEmpty()) {
            return Verdict.ACCEPTED;
        }
        NetworkMode m = step.mode();
        if (!m.explicitlyPredefined()) {
            return Verdict.ACCEPTED;
        }
        String where = switch (m.kind()) {
            case BRIDGE -> "the default bridge (network mode " + m.spelled() + ")";
            case HOST -> "host networking";
            case NONE -> "network mode none";
            default -> "the network stack of " + m.spelled();
        };
        Container c = op.container();
        List<Text> aliases = op.aliases();
        Text first = aliases.get(0);
        out.report(ServiceNetworks.where(c, first.location()), step.who(c) + " sets network alias \"" + first.value()
                + "\" on " + where + ": it is refused (the docker CLI: " + CLI + "; the daemon, for compose and the API: "
                + API + "). Run it on a "
                + "user-defined network to use aliases, or drop " + step.option("the aliases", "--network-alias") + ".");
        return Verdict.REFUSED;
    }
}
