package dev.ossops.emulator.http;

import com.aliyun.oss.OSS;
import com.aliyun.oss.model.CannedAccessControlList;
import com.aliyuncs.AcsRequest;
import com.aliyuncs.AcsResponse;
import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.IAcsClient;
import com.aliyuncs.cdn.model.v20180510.AddCdnDomainRequest;
import com.aliyuncs.cdn.model.v20180510.BatchSetCdnDomainConfigRequest;
import com.aliyuncs.cdn.model.v20180510.StartCdnDomainRequest;
import com.aliyuncs.cdn.model.v20180510.StopCdnDomainRequest;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.profile.DefaultProfile;
import dev.ossops.emulator.EmulatorClients;
import dev.ossops.emulator.EmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CDN edge over the wire: what it refuses (methods, Referer, URL authentication, stopped domains), what it
 * relays, and that large objects stream without being cached. Domains are set up with the official CDN SDK; edge
 * requests go over a raw socket with the domain in Host, as DNS would have them arrive.
 */
@ExtendWith(EmulatorExtension.class)
class EdgeServingIT {
    private static final String CONTENT = "edge content";

    /** A private bucket holding {@code a.txt}, behind a new online domain signing back to origin. */
    private static String domainWithPrivateOrigin(EmulatorClients clients, String hint) throws Exception {
        String bucket = clients.bucketName(hint);
        OSS oss = clients.v1();
        oss.createBucket(bucket);
        oss.putObject(bucket, "a.txt", new ByteArrayInputStream(CONTENT.getBytes(StandardCharsets.UTF_8)));
        String domain = hint + ".cdn.test";
        AddCdnDomainRequest add = new AddCdnDomainRequest();
        add.setDomainName(domain);
        add.setCdnType("web");
        add.setSources("[{\"content\":\"" + bucket + ".oss-" + clients.region()
                + ".aliyuncs.com\",\"type\":\"oss\",\"port\":80}]");
        call(clients, add);
        configure(clients, domain, "l2_oss_key", "{\"argName\":\"private_oss_auth\",\"argValue\":\"on\"}");
        return domain;
    }

    private static void configure(EmulatorClients clients, String domain, String function, String args)
            throws Exception {
        BatchSetCdnDomainConfigRequest set = new BatchSetCdnDomainConfigRequest();
        set.setDomainNames(domain);
        set.setFunctions("[{\"functionName\":\"" + function + "\",\"functionArgs\":[" + args + "]}]");
        call(clients, set);
    }

    private static <T extends AcsResponse> T call(EmulatorClients clients, AcsRequest<T> request) throws Exception {
        IAcsClient cdn =
                new DefaultAcsClient(DefaultProfile.getProfile("cn-hangzhou", clients.keyId(), clients.secret()));
        request.setSysEndpoint("127.0.0.1:" + clients.endpoint().getPort());
        request.setSysProtocol(ProtocolType.HTTP);
        return cdn.getAcsResponse(request);
    }

    /** Everything the server sends for one request on a connection it then closes. */
    private static String wire(EmulatorClients clients, String method, String target, String host, String... headers)
            throws IOException {
        StringBuilder request = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: " + host + "\r\n");
        for (String h : headers) {
            request.append(h).append("\r\n");
        }
        request.append("Connection: close\r\n\r\n");
        try (Socket socket = new Socket("127.0.0.1", clients.endpoint().getPort())) {
            socket.setSoTimeout(RawSocket.TIMEOUT_MILLIS);
            socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String header(String response, String name) {
        Matcher m = Pattern.compile("(?im)^" + Pattern.quote(name) + ": *([^\r\n]*)")
                .matcher(response.substring(0, response.indexOf("\r\n\r\n")));
        return m.find() ? m.group(1) : null;
    }

    private static String md5(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void methodsOtherThanGetAndHead_areRefused405_headAnswersTheLengthWithoutABody(EmulatorClients clients)
            throws Exception {
        String domain = domainWithPrivateOrigin(clients, "methods");
        for (String method : new String[] {"PUT", "POST", "DELETE", "OPTIONS"}) {
            String refused = wire(clients, method, "/a.txt", domain, "Content-Length: 0");
            assertTrue(refused.startsWith("HTTP/1.1 405 Method Not Allowed\r\n"), refused);
            assertEquals("GET, HEAD", header(refused, "Allow"), refused);
            assertEquals("Tengine", header(refused, "Server"), refused);
        }
        String head = wire(clients, "HEAD", "/a.txt", domain);
        assertTrue(head.startsWith("HTTP/1.1 200 OK\r\n"), head);
        assertEquals(Integer.toString(CONTENT.length()), header(head, "Content-Length"));
        assertTrue(head.endsWith("\r\n\r\n"), head);
        // HEAD fetched the object whole, so a GET now is a hit.
        assertEquals("HIT TCP_MEM_HIT dirn:-2:-2", header(wire(clients, "GET", "/a.txt", domain), "X-Cache"));
    }

    @Test
    void refererWhiteList_refusesOthersAndAnEmptyReferer_unlessAllowed(EmulatorClients clients) throws Exception {
        String domain = domainWithPrivateOrigin(clients, "referer");
        configure(
                clients,
                domain,
                "referer_white_list_set",
                "{\"argName\":\"refer_domain_allow_list\",\"argValue\":\"example.com\"}");
        String none = wire(clients, "GET", "/a.txt", domain);
        assertTrue(none.startsWith("HTTP/1.1 403 Forbidden\r\n"), none);
        assertTrue(none.contains("The domain's Referer rule refuses this request."), none);
        String other = wire(clients, "GET", "/a.txt", domain, "Referer: https://example.com.evil.test/");
        assertTrue(other.startsWith("HTTP/1.1 403 Forbidden\r\n"), other);
        String listed = wire(clients, "GET", "/a.txt", domain, "Referer: https://www.example.com/page");
        assertTrue(listed.startsWith("HTTP/1.1 200 OK\r\n") && listed.endsWith(CONTENT), listed);
        configure(
                clients,
                domain,
                "referer_white_list_set",
                "{\"argName\":\"refer_domain_allow_list\",\"argValue\":\"example.com\"},"
                        + "{\"argName\":\"allow_empty\",\"argValue\":\"on\"}");
        assertTrue(wire(clients, "GET", "/a.txt", domain).endsWith(CONTENT));
    }

    @Test
    void urlAuthTypeA_unsignedWrongOrExpiredRefused_signedServedFromTheSamePathInTheCache(EmulatorClients clients)
            throws Exception {
        String domain = domainWithPrivateOrigin(clients, "urlauth");
        configure(
                clients,
                domain,
                "aliauth",
                "{\"argName\":\"auth_type\",\"argValue\":\"type_a\"},"
                        + "{\"argName\":\"auth_key1\",\"argValue\":\"EdgeKey0123456789\"}");
        String unsigned = wire(clients, "GET", "/a.txt", domain);
        assertTrue(unsigned.startsWith("HTTP/1.1 403 Forbidden\r\n"), unsigned);
        assertTrue(unsigned.contains("URL authentication failed: the request has no auth_key."), unsigned);
        long now = Instant.now().getEpochSecond();
        String signed = "/a.txt?auth_key=" + now + "-r1-0-" + md5("/a.txt-" + now + "-r1-0-EdgeKey0123456789");
        String served = wire(clients, "GET", signed, domain);
        assertTrue(served.startsWith("HTTP/1.1 200 OK\r\n") && served.endsWith(CONTENT), served);
        String wrong = wire(clients, "GET", "/a.txt?auth_key=" + now + "-r1-0-" + md5("forged"), domain);
        assertTrue(wrong.contains("URL authentication failed: the md5hash does not match."), wrong);
        long old = now - 7200;
        String expired = wire(
                clients,
                "GET",
                "/a.txt?auth_key=" + old + "-r1-0-" + md5("/a.txt-" + old + "-r1-0-EdgeKey0123456789"),
                domain);
        assertTrue(expired.startsWith("HTTP/1.1 403 Forbidden\r\n"), expired);
        assertTrue(expired.contains("URL authentication failed: the URL expired at "), expired);
        String again = "/a.txt?auth_key=" + now + "-r2-0-" + md5("/a.txt-" + now + "-r2-0-EdgeKey0123456789");
        assertEquals("HIT TCP_MEM_HIT dirn:-2:-2", header(wire(clients, "GET", again, domain), "X-Cache"));
    }

    @Test
    void stoppedDomain_answersLikeAnUnknownHost_startedAgainServes(EmulatorClients clients) throws Exception {
        String domain = domainWithPrivateOrigin(clients, "stopped");
        StopCdnDomainRequest stop = new StopCdnDomainRequest();
        stop.setDomainName(domain);
        call(clients, stop);
        String stopped = wire(clients, "GET", "/a.txt", domain);
        String unknown = wire(clients, "GET", "/a.txt", "never-added.cdn.test");
        assertTrue(stopped.startsWith("HTTP/1.1 403 Forbidden\r\n"), stopped);
        assertEquals(
                stopped.substring(stopped.indexOf("<Code>"), stopped.indexOf("<RequestId>")),
                unknown.substring(unknown.indexOf("<Code>"), unknown.indexOf("<RequestId>")));
        assertFalse(stopped.contains(CONTENT), stopped);
        StartCdnDomainRequest start = new StartCdnDomainRequest();
        start.setDomainName(domain);
        call(clients, start);
        assertTrue(wire(clients, "GET", "/a.txt", domain).endsWith(CONTENT));
    }

    @Test
    void withoutPrivateOrigin_privateBucketRefusesTheEdge_publicReadServes_missingKeysRelayOss404(
            EmulatorClients clients) throws Exception {
        String domain = domainWithPrivateOrigin(clients, "public");
        configure(clients, domain, "l2_oss_key", "{\"argName\":\"private_oss_auth\",\"argValue\":\"off\"}");
        String denied = wire(clients, "GET", "/a.txt", domain);
        assertTrue(denied.startsWith("HTTP/1.1 403 Forbidden\r\n"), denied);
        assertTrue(denied.contains("<Code>AccessDenied</Code>"), denied);
        clients.v1().setBucketAcl(originOf(clients, "public"), CannedAccessControlList.PublicRead);
        String served = wire(clients, "GET", "/a.txt", domain);
        assertTrue(served.startsWith("HTTP/1.1 200 OK\r\n") && served.endsWith(CONTENT), served);
        String missing = wire(clients, "GET", "/missing.txt", domain);
        assertTrue(missing.startsWith("HTTP/1.1 404 Not Found\r\n"), missing);
        assertTrue(missing.contains("<Code>NoSuchKey</Code>"), missing);
        assertEquals("MISS TCP_MISS dirn:-2:-2", header(missing, "X-Cache"));
    }

    @Test
    void objectLargerThanTheCacheHolds_isStreamedEveryTime(EmulatorClients clients) throws Exception {
        String domain = domainWithPrivateOrigin(clients, "large");
        byte[] large = new byte[(int) EdgeCache.DEFAULT_OBJECT_BYTES + 1];
        java.util.Arrays.fill(large, (byte) 'x');
        clients.v1().putObject(originOf(clients, "large"), "large.bin", new ByteArrayInputStream(large));
        for (int i = 0; i < 2; i++) {
            String response = wire(clients, "GET", "/large.bin", domain);
            assertEquals(Integer.toString(large.length), header(response, "Content-Length"));
            assertEquals(large.length, response.length() - response.indexOf("\r\n\r\n") - 4);
            assertEquals("MISS TCP_MISS dirn:-2:-2", header(response, "X-Cache"));
        }
        String etag = header(wire(clients, "HEAD", "/large.bin", domain), "ETag");
        String current = wire(clients, "GET", "/large.bin", domain, "If-None-Match: " + etag);
        assertTrue(current.startsWith("HTTP/1.1 304 Not Modified\r\n") && current.endsWith("\r\n\r\n"), current);
    }

    @Test
    void hostilePaths_stayKeysOfTheOriginBucket_nonPathTargetsAreRefused(EmulatorClients clients) throws Exception {
        String domain = domainWithPrivateOrigin(clients, "hostile");
        for (String target :
                new String[] {"/../../credentials.json", "/%2e%2e/%2e%2e/credentials.json", "/..%2f..%2fa.txt"}) {
            String response = wire(clients, "GET", target, domain);
            assertTrue(response.startsWith("HTTP/1.1 404 Not Found\r\n"), target + ": " + response);
            assertTrue(response.contains("<Code>NoSuchKey</Code>"), response);
            assertFalse(response.contains(clients.secret()), response);
        }
        String absolute = wire(clients, "GET", "http://" + domain + "/a.txt", domain);
        assertFalse(absolute.contains(CONTENT), absolute);
    }

    @Test
    void conditionalRequests_currentCopy304FromTheEdge_staleCopyGetsTheObject(EmulatorClients clients)
            throws Exception {
        String domain = domainWithPrivateOrigin(clients, "conditional");
        String first = wire(clients, "GET", "/a.txt", domain);
        String etag = header(first, "ETag");
        String current = wire(clients, "GET", "/a.txt", domain, "If-None-Match: " + etag);
        assertTrue(current.startsWith("HTTP/1.1 304 Not Modified\r\n"), current);
        assertTrue(current.endsWith("\r\n\r\n"), current);
        assertEquals(etag, header(current, "ETag"));
        assertEquals("HIT TCP_MEM_HIT dirn:-2:-2", header(current, "X-Cache"));
        String stale = wire(clients, "GET", "/a.txt", domain, "If-None-Match: \"0123\"");
        assertTrue(stale.startsWith("HTTP/1.1 200 OK\r\n") && stale.endsWith(CONTENT), stale);
        String since = wire(clients, "GET", "/a.txt", domain, "If-Modified-Since: " + header(first, "Last-Modified"));
        assertTrue(since.startsWith("HTTP/1.1 304 Not Modified\r\n"), since);
        String before = wire(clients, "GET", "/a.txt", domain, "If-Modified-Since: Thu, 01 Jan 2015 00:00:00 GMT");
        assertTrue(before.endsWith(CONTENT), before);
    }

    /** The bucket {@link #domainWithPrivateOrigin} created for {@code hint}. */
    private static String originOf(EmulatorClients clients, String hint) {
        return clients.v1().listBuckets().stream()
                .map(com.aliyun.oss.model.Bucket::getName)
                .filter(name -> name.startsWith(hint + "-"))
                .findFirst()
                .orElseThrow();
    }
}
