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

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

@RuleInfo(id = "NL408", name = "multiple-networks-on-run", severity = Severity.ERROR,
        summary = "docker run is given several --network flags, which the 20.10 daemon and CLI refuse.")
public final class MultipleNetworksOnRun extends SimulatedRule {
    @Override
    public Phase phase() {
        return Phase.CLI;
    }

    @Override
    public Verdict check(Step step, DeployState state, Step.Report out) {
        if (!(step.operation() instanceof Operation.RunContainer op)) {
            return Verdict.ACCEPTED;
        }
        List<Text> nets = op.networks();
        if (nets.size() < 2 || nets.stream().anyMatch(Text::unknown)) {
            return Verdict.ACCEPTED;
        }
        Set<String> seen = new LinkedHashSet<>();
        String dup = null;
        for (Text t : nets) {
            if (!seen.add(t.value())) {
                dup = t.value();
            }
        }
        long user = nets.stream().filter(t -> NetworkMode.parse(t.value(), t.location()).is(NetworkMode.Kind.NETWORK)).count();
        String message;
        if (dup != null) {
            message = "network '" + dup + "' is given twice; the docker CLI refuses: \"network \\\"" + dup
                    + "\\\" is specified multiple times\".";
        } else if (user > 0 && user < nets.size()) {
            message = "a user-defined network mixed with " + nets.stream().map(Text::value)
                    .filter(v -> !NetworkMode.parse(v, null).is(NetworkMode.Kind.NETWORK)).findFirst().orElse("")
                    + " in one run; the docker CLI refuses: \"conflicting options: cannot attach both "
                    + "user-defined and non-user-defined network-modes\".";
        } else {
            message = "docker run accepts one network here; the 20.10 daemon refuses: \"Container cannot be "
                    + "connected to network endpoints: " + String.join(", ", seen) + "\".";
        }
        out.report(nets.get(1).location(), message + " Run with one --network, then add the "
                + "others with 'docker network connect'.");
        return Verdict.REFUSED;
    }
}
