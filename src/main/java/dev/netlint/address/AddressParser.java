package dev.netlint.address;

import inet.ipaddr.AddressStringParameters.RangeParameters;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Strict address parsing, as close as practical to Go's {@code net.ParseIP}/{@code net.ParseCIDR}
 * and {@code netip.ParsePrefix} that the daemon uses: no inet_aton shorthands ({@code 10.1}),
 * no leading zeros in IPv4 octets or in the prefix length, no hex/octal, no wildcards, ranges,
 * netmasks, zones or surrounding whitespace, and at most four hex digits per IPv6 group.
 * <p>
 * The text is first checked lexically so that the error says what is wrong ("octet 300 is out of
 * range"), then handed to IPAddress for the value. Prefix lengths are validated here as text
 * because IPAddress overflows on absurd ones ({@code /4294967296} parses as {@code /0}).
 * The only exception this class throws is {@link AddressSyntaxException}.
 */
public final class AddressParser {
    /** Longer than any valid address or CIDR text (an IPv6 CIDR with embedded IPv4 is 49). */
    private static final int MAX_TEXT = 64;

    private static final IPAddressStringParameters STRICT = new IPAddressStringParameters.Builder()
            .allowEmpty(false)
            .allowAll(false)
            .allowSingleSegment(false)
            .allowMask(false)
            .allowPrefix(false)
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
                .allowUnlimitedLeadingZeros(false)
                .allowPrefixesBeyondAddressSize(false)
                .getParentBuilder()
            .toParams();

    private AddressParser() {
    }

    /** A single IPv4 or IPv6 address, such as a gateway or a container's static address. */
    public static Ip parseAddress(String text) throws AddressSyntaxException {
        String t = checkText(text);
        if (t.indexOf('/') >= 0) {
            throw new AddressSyntaxException("'" + t + "' is a CIDR block; a single address has no '/' prefix");
        }
        return new Ip(toAddress(t, t));
    }

    /** A CIDR block such as a subnet or ip-range. Host bits may be set; see {@link Cidr#hasHostBits()}. */
    public static Cidr parseCidr(String text) throws AddressSyntaxException {
        String t = checkText(text);
        int slash = t.indexOf('/');
        if (slash < 0) {
            if (looksLikePlaceholder(t)) {
                throw new AddressSyntaxException("'" + t + "' is a placeholder, not a CIDR block such as 10.0.0.0/24");
            }
            throw new AddressSyntaxException("'" + t + "' has no prefix length; write it as a CIDR block such as "
                    + (t.indexOf(':') >= 0 ? "fd00:1::/64" : "10.0.0.0/24"));
        }
        if (t.indexOf('/', slash + 1) >= 0) {
            throw new AddressSyntaxException("'" + t + "' has more than one '/'");
        }
        String addressPart = t.substring(0, slash);
        String prefixPart = t.substring(slash + 1);
        IPAddress address = toAddress(addressPart, t);
        int max = address.isIPv4() ? 32 : 128;
        int prefix = prefixLength(prefixPart, t, max, address.isIPv4());
        return new Cidr(address, prefix);
    }

    /** Whether {@code text} is a prefix length that {@link #parseCidr} takes after an address of {@code family}. */
    public static boolean isPrefixLength(String text, IpFamily family) {
        try {
            prefixLength(text, text, family.bits(), family == IpFamily.IPV4);
            return true;
        } catch (AddressSyntaxException e) {
            return false;
        }
    }

    private static int prefixLength(String p, String whole, int max, boolean v4) throws AddressSyntaxException {
        String family = v4 ? "IPv4" : "IPv6";
        if (p.isEmpty()) {
            throw new AddressSyntaxException("'" + whole + "' has nothing after '/'; write a prefix length from 0 to " + max);
        }
        if (p.indexOf('.') >= 0 || p.indexOf(':') >= 0) {
            throw new AddressSyntaxException("'" + whole + "' uses a netmask after '/'; write a prefix length such as /24");
        }
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c < '0' || c > '9') {
                throw new AddressSyntaxException("'" + whole + "' has an invalid prefix length '" + p
                        + "'; an " + family + " prefix length is a number from 0 to " + max);
            }
        }
        if (p.length() > 1 && p.charAt(0) == '0') {
            throw new AddressSyntaxException("'" + whole + "' has a leading zero in its prefix length '" + p + "'");
        }
        if (p.length() > 3) {
            throw new AddressSyntaxException("'" + whole + "' has prefix /" + p + ", but an " + family
                    + " prefix is at most /" + max);
        }
        int n = Integer.parseInt(p);
        if (n > max) {
            throw new AddressSyntaxException("'" + whole + "' has prefix /" + n + ", but an " + family
                    + " prefix is at most /" + max);
        }
        return n;
    }

    private static String checkText(String text) throws AddressSyntaxException {
        if (text == null || text.isEmpty()) {
            throw new AddressSyntaxException("empty address");
        }
        if (text.length() > MAX_TEXT) {
            throw new AddressSyntaxException("address text is too long (" + text.length() + " characters)");
        }
        if (text.isBlank()) {
            throw new AddressSyntaxException("empty address");
        }
        if (!text.equals(text.strip())) {
            throw new AddressSyntaxException("'" + text.strip() + "' has leading or trailing whitespace");
        }
        return text;
    }

    /** {@code <subnet>}, {@code x.x.x.x}, {@code 192.168.xxx.yyy}, {@code ${SUBNET}} and the like. */
    /** A lone x, as in 10.x.0.0/16 (compiled once: every address parsed asks). */
    private static final Pattern LONE_X = Pattern.compile(".*\\bx\\b.*");

    private static boolean looksLikePlaceholder(String t) {
        String lower = t.toLowerCase(Locale.ROOT);
        return lower.indexOf('<') >= 0 || lower.indexOf('{') >= 0 || lower.indexOf('$') >= 0
                || lower.contains("xx") || lower.contains("yy") || lower.contains("zz")
                || lower.indexOf('x') >= 0 && LONE_X.matcher(lower).matches();
    }

    private static IPAddress toAddress(String part, String whole) throws AddressSyntaxException {
        if (part.isEmpty()) {
            throw new AddressSyntaxException("'" + whole + "' has no address before '/'");
        }
        if (looksLikePlaceholder(part)) {
            throw new AddressSyntaxException("'" + whole + "' is a placeholder, not an IP address");
        }
        if (part.indexOf(':') >= 0) {
            checkIpv6Text(part, whole);
        } else {
            checkIpv4Text(part, whole);
        }
        try {
            IPAddress a = new IPAddressString(part, STRICT).toAddress();
            if (a == null || a.isMultiple() || a.isPrefixed()) {
                throw new AddressSyntaxException("'" + whole + "' is not a single IP address");
            }
            // A copy made from the bytes: the parsed address keeps its string and parser state alive,
            // which a fleet's hundred thousand distinct subnets and gateways would hold for nothing.
            return a.getNetwork().getAddressCreator().createAddress(a.getBytes());
        } catch (inet.ipaddr.AddressStringException | RuntimeException e) {
            // IPAddress throws unchecked exceptions on a few pathological inputs; they are syntax errors too.
            throw new AddressSyntaxException("'" + whole + "' is not a valid IP address");
        }
    }

    /** Dotted quad only: four decimal octets, 0-255, without leading zeros (inet_aton forms are refused). */
    private static void checkIpv4Text(String part, String whole) throws AddressSyntaxException {
        String[] octets = part.split("\\.", -1);
        if (octets.length != 4 && !part.matches("[0-9.]*")) {
            throw new AddressSyntaxException("'" + whole + "' is not a numeric IP address");
        }
        if (octets.length != 4) {
            throw new AddressSyntaxException("'" + whole + "' has " + octets.length + " dot-separated part"
                    + (octets.length == 1 ? "" : "s") + "; an IPv4 address has exactly 4 (shorthands such as 10.1 are not accepted)");
        }
        for (String o : octets) {
            if (o.isEmpty()) {
                throw new AddressSyntaxException("'" + whole + "' has an empty octet");
            }
            for (int i = 0; i < o.length(); i++) {
                char c = o.charAt(i);
                if (c < '0' || c > '9') {
                    throw new AddressSyntaxException("'" + whole + "' has a non-decimal octet '" + o + "'");
                }
            }
            if (o.length() > 1 && o.charAt(0) == '0') {
                throw new AddressSyntaxException("'" + whole + "' has a leading zero in octet '" + o
                        + "' (some tools read it as octal)");
            }
            if (o.length() > 3 || Integer.parseInt(o) > 255) {
                throw new AddressSyntaxException("'" + whole + "' has octet " + o + ", out of range 0-255");
            }
        }
    }

    /** Hex groups of at most four digits, at most one "::", an optional trailing dotted quad, no zone. */
    private static void checkIpv6Text(String part, String whole) throws AddressSyntaxException {
        if (part.indexOf('%') >= 0) {
            throw new AddressSyntaxException("'" + whole + "' has a zone index (%...), which is not accepted here");
        }
        int dot = part.indexOf('.');
        String hexPart = part;
        if (dot >= 0) {
            int lastColon = part.lastIndexOf(':');
            if (lastColon > dot) {
                throw new AddressSyntaxException("'" + whole + "' is not a valid IPv6 address");
            }
            checkIpv4Text(part.substring(lastColon + 1), whole);
            hexPart = part.substring(0, lastColon + 1);
        }
        String[] groups = hexPart.split(":", -1);
        for (String g : groups) {
            if (g.length() > 4) {
                throw new AddressSyntaxException("'" + whole + "' has IPv6 group '" + g + "' longer than 4 hex digits");
            }
            for (int i = 0; i < g.length(); i++) {
                if (Character.digit(g.charAt(i), 16) < 0 || g.charAt(i) > 'f') {
                    throw new AddressSyntaxException("'" + whole + "' has a non-hex IPv6 group '" + g + "'");
                }
            }
        }
    }
}
