package dev.netlint.deploy;

import dev.netlint.address.Cidr;
import dev.netlint.address.Ip;
import dev.netlint.model.IpamPool;
import dev.netlint.model.Network;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the static address rules need about one request: the network the deployment certainly
 * created (with the default IPAM and every subnet readable) and its pools of the address's family.
 */
public final class StaticAddresses {
    private StaticAddresses() {
    }

    /** A request the daemon judges against a network whose IPAM the deployment knows. */
    public record Judged(Step.StaticRequest request, Ip ip, Network network, List<IpamPool> family) {
        /** An IPv6 address on a network whose IPv6 is off: the daemon ignores it (NL112 says so). */
        public boolean ignored() {
            return !request.v4Flag() && !ipv6On(network);
        }

        /** The pool whose subnet holds the address, if any. */
        public Optional<IpamPool> home() {
            for (IpamPool p : family) {
                if (p.subnet().asCidr().get().contains(ip)) {
                    return Optional.of(p);
                }
            }
            return Optional.empty();
        }

        public String subnets() {
            return String.join(", ", family.stream().map(p -> p.subnet().raw()).toList());
        }
    }

    /** The step's static requests that can be judged; an unknown network, IPAM or subnet leaves one out. */
    public static List<Judged> judged(Step step, DeployState state) {
        List<Judged> out = new ArrayList<>();
        for (Step.StaticRequest r : step.staticRequests()) {
            Optional<Ip> ip = r.address().asIp();
            if (ip.isEmpty() || DeployState.builtIn(r.network())) {
                continue;
            }
            Optional<DeployState.NetworkState> st = state.network(r.network());
            if (st.isEmpty() || st.get().network() == null) {
                continue;
            }
            Network n = st.get().network();
            if (n.ipamDriver() != null && !n.ipamDriver().is("default")
                    && !(n.ipamDriver().known() && n.ipamDriver().value().isBlank())) {
                continue;
            }
            Optional<String> driver = n.driverName();
            if (driver.isPresent() && (driver.get().equals("host") || driver.get().equals("null"))) {
                continue;
            }
            List<IpamPool> family = new ArrayList<>();
            boolean readable = true;
            for (IpamPool pool : n.pools()) {
                if (pool.subnet() == null) {
                    continue;
                }
                Optional<Cidr> c = pool.subnet().asCidr();
                if (c.isEmpty()) {
                    readable = false;
                } else if (c.get().family() == ip.get().family()) {
                    family.add(pool);
                }
            }
            if (readable) {
                out.add(new Judged(r, ip.get(), n, family));
            }
        }
        return out;
    }

    /** IPv6 is certainly on: enable_ipv6/--ipv6, or the driver option that does the same. */
    private static boolean ipv6On(Network n) {
        if (Boolean.TRUE.equals(n.enableIpv6())) {
            return true;
        }
        Optional<dev.netlint.model.Text> opt = n.option("com.docker.network.enable_ipv6");
        return opt.isPresent() && opt.get().known() && opt.get().value().trim().toLowerCase(java.util.Locale.ROOT)
                .matches("true|1|t");
    }

    /** How the step fails when the daemon refuses a static address. */
    public static StepCheck.Verdict refusal(Step step) {
        return step.operation() instanceof dev.netlint.model.Operation.Connect
                ? StepCheck.Verdict.REFUSED : StepCheck.Verdict.START_REFUSED_UNCERTAIN;
    }
}
