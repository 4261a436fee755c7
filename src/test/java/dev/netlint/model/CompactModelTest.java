package dev.netlint.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The model's memory-saving representations give back exactly what was put in. */
class CompactModelTest {
    @Test
    void anAddressValueGivesBackEveryKindOfLocation() {
        SourceLocation oneLine = SourceLocation.of("a.json", 12, 7, 12, 19);
        SourceLocation multiLine = SourceLocation.of("b.yaml", 3, 5, 4, 2);
        SourceLocation included = SourceLocation.of("c.yaml", 8, 1, 8, 9, SourceLocation.of("compose.yaml", 2, 3));
        SourceLocation farOff = SourceLocation.of("d.sh", 40_000_000, 1, 40_000_000, 2);
        SourceLocation noFile = SourceLocation.of(null, 1, 1);

        for (SourceLocation where : new SourceLocation[] {oneLine, multiLine, included, farOff, noFile}) {
            AddressValue cidr = AddressValue.cidr("10.1.0.0/16", where);
            assertThat(cidr.location()).isEqualTo(where);
            assertThat(cidr.location().via()).isEqualTo(where.via());
            assertThat(cidr.location().endLine()).isEqualTo(where.endLine());
            assertThat(cidr.at(oneLine).location()).isEqualTo(oneLine);
        }
        assertThat(AddressValue.address("10.1.0.1", null).location()).isNull();
        assertThat(AddressValue.unknown("${GW}", oneLine).location()).isEqualTo(oneLine);
    }

    @Test
    void aNetworkKeepsItsPoolsInOrderWhetherOneOrMany() {
        Network n = new Network("n", SourceLocation.of("f", 1, 1));
        assertThat(n.pools()).isEmpty();
        IpamPool first = new IpamPool(SourceLocation.of("f", 2, 1));
        IpamPool second = new IpamPool(SourceLocation.of("f", 3, 1));
        IpamPool third = new IpamPool(SourceLocation.of("f", 4, 1));

        n.pool(first);
        assertThat(n.pools()).containsExactly(first);
        n.pool(second);
        n.pool(third);
        assertThat(n.pools()).containsExactly(first, second, third);
        assertThat(List.copyOf(n.pools())).hasSize(3);
    }
}
