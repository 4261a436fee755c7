package dev.netlint.address;

import inet.ipaddr.AddressStringException;
import inet.ipaddr.AddressStringParameters.RangeParameters;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Strict address parsing, close to Go's {@code net.ParseIP}/{@code net.ParseCIDR} that the daemon
 * uses: no inet_aton shorthands, no leading zeros in IPv4, no wildcards, ranges, masks or zones.
 * Prefix lengths are validated here because IPAddress overflows on absurd ones ({@code /4294967296}).
 */
public final class AddressParser {
    private static final int MAX_TEXT = 100;
    private static final Pattern CIDR_SHAPE = Pattern.compile("([^/]+)/([0-9]{1,3})");

    private static final IPAddressStringParameters STRICT = new IPAddressStringParameters.Builder()
            .allowEmpty(false)
            .allowAll(false)
            .allowSingleSegment(false)
            .allowMask(false)
            .allowPrefixOnly(false)
            .allowWildcardedSeparator(false)
            .setRangeOptions(RangeParameters.NO_RANGE)
            .allow_inet_aton(false)
            .getIPv4AddressParametersBuilder()
                .allowLeadingZeros(false)
                .allowUnlimitedLeadingZeros(false)
                .allowPrefixesBeyondAddressSize(false)
                .allowBinary(false)
                .getParentBuilder()
            .getIPv6AddressParametersBuilder()
                .allowZone(false)
                .allowBase85(false)
                .allowBinary(false)
                .allowPrefixesBeyondAddressSize(false)
                .getParentBuilder()
            .toParams();

    private AddressParser() {
    }

    public static Ip parseAddress(String text) throws AddressSyntaxException {
        String t = checkText(text);
        if (t.indexOf('/') >= 0) {
            throw new AddressSyntaxException("'" + t + "' is a CIDR block, not a single address");
        }
        return new Ip(toAddress(t, t));
    }

    public static Cidr parseCidr(String text) throws AddressSyntaxException {
        String t = checkText(text);
        Matcher m = CIDR_SHAPE.matcher(t);
        if (!m.matches()) {
            if (t.indexOf('/') < 0) {
                throw new AddressSyntaxException("'" + t + "' has no prefix length; write it as a CIDR block such as 10.0.0.0/24");
            }
            throw new AddressSyntaxException("'" + t + "' has an invalid prefix length");
        }
        IPAddress address = toAddress(m.group(1), t);
        int prefix = Integer.parseInt(m.group(2));
        int max = address.isIPv4() ? 32 : 128;
        if (prefix > max) {
            throw new AddressSyntaxException("'" + t + "' has prefix /" + prefix + ", but an "
                    + (address.isIPv4() ? "IPv4" : "IPv6") + " prefix is at most /" + max);
        }
        return new Cidr(address.setPrefixLength(prefix, false), prefix);
    }

    private static String checkText(String text) throws AddressSyntaxException {
        if (text == null || text.isBlank()) {
            throw new AddressSyntaxException("empty address");
        }
        String t = text.trim();
        if (t.length() > MAX_TEXT) {
            throw new AddressSyntaxException("address text is too long (" + t.length() + " characters)");
        }
        return t;
    }

    private static IPAddress toAddress(String part, String whole) throws AddressSyntaxException {
        try {
            IPAddress a = new IPAddressString(part, STRICT).toAddress();
            if (a == null || a.isMultiple()) {
                throw new AddressSyntaxException("'" + whole + "' is not a single IP address");
            }
            return a.withoutPrefixLength();
        } catch (AddressStringException | RuntimeException e) {
            // IPAddress throws unchecked exceptions on a few pathological inputs; report them as syntax errors.
            throw new AddressSyntaxException("'" + whole + "' is not a valid IP address");
        }
    }
}
