package dev.netlint.rules.ports;

import dev.netlint.model.Container;
import dev.netlint.model.Model;
import dev.netlint.model.PortMapping;
import dev.netlint.model.Project;
import dev.netlint.model.Severity;
import dev.netlint.rules.FindingSink;
import dev.netlint.model.Fix;
import dev.netlint.rules.Rule;
import dev.netlint.rules.RuleInfo;
import dev.netlint.rules.modes.ServiceNetworks;

import java.math.BigInteger;

@RuleInfo(id = "NL304", name = "sexagesimal-port-mapping", severity = Severity.WARNING,
        fixes = Fix.Applicability.SAFE,
        summary = "An unquoted port mapping such as 22:22 that YAML 1.1 parsers read as a base-60 number.")
public final class SexagesimalPortMapping implements Rule {
    @Override
    public void check(Model model, FindingSink out) {
        for (Project p : model.projects()) {
            for (Container c : p.allContainers()) {
                for (PortMapping m : c.ports()) {
                    if (!m.sexagesimalRisk()) {
                        continue;
                    }
                    String value = base60(m.raw());
                    out.report(this, ServiceNetworks.where(c, m.location()), "the unquoted port mapping " + m.raw()
                            + " of " + ServiceNetworks.describe(p, c) + " is a base-60 number to YAML 1.1 parsers"
                            + (value == null ? "" : " (" + m.raw() + " = " + value + ")")
                            + ": docker-compose 1.x (PyYAML) then publishes container port " + (value == null ? "?" : value)
                            + " instead of the mapping, while YAML 1.2 tools read a string. Quote it: \"" + m.raw() + "\".",
                            Fix.safe("quote it: \"" + m.raw() + "\"",
                                    Fix.Edit.replace(m.location(), m.raw(), "\"" + m.raw() + "\"")));
                }
            }
        }
    }

    /** The base-60 value of digits separated by colons, e.g. 22:22 = 1342; null if it is not of that shape. */
    static String base60(String raw) {
        if (raw == null || !raw.matches("[0-9]+(:[0-5]?[0-9])+")) {
            return null;
        }
        BigInteger v = BigInteger.ZERO;
        for (String part : raw.split(":")) {
            v = v.multiply(BigInteger.valueOf(60)).add(new BigInteger(part));
        }
        return v.toString();
    }
}
