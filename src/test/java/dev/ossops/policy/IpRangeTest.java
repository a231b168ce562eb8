package dev.ossops.policy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IpRangeTest {

    @ParameterizedTest(name = "{0} contains {1}: {2}")
    @CsvSource({
        "10.0.0.0/8, 10.255.255.255, true",
        "10.0.0.0/8, 11.0.0.0, false",
        "192.168.1.7, 192.168.1.7, true",
        "192.168.1.7/32, 192.168.1.8, false",
        "0.0.0.0/0, 8.8.8.8, true",
        "172.16.0.0/12, 172.31.255.1, true",
        "172.16.0.0/12, 172.32.0.1, false",
        "2001:db8::/32, 2001:db8:abcd::1, true",
        "2001:db8::/32, 2001:db9::1, false",
        "::/0, fe80::1, true",
        "::ffff:10.0.0.0/104, ::ffff:10.1.2.3, true",
        "0.0.0.0/0, ::1, false",
        "2001:db8:0:0:0:0:0:1, 2001:db8::1, true",
    })
    void contains_addresses(String range, String address, boolean expected) {
        IpRange parsed = IpRange.parse(range).orElseThrow();
        assertEquals(expected, parsed.contains(IpRange.parseAddress(address).orElseThrow()));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "10.0.0",
                "10.0.0.256",
                "10.0.0.1/33",
                "10.0.0.1/",
                "a.b.c.d",
                "localhost",
                "1::2::3",
                "2001:db8::/129",
                "12345::",
                "1:2:3:4:5:6:7:8:9",
                "1:2:3:4:5:6:7",
                "::g",
                "1.2.3.4::"
            })
    void parse_rejectsNonLiterals(String text) {
        assertTrue(IpRange.parse(text).isEmpty(), text);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "10.1.2.3/8, 10.0.0.0/8",
        "203.0.113.7, 203.0.113.7/32",
        "2001:DB8::1/32, 2001:db8:0:0:0:0:0:0/32",
        "::, 0:0:0:0:0:0:0:0/128",
    })
    void canonical_networkAndPrefix(String text, String canonical) {
        assertEquals(canonical, IpRange.parse(text).orElseThrow().canonical());
    }
}
