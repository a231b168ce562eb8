package dev.ossops.emulator.http;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Host and Origin gate in front of everything, with a stand-in for what is behind it. */
class RequestGateTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2030-01-02T03:04:05Z"), ZoneOffset.UTC);
    private static final String HOST_REFUSED =
            "This emulator answers only to the Host names 127.0.0.1, localhost and [::1], their bucket"
                    + " subdomains, names allowed with --allow-host, and CDN domains that are online.";
    private static final String CROSS_SITE_REFUSED =
            "Requests from other web sites may not call the RAM, STS and CDN APIs or the"
                    + " control endpoint of this emulator; allow an origin with --allow-origin.";

    private final AtomicInteger passed = new AtomicInteger();
    private final RequestGate gate = new RequestGate(
            HostAdmission.loopback().or(HostAdmission.names(Set.of("oss.dev.internal"))),
            Set.of("http://localhost:3000"),
            Set.of("localhost", "127.0.0.1", "oss.dev.internal"),
            request -> {
                passed.incrementAndGet();
                return Reply.empty(200);
            },
            CLOCK);

    private static IncomingRequest request(String method, String target, String body, String... headers) {
        List<Map.Entry<String, String>> list = new ArrayList<>();
        for (int i = 0; i < headers.length; i += 2) {
            list.add(Map.entry(headers[i], headers[i + 1]));
        }
        int q = target.indexOf('?');
        InputStream in = new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
        return new IncomingRequest(
                method, q < 0 ? target : target.substring(0, q), q < 0 ? null : target.substring(q + 1), list, in);
    }

    private static String body(Reply reply) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        reply.writeBody(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private void assertRefused(Reply reply, String message, String ec) throws Exception {
        assertEquals(403, reply.status());
        String xml = body(reply);
        assertTrue(xml.contains("<Code>AccessDenied</Code><Message>" + message + "</Message>"), xml);
        assertTrue(xml.contains("<HostId>127.0.0.1</HostId>"), xml);
        assertEquals(ec, reply.headers().get("x-oss-ec"));
        assertEquals(0, passed.get(), "the request went past the gate");
    }

    @Test
    void apply_hostOfAnotherMachine_isRefusedBeforeAnythingElse() throws Exception {
        for (String host : new String[] {
            "rebind.attacker.example",
            "rebind.attacker.example:9000",
            "127.0.0.1.nip.io:9000",
            "bucket.rebind.attacker.example",
            "",
            "localhost:x"
        }) {
            assertRefused(gate.apply(request("GET", "/bucket/key", "", "Host", host)), HOST_REFUSED, "0099-00000072");
        }
        assertRefused(
                gate.apply(request(
                        "PUT", "/-/ossops/faults", "{\"latencyMillis\":600000}", "Host", "rebind.attacker.example")),
                HOST_REFUSED,
                "0099-00000072");
    }

    @Test
    void apply_loopbackAndAllowedHosts_pass() {
        for (String host : new String[] {
            "127.0.0.1:9000",
            "localhost:9000",
            "[::1]:9000",
            "media.localhost:9000",
            "media.127.0.0.1:9000",
            "oss.dev.internal",
            "media.oss.dev.internal:9000"
        }) {
            assertEquals(
                    200,
                    gate.apply(request("GET", "/bucket/key", "", "Host", host)).status(),
                    host);
        }
        assertEquals(200, gate.apply(request("GET", "/bucket/key", "")).status(), "no Host (HTTP/1.0)");
        assertEquals(8, passed.get());
    }

    @Test
    void apply_crossSiteFormPostOfAnRpcAction_isRefusedUnread() throws Exception {
        String form = "Action=CreateUser&Version=2015-05-01&UserName=intruder";
        IncomingRequest post = request(
                "POST",
                "/",
                form,
                "Host",
                "127.0.0.1:9000",
                "Origin",
                "https://evil.example",
                "Content-Type",
                "application/x-www-form-urlencoded");
        assertRefused(gate.apply(post), CROSS_SITE_REFUSED, "0099-00000073");
        assertEquals(form.length(), post.body().available(), "the gate read the body");
    }

    @Test
    void apply_crossSiteRpcQueryAndControlEndpoint_areRefused() throws Exception {
        assertRefused(
                gate.apply(request(
                        "GET",
                        "/?Action=CreateAccessKey&Version=2015-05-01",
                        "",
                        "Host",
                        "127.0.0.1:9000",
                        "Origin",
                        "null")),
                CROSS_SITE_REFUSED,
                "0099-00000073");
        assertRefused(
                gate.apply(request(
                        "GET",
                        "/?Action=AssumeRole&Version=2015-04-01",
                        "",
                        "Host",
                        "127.0.0.1:9000",
                        "Sec-Fetch-Site",
                        "cross-site")),
                CROSS_SITE_REFUSED,
                "0099-00000073");
        assertRefused(
                gate.apply(request(
                        "PUT", "/-/ossops/faults", "{}", "Host", "localhost:9000", "Origin", "http://localhost:3001")),
                CROSS_SITE_REFUSED,
                "0099-00000073");
        assertRefused(
                gate.apply(request(
                        "DELETE", "/-/ossops/stats", "", "Host", "localhost:9000", "Sec-Fetch-Site", "same-site")),
                CROSS_SITE_REFUSED,
                "0099-00000073");
    }

    @Test
    void apply_ossRequestsFromBrowsers_goOnToTheBucketsCorsRules() {
        assertEquals(
                200,
                gate.apply(request(
                                "POST",
                                "/media",
                                "--b--",
                                "Host",
                                "127.0.0.1:9000",
                                "Origin",
                                "https://evil.example",
                                "Content-Type",
                                "multipart/form-data; boundary=b"))
                        .status());
        assertEquals(
                200,
                gate.apply(request(
                                "GET",
                                "/media/cat.png",
                                "",
                                "Host",
                                "127.0.0.1:9000",
                                "Origin",
                                "https://app.example",
                                "Sec-Fetch-Site",
                                "cross-site"))
                        .status());
        assertEquals(
                200,
                gate.apply(request(
                                "OPTIONS",
                                "/media/cat.png",
                                "",
                                "Host",
                                "127.0.0.1:9000",
                                "Origin",
                                "https://app.example",
                                "Access-Control-Request-Method",
                                "PUT"))
                        .status());
        assertEquals(3, passed.get());
    }

    @Test
    void apply_allowedOwnOrSameOriginRequests_reachRpcAndControl() {
        String form = "Action=ListUsers&Version=2015-05-01";
        assertEquals(
                200,
                gate.apply(request(
                                "POST",
                                "/",
                                form,
                                "Host",
                                "127.0.0.1:9000",
                                "Origin",
                                "http://LOCALHOST:3000",
                                "Content-Type",
                                "application/x-www-form-urlencoded"))
                        .status());
        assertEquals(
                200,
                gate.apply(request(
                                "POST",
                                "/",
                                form,
                                "Host",
                                "127.0.0.1:9000",
                                "Origin",
                                "http://127.0.0.1:9000",
                                "Content-Type",
                                "application/x-www-form-urlencoded"))
                        .status());
        assertEquals(
                200,
                gate.apply(request(
                                "GET",
                                "/-/ossops/stats",
                                "",
                                "Host",
                                "localhost:9000",
                                "Sec-Fetch-Site",
                                "same-origin"))
                        .status());
        assertEquals(
                200,
                gate.apply(request("GET", "/-/ossops/stats", "", "Host", "localhost:9000", "Sec-Fetch-Site", "none"))
                        .status());
        assertEquals(4, passed.get());
    }

    @Test
    void apply_anOriginOnlySameAsAnAllowedHost_isNotTheEmulatorsOwn() throws Exception {
        // Names allowed with --allow-host may be reachable by others; only loopback origins count as the emulator's own
        // pages.
        assertRefused(
                gate.apply(request(
                        "GET", "/-/ossops/stats", "", "Host", "oss.dev.internal", "Origin", "http://oss.dev.internal")),
                CROSS_SITE_REFUSED,
                "0099-00000073");
        assertRefused(
                gate.apply(request(
                        "GET", "/-/ossops/stats", "", "Host", "127.0.0.1:9000", "Origin", "https://127.0.0.1:9000")),
                CROSS_SITE_REFUSED,
                "0099-00000073");
    }
}
