package dev.netlint.rules.engine;

import dev.netlint.model.Container;
import dev.netlint.model.Model;
import dev.netlint.model.Severity;
import dev.netlint.rules.FindingSink;
import dev.netlint.rules.Rule;
import dev.netlint.rules.RuleInfo;
import dev.netlint.rules.modes.ServiceNetworks;

/**
 * go-connections {@code nat.ParsePortSpec} (docker/cli {@code container/opts.go}): the host IP must be
 * an address, ports 0-65535 with ranges that do not end before they start, a host range as long as
 * the container range (or a single container port), and the protocol tcp, udp or sctp.
 */
@RuleInfo(id = "NL306", name = "port-spec-invalid", severity = Severity.ERROR,
        summary = "A published port (-p) is not a valid [IP:][HOST:]CONTAINER[/PROTO] spec, so docker refuses the command.")
public final class PortSpecInvalid implements Rule {
    @Override
    public void check(Model model, FindingSink out) {
        for (Declared.Ctr d : Declared.containers(model)) {
            Container c = d.container();
            for (Container.PortProblem p : c.portProblems()) {
                out.report(this, p.location(), ServiceNetworks.describe(d.project(), c) + " publishes '" + p.spec()
                        + "', which docker cannot parse: \"" + p.reason() + "\". Write [IP:][HOST_PORT:]CONTAINER_PORT"
                        + "[/tcp|udp|sctp], with ports 0-65535 and host and container ranges of the same length, "
                        + "e.g. 127.0.0.1:8080:80.");
            }
        }
    }
}
