package dev.netlint.address;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Table-driven tests of the strict parser and of the block arithmetic built on it. */
class AddressParserTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # written               | normalised           | host bits | first             | last
            10.0.0.0/16             | 10.0.0.0/16          | false     | 10.0.0.0          | 10.0.255.255
            10.1.2.3/16             | 10.1.0.0/16          | true      | 10.1.0.0          | 10.1.255.255
            192.168.0.55/24         | 192.168.0.0/24       | true      | 192.168.0.0       | 192.168.0.255
            192.168.1.5/30          | 192.168.1.4/30       | true      | 192.168.1.4       | 192.168.1.7
            172.72.0.1/16           | 172.72.0.0/16        | true      | 172.72.0.0        | 172.72.255.255
            0.0.0.0/0               | 0.0.0.0/0            | false     | 0.0.0.0           | 255.255.255.255
            1.2.3.4/0               | 0.0.0.0/0            | true      | 0.0.0.0           | 255.255.255.255
            10.0.0.5/32             | 10.0.0.5/32          | false     | 10.0.0.5          | 10.0.0.5
            10.0.0.5/31             | 10.0.0.4/31          | true      | 10.0.0.4          | 10.0.0.5
            10.0.0.4/31             | 10.0.0.4/31          | false     | 10.0.0.4          | 10.0.0.5
            255.255.255.255/32      | 255.255.255.255/32   | false     | 255.255.255.255   | 255.255.255.255
            2001:db8:1::10/64       | 2001:db8:1::/64      | true      | 2001:db8:1::      | 2001:db8:1:0:ffff:ffff:ffff:ffff
            2001:DB8::/32           | 2001:db8::/32        | false     | 2001:db8::        | 2001:db8:ffff:ffff:ffff:ffff:ffff:ffff
            2001:0db8:0000::/48     | 2001:db8::/48        | false     | 2001:db8::        | 2001:db8:0:ffff:ffff:ffff:ffff:ffff
            ::/0                    | ::/0                 | false     | ::                | ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff
            fd4e:10::1/128          | fd4e:10::1/128       | false     | fd4e:10::1        | fd4e:10::1
            fd4e:10::1/127          | fd4e:10::/127        | true      | fd4e:10::         | fd4e:10::1
            """)
    void parsesValidBlocks(String text, String normalised, boolean hostBits, String first, String last) throws Exception {
        Cidr c = Cidr.parse(text);
        assertThat(c.hasHostBits()).isEqualTo(hostBits);
        assertThat(c.normalized()).hasToString(normalised);
        assertThat(c.normalized().hasHostBits()).isFalse();
        assertThat(c.first()).hasToString(first);
        assertThat(c.last()).hasToString(last);
        assertThat(c.size()).isEqualTo(BigInteger.TWO.pow(c.family().bits() - c.prefixLength()));
        // toString keeps what was written (canonicalised), so messages can quote it
        assertThat(Cidr.parse(c.toString())).isEqualTo(c);
        assertThat(c.writtenAddress()).isEqualTo(Ip.parse(text.substring(0, text.indexOf('/'))));
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            # text                      | the reason mentions
            10.0.0.0/33                 | at most /32
            ::/129                      | at most /128
            10.201.0.0/4294967296       | at most /32
            ::1/4294967295              | at most /128
            10.0.0.0/-1                 | invalid prefix length '-1'
            10.0.0.0/abc                | invalid prefix length 'abc'
            10.0.0.0/1e1                | invalid prefix length
            10.0.0.0/+8                 | invalid prefix length
            10.0.0.0/                   | nothing after '/'
            /24                         | no address before '/'
            10.0.0.0/024                | leading zero in its prefix length
            10.0.0.0/255.255.255.0      | netmask
            10.0.0.0/16/8               | more than one '/'
            192.168.xxx.yyy/24          | placeholder
            192.168.xxx.yyy             | placeholder
            <subnet>                    | placeholder
            x.x.x.x/24                  | placeholder
            ${SUBNET}                   | placeholder
            300.1.1.1/24                | octet 300, out of range 0-255
            10.0.0.256/24               | octet 256
            010.0.0.0/8                 | leading zero in octet '010'
            10.1/16                     | has 2 dot-separated parts
            10/8                        | has 1 dot-separated part;
            167772160/8                 | has 1 dot-separated part;
            10.0.0.0.0/8                | has 5 dot-separated parts
            10..0.0/8                   | empty octet
            0x0a.0.0.0/8                | non-decimal octet '0x0a'
            10.0.0.*/24                 | non-decimal octet
            10.0.0.0-10/24              | non-decimal octet
            10.0.0.0                    | no prefix length
            fd00::                      | no prefix length; write it as a CIDR block such as fd00:1::/64
            fe80::1%eth0/64             | zone index
            00001::/16                  | longer than 4 hex digits
            2001:db8::g/64              | non-hex IPv6 group 'g'
            1:2:3:4:5:6:7:8:9/64        | not a valid IP address
            1:::2/64                    | not a valid IP address
            ::ffff:010.0.0.0/120        | leading zero in octet '010'
            " 10.0.0.0/16"              | leading or trailing whitespace
            "10.0.0.0/16 "              | leading or trailing whitespace
            "   "                       | empty address
            """)
    void rejectsMalformedBlocks(String text, String reason) {
        assertThatThrownBy(() -> Cidr.parse(text))
                .isInstanceOf(AddressSyntaxException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void rejectsNullEmptyAndOverlongText() {
        assertThatThrownBy(() -> Cidr.parse(null)).isInstanceOf(AddressSyntaxException.class).hasMessage("empty address");
        assertThatThrownBy(() -> Ip.parse("")).isInstanceOf(AddressSyntaxException.class).hasMessage("empty address");
        assertThatThrownBy(() -> Cidr.parse("1".repeat(200) + "/8"))
                .isInstanceOf(AddressSyntaxException.class).hasMessageContaining("too long");
        assertThatThrownBy(() -> Cidr.parse("10.0.0.0/16\n")).isInstanceOf(AddressSyntaxException.class);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            10.0.0.1            | 10.0.0.1          | IPV4
            0.0.0.0             | 0.0.0.0           | IPV4
            255.255.255.255     | 255.255.255.255   | IPV4
            ::1                 | ::1               | IPV6
            ::                  | ::                | IPV6
            2001:0db8::1        | 2001:db8::1       | IPV6
            FD4E:10::A          | fd4e:10::a        | IPV6
            2001:db8:0:0:0:0:0:1| 2001:db8::1       | IPV6
            """)
    void parsesValidAddresses(String text, String canonical, IpFamily family) throws Exception {
        Ip ip = Ip.parse(text);
        assertThat(ip).hasToString(canonical);
        assertThat(ip.family()).isEqualTo(family);
        assertThat(Ip.parse(canonical)).isEqualTo(ip);
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            10.0.0.1/32         | is a CIDR block
            1.2.3.256           | octet 256
            127.1               | has 2 dot-separated parts
            0x7f.0.0.1          | non-decimal octet
            10.0.0.01           | leading zero in octet '01'
            1.2.3.4.5           | has 5 dot-separated parts
            fe80::1%eth0        | zone index
            localhost           | not a numeric IP address
            10.0.0.x            | placeholder
            192.168.1.xxx       | placeholder
            "10.0.0.1 "         | whitespace
            """)
    void rejectsMalformedAddresses(String text, String reason) {
        assertThatThrownBy(() -> Ip.parse(text))
                .isInstanceOf(AddressSyntaxException.class)
                .hasMessageContaining(reason);
    }

    @ParameterizedTest(name = "{0} vs {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # a                 | b                   | a contains b | b contains a | overlap
            10.0.0.0/16         | 10.0.1.0/24         | true         | false        | true
            10.0.0.0/24         | 10.0.1.0/24         | false        | false        | false
            10.0.0.0/24         | 10.0.0.0/24         | true         | true         | true
            10.0.0.0/23         | 10.0.1.0/24         | true         | false        | true
            10.0.0.0/24         | 10.0.0.128/25       | true         | false        | true
            10.0.0.0/25         | 10.0.0.128/25       | false        | false        | false
            10.0.1.5/24         | 10.0.1.0/24         | true         | true         | true
            172.72.0.0/16       | 172.73.0.0/24       | false        | false        | false
            172.72.0.0/16       | 172.72.0.0/24       | true         | false        | true
            172.16.0.0/12       | 172.17.0.0/16       | true         | false        | true
            0.0.0.0/0           | 255.255.255.255/32  | true         | false        | true
            10.0.0.0/8          | fd4e:10::/32        | false        | false        | false
            ::/0                | 10.0.0.0/8          | false        | false        | false
            2001:db8::/32       | 2001:db8:1::/48     | true         | false        | true
            2001:db8:1::10/64   | 2001:db8:1::/64     | true         | true         | true
            fd4e:10::/64        | fd4e:10:0:1::/64    | false        | false        | false
            fd4e:10::/63        | fd4e:10:0:1::/64    | true         | false        | true
            """)
    void containmentAndOverlap(String a, String b, boolean aContainsB, boolean bContainsA, boolean overlap) throws Exception {
        Cidr x = Cidr.parse(a);
        Cidr y = Cidr.parse(b);
        assertThat(x.contains(y)).isEqualTo(aContainsB);
        assertThat(y.contains(x)).isEqualTo(bContainsA);
        assertThat(x.overlaps(y)).isEqualTo(overlap);
        assertThat(y.overlaps(x)).isEqualTo(overlap);
    }

    @ParameterizedTest(name = "{0} contains {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            10.0.0.0/24         | 10.0.0.0          | true
            10.0.0.0/24         | 10.0.0.255        | true
            10.0.0.0/24         | 10.0.1.0          | false
            10.0.0.5/24         | 10.0.0.1          | true
            10.0.0.5/32         | 10.0.0.5          | true
            10.0.0.5/32         | 10.0.0.4          | false
            0.0.0.0/0           | 0.0.0.0           | true
            0.0.0.0/0           | ::1               | false
            ::/0                | ::1               | true
            ::/0                | 10.0.0.1          | false
            fd4e:10::/64        | fd4e:10::ffff     | true
            fd4e:10::/64        | fd4e:10:0:1::1    | false
            """)
    void addressContainment(String block, String address, boolean expected) throws Exception {
        assertThat(Cidr.parse(block).contains(Ip.parse(address))).isEqualTo(expected);
    }

    @Test
    void nextAddressAndBlockOf() throws Exception {
        assertThat(Ip.parse("10.0.0.255").next()).contains(Ip.parse("10.0.1.0"));
        assertThat(Ip.parse("255.255.255.255").next()).isEmpty();
        assertThat(Ip.parse("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff").next()).isEmpty();
        assertThat(Ip.parse("fd4e::ffff").next()).contains(Ip.parse("fd4e::1:0"));
        assertThat(Cidr.of(Ip.parse("10.1.2.3"), 16)).hasToString("10.1.0.0/16");
        assertThat(Cidr.of(Ip.parse("fd4e:10::1"), 48)).hasToString("fd4e:10::/48");
        assertThatThrownBy(() -> Cidr.of(Ip.parse("10.1.2.3"), 33)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void equalityFollowsTheWrittenForm() throws Exception {
        assertThat(Cidr.parse("10.1.2.3/16")).isNotEqualTo(Cidr.parse("10.1.0.0/16"));
        assertThat(Cidr.parse("10.1.2.3/16").normalized()).isEqualTo(Cidr.parse("10.1.0.0/16"));
        assertThat(Cidr.parse("2001:0DB8::/32")).isEqualTo(Cidr.parse("2001:db8::/32"))
                .hasSameHashCodeAs(Cidr.parse("2001:db8::/32"));
        assertThat(Cidr.parse("10.0.0.0/8")).isNotEqualTo(Cidr.parse("10.0.0.0/9"));
        assertThat(Cidr.parse("10.0.0.0/8").compareTo(Cidr.parse("10.0.0.0/9"))).isNegative();
        assertThat(Cidr.parse("10.0.0.0/8").compareTo(Cidr.parse("fd00::/8"))).isNegative();
    }

    @Test
    void aPrefixLengthIsValidExactlyWhenTheBlockWithItParses() throws Exception {
        String[] prefixes = {"0", "8", "16", "24", "32", "33", "64", "128", "129", "016", "00", "", "1a", "-1",
                "/16", "1.0", "255.255.0.0", "4294967296", "9999", " 16", "16 "};
        for (String address : new String[] {"172.19.0.5", "fd00:1::5", "::ffff:10.0.0.1"}) {
            Ip ip = Ip.parse(address);
            for (String prefix : prefixes) {
                boolean blockParses;
                try {
                    Cidr.parse(address + "/" + prefix);
                    blockParses = true;
                } catch (AddressSyntaxException e) {
                    blockParses = false;
                }
                assertThat(AddressParser.isPrefixLength(prefix, ip.family()))
                        .as(address + "/" + prefix).isEqualTo(blockParses);
            }
        }
    }
}
