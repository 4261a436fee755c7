package dev.netlint.rules.ipam;

import dev.netlint.address.Cidr;
import dev.netlint.address.Ip;
import dev.netlint.model.AddressValue;
import dev.netlint.model.IpamPool;
import dev.netlint.model.Model;
import dev.netlint.model.Project;
import dev.netlint.model.Severity;
import dev.netlint.rules.FindingSink;
import dev.netlint.rules.Rule;
import dev.netlint.rules.RuleInfo;

import java.util.Map;
import java.util.Optional;

@RuleInfo(id = "NL103", name = "aux-address-outside-subnet", severity = Severity.ERROR,
        summary = "An auxiliary address (aux_addresses) is outside its subnet, or has no subnet.")
public final class AuxAddressOutsideSubnet implements Rule {
    @Override
    public void check(Model model, FindingSink out) {
        for (Ipam.Pool p : Ipam.pools(model)) {
            if (p.aux().isEmpty() || !p.addressed()) {
                continue;
            }
            IpamPool pool = p.pool();
            for (Map.Entry<String, AddressValue> aux : p.aux().entrySet()) {
                Optional<Ip> a = Ipam.ip(aux.getValue());
                if (a.isEmpty()) {
                    continue;
                }
                String name = aux.getKey();
                Ip ip = a.get();
                if (pool.subnet() == null) {
                    if (p.project().kind() != Project.Kind.SEQUENTIAL) {
                        out.report(this, aux.getValue().location(), "aux address " + name + "=" + ip + " has no "
                                + "subnet in its ipam config entry: the docker CLI refuses it ('no matching subnet "
                                + "for aux-address " + ip + "'). Add the subnet it belongs to.");
                    }
                    continue;
                }
                Cidr subnet = p.subnet();
                if (subnet == null || subnet.normalized().contains(ip)) {
                    continue;
                }
                out.report(this, aux.getValue().location(), "aux address " + name + "=" + ip + " is outside its "
                        + "subnet " + subnet + ": the docker CLI refuses it ('no matching subnet for aux-address "
                        + ip + "') and Engine 25+ rejects it ('invalid auxiliary address " + name + ": parent subnet "
                        + subnet + " doesn't contain this address'). Reserve an address inside "
                        + subnet.normalized() + ", or remove it.");
            }
        }
    }
}
