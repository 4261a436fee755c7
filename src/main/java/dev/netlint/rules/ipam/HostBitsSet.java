package dev.netlint.rules.ipam;

import dev.netlint.address.Cidr;
import dev.netlint.model.AddressValue;
import dev.netlint.model.Model;
import dev.netlint.model.Project;
import dev.netlint.model.Severity;
import dev.netlint.rules.FindingSink;
import dev.netlint.model.Fix;
import dev.netlint.rules.Rule;
import dev.netlint.rules.RuleInfo;


@RuleInfo(id = "NL104", name = "cidr-host-bits-set", severity = Severity.ERROR, fixes = Fix.Applicability.SAFE,
        summary = "A subnet or ip_range has host bits set (192.168.0.55/24 instead of 192.168.0.0/24).")
public final class HostBitsSet implements Rule {
    @Override
    public void check(Model model, FindingSink out) {
        for (Ipam.Pool p : Ipam.pools(model)) {
            if (!p.addressed()) {
                continue;
            }
            boolean observed = p.project().kind() == Project.Kind.OBSERVED;
            check(p.pool().subnet(), p.subnet(), "subnet", observed, out);
            check(p.pool().ipRange(), p.ipRange(), "ip-range", observed, out);
        }
    }

    private void check(AddressValue v, Cidr written, String what, boolean observed, FindingSink out) {
        if (written == null || !written.hasHostBits()) {
            return;
        }
        Cidr fixed = written.normalized();
        String key = what.equals("subnet") ? "subnet" : "ip_range";
        out.report(this, v.location(), key + " " + written + " has host bits set: write " + fixed + ". Engine 25+ "
                + "rejects it ('invalid " + what + " " + written + ": it should be " + fixed + "'); 20.10 stored it "
                + "as written and silently used " + fixed + ".",
                observed ? null : Fix.safe("write " + fixed, Fix.Edit.replace(v.location(), v.raw().trim(), fixed.toString())));
    }
}
