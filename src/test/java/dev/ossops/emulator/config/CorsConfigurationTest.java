package dev.ossops.emulator.config;

import dev.ossops.shared.CorsRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CorsConfigurationTest {
    private static final CorsRule UPLOADS = new CorsRule(
            List.of("https://*.example.com"),
            List.of("PUT", "POST"),
            List.of("x-oss-meta-*", "Content-Type"),
            List.of("ETag"),
            Optional.of(600L));
    private static final CorsRule READS =
            new CorsRule(List.of("*"), List.of("GET", "HEAD"), List.of(), List.of(), Optional.empty());
    private static final CorsConfiguration CONFIG = new CorsConfiguration(List.of(UPLOADS, READS), false);

    /** origin | method | requested headers (';'-separated) | winning rule (uploads, reads, none). */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            nullValues = "null",
            value = {
                "https://app.example.com | PUT  |                          | uploads",
                "https://app.example.com | PUT  | Content-Type;x-oss-meta-a | uploads",
                "https://app.example.com | PUT  | CONTENT-TYPE;X-OSS-META-B | uploads",
                "https://app.example.com | PUT  | x-oss-acl                 | none",
                "https://app.example.com | GET  |                           | reads",
                "https://example.com     | PUT  |                           | none",
                "http://app.example.com  | POST |                           | none",
                "https://evil.com        | GET  |                           | reads",
                "https://evil.com        | GET  | Authorization             | none",
                "https://evil.com        | DELETE |                         | none",
                "null                    | GET  |                           | none",
                "https://a.example.com   | put  |                           | none",
            })
    void match_firstAdmittingRuleWins(String origin, String method, String headers, String expected) {
        List<String> requested = headers == null ? List.of() : Arrays.asList(headers.split(";"));
        Optional<CorsRule> want = switch (expected) {
            case "uploads" -> Optional.of(UPLOADS);
            case "reads" -> Optional.of(READS);
            default -> Optional.empty();
        };
        assertEquals(want, CONFIG.match(origin, method, requested).rule());
    }

    @Test
    void match_preflightEchoesRequestAndAddsRuleHeaders() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("Access-Control-Allow-Origin", "https://app.example.com");
        expected.put("Access-Control-Allow-Methods", "PUT");
        expected.put("Access-Control-Allow-Headers", "content-type, x-oss-meta-owner");
        expected.put("Access-Control-Expose-Headers", "ETag");
        expected.put("Access-Control-Max-Age", "600");

        CorsConfiguration.CorsDecision decision =
                CONFIG.match("https://app.example.com", "PUT", List.of("content-type", "x-oss-meta-owner"));

        assertEquals(true, decision.allowed());
        assertEquals(
                List.copyOf(expected.entrySet()), List.copyOf(decision.headers().entrySet()));
    }

    @Test
    void match_actualRequestOmitsAllowHeadersAndUnsetMaxAge() {
        CorsConfiguration.CorsDecision decision = CONFIG.match("https://evil.com", "GET", List.of());
        assertEquals(
                Map.of("Access-Control-Allow-Origin", "https://evil.com", "Access-Control-Allow-Methods", "GET"),
                decision.headers());
    }

    @Test
    void match_responseVaryAddsVaryOriginEvenWithoutMatch() {
        CorsConfiguration vary = new CorsConfiguration(List.of(UPLOADS), true);
        CorsConfiguration.CorsDecision decision = vary.match("https://evil.com", "GET", List.of());
        assertEquals(false, decision.allowed());
        assertEquals(Map.of("Vary", "Origin"), decision.headers());
    }

    @Test
    void match_responseVaryAppendsVaryToMatchedHeaders() {
        CorsConfiguration vary = new CorsConfiguration(List.of(READS), true);
        assertEquals(
                "Origin",
                vary.match("https://a.com", "HEAD", List.of()).headers().get("Vary"));
    }

    @Test
    void match_withoutResponseVaryNeverAddsVary() {
        assertEquals(Map.of(), CONFIG.match(null, "GET", List.of()).headers());
    }
}
