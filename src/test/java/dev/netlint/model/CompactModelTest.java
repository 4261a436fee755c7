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

    private static final SourceLocation[] EVERY_KIND = {
            SourceLocation.of("a.json", 12, 7, 12, 19),
            SourceLocation.of("b.yaml", 3, 5, 4, 2),
            SourceLocation.of("c.yaml", 8, 1, 8, 9, SourceLocation.of("compose.yaml", 2, 3)),
            SourceLocation.of("d.sh", 40_000_000, 1, 40_000_000, 2),
            SourceLocation.of(null, 1, 1),
            SourceLocation.logical("live daemon"),
            null,
    };

    @Test
    void aTextIsAValueWithEveryKindOfLocation() {
        for (SourceLocation where : EVERY_KIND) {
            Text t = Text.of("macvlan", where);
            assertThat(t.location()).isEqualTo(where);
            assertThat(t).isEqualTo(Text.of("macvlan", where)).hasSameHashCodeAs(Text.of("macvlan", where));
            assertThat(t).isNotEqualTo(Text.unknown("macvlan", where)).isNotEqualTo(Text.of("bridge", where));
            assertThat(t.toString()).isEqualTo("Text[value=macvlan, location=" + where + ", unknown=false]");
        }
        assertThat(Text.of("x", EVERY_KIND[0])).isNotEqualTo(Text.of("x", EVERY_KIND[1]));
    }

    @Test
    void networksAndPoolsGiveBackTheirLocationsAndRareAttributes() {
        for (SourceLocation where : EVERY_KIND) {
            Network n = new Network("n", where).enableIpv6(true, where);
            assertThat(n.location()).isEqualTo(where);
            assertThat(n.enableIpv6Location()).isEqualTo(where);
            assertThat(new IpamPool(where).location()).isEqualTo(where);
        }
        Network plain = new Network("plain", EVERY_KIND[0]);
        assertThat(plain.enableIpv6Location()).isNull();
        assertThat(plain.external()).isFalse();
        assertThat(plain.implicit()).isFalse();
        assertThat(plain.declaredKeys()).isEmpty();
        assertThat(plain.unknownKeys()).isEmpty();
        assertThat(plain.ipamDriver()).isNull();

        Network declared = new Network("declared", EVERY_KIND[0]).external(true).implicit(true)
                .ipamDriver(Text.of("dhcp", EVERY_KIND[1])).declaredKey("ipam", EVERY_KIND[1]).unknownKey("internal")
                .ownerProject(Text.of("app", EVERY_KIND[0])).externalName(Text.of("shared", EVERY_KIND[0]));
        assertThat(declared.external()).isTrue();
        assertThat(declared.implicit()).isTrue();
        assertThat(declared.ipamDriver().value()).isEqualTo("dhcp");
        assertThat(declared.declaredKeys()).containsOnlyKeys("ipam");
        assertThat(declared.isUnknown("internal")).isTrue();
        assertThat(declared.ownerProject().value()).isEqualTo("app");
        assertThat(declared.externalName().value()).isEqualTo("shared");
        assertThat(plain.external()).as("attributes of one network are not another's").isFalse();

        IpamPool pool = new IpamPool(EVERY_KIND[0]);
        assertThat(pool.auxAddresses()).isEmpty();
        assertThat(pool.leaseStart()).isNull();
        AddressValue a = AddressValue.address("10.0.0.5", EVERY_KIND[0]);
        pool.aux("router", a).leaseRange(a, a);
        assertThat(pool.auxAddresses()).containsEntry("router", a);
        assertThat(pool.leaseStart()).isSameAs(a);
        assertThat(pool.leaseEnd()).isSameAs(a);
    }
}
