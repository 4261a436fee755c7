package dev.netlint.address;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.apache.commons.net.util.SubnetUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For random IPv4 CIDRs (host bits or not, /0 to /32), netlint's containment, overlap and
 * normalisation agree with commons-net {@link SubnetUtils}, an independent implementation.
 * <p>
 * The oracle is used with {@code setInclusiveHostCount(true)}: its low and high addresses are then
 * the network and broadcast addresses for every prefix. Without it SubnetUtils excludes those two
 * and answers 0.0.0.0 for /31 and /32, which would be a wrong oracle for containment.
 * {@code SubnetInfo.isInRange} also never reports 0.0.0.0 as in range (it treats 0 as "no address"),
 * so the oracle decides that one address from the low address instead.
 */
class SubnetUtilsOracleFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void agreesWithSubnetUtils(FuzzedDataProvider data) throws AddressSyntaxException {
        String a = dotted(data) + "/" + data.consumeInt(0, 32);
        String b = dotted(data) + "/" + data.consumeInt(0, 32);
        String probe = dotted(data);

        Cidr x = Cidr.parse(a);
        Cidr y = Cidr.parse(b);
        Ip ip = Ip.parse(probe);
        SubnetUtils.SubnetInfo ox = oracle(a);
        SubnetUtils.SubnetInfo oy = oracle(b);

        // normalisation and bounds
        assertThat(x.first()).as("network address of %s", a).hasToString(ox.getNetworkAddress());
        assertThat(x.last()).as("broadcast address of %s", a).hasToString(ox.getBroadcastAddress());
        assertThat(x.normalized()).as("normalised %s", a)
                .hasToString(ox.getNetworkAddress() + "/" + x.prefixLength());
        assertThat(x.hasHostBits()).as("host bits of %s", a)
                .isEqualTo(!a.startsWith(ox.getNetworkAddress() + "/"));
        assertThat(x.size().longValueExact()).as("size of %s", a).isEqualTo(ox.getAddressCountLong());

        // containment of an address
        assertThat(x.contains(ip)).as("%s contains %s", a, probe).isEqualTo(inRange(ox, probe));

        // containment and overlap of blocks
        boolean xHasY = inRange(ox, oy.getLowAddress()) && inRange(ox, oy.getHighAddress());
        boolean yHasX = inRange(oy, ox.getLowAddress()) && inRange(oy, ox.getHighAddress());
        boolean overlap = inRange(ox, oy.getLowAddress()) || inRange(ox, oy.getHighAddress())
                || inRange(oy, ox.getLowAddress()) || inRange(oy, ox.getHighAddress());
        assertThat(x.contains(y)).as("%s contains %s", a, b).isEqualTo(xHasY);
        assertThat(y.contains(x)).as("%s contains %s", b, a).isEqualTo(yHasX);
        assertThat(x.overlaps(y)).as("%s overlaps %s", a, b).isEqualTo(overlap);
        assertThat(y.overlaps(x)).as("%s overlaps %s", b, a).isEqualTo(overlap);
    }

    private static String dotted(FuzzedDataProvider data) {
        return data.consumeInt(0, 255) + "." + data.consumeInt(0, 255) + "."
                + data.consumeInt(0, 255) + "." + data.consumeInt(0, 255);
    }

    private static SubnetUtils.SubnetInfo oracle(String cidr) {
        SubnetUtils s = new SubnetUtils(cidr);
        s.setInclusiveHostCount(true);
        return s.getInfo();
    }

    private static boolean inRange(SubnetUtils.SubnetInfo info, String address) {
        if (address.equals("0.0.0.0")) {
            return info.getLowAddress().equals("0.0.0.0");
        }
        return info.isInRange(address);
    }
}
