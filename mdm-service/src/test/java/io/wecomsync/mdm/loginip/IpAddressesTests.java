package io.wecomsync.mdm.loginip;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class IpAddressesTests {

    @ParameterizedTest
    @CsvSource({
            "101.226.103.0,       101.226.103.0",
            "' 10.0.0.1 ',        10.0.0.1",
            "010.000.000.001,     10.0.0.1",
            "10.0.0.0/08,         10.0.0.0/8",
            "2001:DB8::1,         2001:db8:0:0:0:0:0:1",
            "2001:db8::/32,       2001:db8:0:0:0:0:0:0/32",
    })
    void acceptsLiteralsAndCidrsInCanonicalForm(String input, String canonical) {
        assertThat(IpAddresses.canonical(input)).contains(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "256.1.1.1", "1.2.3", "1.2.3.4/33", "2001:db8::/129", "localhost", "example.com",
            "1.2.3.4/", "1:2", "::ffff:zz", "1.2.3.4 5"})
    void refusesEverythingElseWithoutLookingItUp(String input) {
        assertThat(IpAddresses.canonical(input)).isEmpty();
    }
}
