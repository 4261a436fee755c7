package dev.netlint.rules.ipam;

import dev.netlint.model.IpamPool;
import dev.netlint.model.Model;
import dev.netlint.testing.ModelBuilder;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Ipam.pools: every pool of Ipam.networks, in order, with exactly the parsed values the rules read. */
class IpamPoolsTest {

    @Test
    void listsEveryPoolOfEveryNetworkWithItsParsedValues() {
        ModelBuilder b = new ModelBuilder();
        b.project("app")
                .network("plain").subnet("10.1.0.0/24").and()
                .network("two").pool().subnet("10.2.0.0/24").ipRange("10.2.0.128/25").gateway("10.2.0.1").aux("r", "10.2.0.2").and()
                .pool().subnet("fd00:2::/64").and().and()
                .network("broken").pool().subnet("10.3.0.0/33").ipRange("${RANGE}").gateway("10.3.0.999").and().and()
                .network("host").driver("host").and()
                .network("none").driver("none").subnet("10.4.0.0/24").and()
                .network("outside").external().subnet("10.5.0.0/24");
        Model model = b.model();

        List<IpamPool> expected = new ArrayList<>();
        for (Ipam.Net net : Ipam.networks(model)) {
            expected.addAll(net.network().pools());
        }
        List<Ipam.Pool> pools = Ipam.pools(model);
        assertThat(pools).extracting(Ipam.Pool::pool).containsExactlyElementsOf(expected);
        assertThat(pools).hasSize(5); // the external network is not among Ipam.networks

        for (Ipam.Pool p : pools) {
            IpamPool pool = p.pool();
            assertThat(p.subnet()).isEqualTo(Ipam.cidr(pool.subnet()).orElse(null));
            assertThat(p.ipRange()).isEqualTo(Ipam.cidr(pool.ipRange()).orElse(null));
            assertThat(p.gateway()).isEqualTo(Ipam.ip(pool.gateway()).orElse(null));
            assertThat(p.addressed()).isEqualTo(!Ipam.hasNoAddressing(p.network()));
            assertThat(p.aux()).isEqualTo(pool.auxAddresses());
            assertThat(p.net().network().pools()).contains(pool);
        }
        Ipam.Pool broken = pools.get(3);
        assertThat(broken.network().name()).isEqualTo("broken");
        assertThat(broken.subnet()).as("malformed").isNull();
        assertThat(broken.ipRange()).as("unknown").isNull();
        assertThat(broken.gateway()).as("malformed").isNull();
        assertThat(pools.get(4).addressed()).as("driver none").isFalse();
        assertThat(Ipam.pools(model)).as("worked out once").isSameAs(pools);
    }
}
