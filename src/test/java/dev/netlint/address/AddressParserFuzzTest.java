package dev.netlint.address;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.netlint.model.AddressValue;
import dev.netlint.model.SourceLocation;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The parser throws nothing but {@link AddressSyntaxException}, whatever the text, and what it
 * accepts is well-formed. {@code mvn verify} replays the committed corpus in
 * {@code src/test/resources/dev/netlint/address/AddressParserFuzzTestInputs/}; a real run is
 * {@code JAZZER_FUZZ=1 mvn test -Dtest=AddressParserFuzzTest} (see the README).
 */
class AddressParserFuzzTest {
    private static final SourceLocation HERE = SourceLocation.of("fuzz", 1, 1);

    @FuzzTest(maxDuration = "60s")
    void parserThrowsOnlyItsOwnException(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        try {
            Cidr c = AddressParser.parseCidr(text);
            checkAcceptedText(text);
            checkBlock(c);
        } catch (AddressSyntaxException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
        try {
            Ip ip = AddressParser.parseAddress(text);
            checkAcceptedText(text);
            assertThat(ip.toString()).doesNotContain("/");
            assertThat(reparse(ip.toString())).isEqualTo(ip);
            assertThat(Cidr.of(ip, ip.family().bits()).contains(ip)).isTrue();
        } catch (AddressSyntaxException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
        // the model's wrapper never throws either: it records the parser's reason
        AddressValue v = AddressValue.cidr(text, HERE);
        assertThat(v.isMalformed() ? v.error() : "parsed").isNotBlank();
        AddressValue w = AddressValue.address(text, HERE);
        assertThat(w.isMalformed() ? w.error() : "parsed").isNotBlank();
    }

    /** Only the characters of dotted quads, IPv6 hex groups and a decimal prefix get through. */
    private static void checkAcceptedText(String text) {
        assertThat(text).matches("[0-9A-Fa-f:./]+");
    }

    private static void checkBlock(Cidr c) {
        assertThat(c.prefixLength()).isBetween(0, c.family().bits());
        Cidr n = c.normalized();
        assertThat(n.hasHostBits()).isFalse();
        assertThat(n.contains(c)).isTrue();
        assertThat(c.contains(n)).isTrue();
        assertThat(c.contains(c.writtenAddress())).isTrue();
        assertThat(c.contains(c.first())).isTrue();
        assertThat(c.contains(c.last())).isTrue();
        assertThat(c.first().compareTo(c.last())).isLessThanOrEqualTo(0);
        assertThat(c.hasHostBits()).isEqualTo(!c.writtenAddress().equals(c.first()));
        try {
            assertThat(Cidr.parse(c.toString())).isEqualTo(c);
        } catch (AddressSyntaxException e) {
            throw new AssertionError("canonical form " + c + " does not parse: " + e.getMessage(), e);
        }
    }

    private static Ip reparse(String canonical) {
        try {
            return Ip.parse(canonical);
        } catch (AddressSyntaxException e) {
            throw new AssertionError("canonical form " + canonical + " does not parse: " + e.getMessage(), e);
        }
    }
}
