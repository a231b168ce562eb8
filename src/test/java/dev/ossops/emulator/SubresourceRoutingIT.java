package dev.ossops.emulator;

import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.AccessMonitor;
import com.aliyun.oss.model.CreateLiveChannelRequest;
import com.aliyun.oss.model.GetObjectRequest;
import com.aliyun.oss.model.ListLiveChannelsRequest;
import com.aliyun.oss.model.ListMultipartUploadsRequest;
import com.aliyun.oss.model.ListObjectsRequest;
import com.aliyun.oss.model.ResponseHeaderOverrides;
import dev.ossops.emulator.fault.RequestStats;
import dev.ossops.emulator.http.RouteTable;
import dev.ossops.emulator.http.RouteTable.Target;
import dev.ossops.emulator.service.BucketConfigRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Never misroute: every OSS sub-resource, with every method, on the endpoint, a bucket and an
 * object, is either served by the API the route table names for it or answered 501 NotImplemented;
 * and the request counters name the API the request was actually routed to.
 */
@ExtendWith(EmulatorExtension.class)
class SubresourceRoutingIT {
    private static final List<String> METHODS = List.of("GET", "HEAD", "PUT", "POST", "DELETE");
    private static final byte[] CONTENT = "routed nowhere else".getBytes(StandardCharsets.UTF_8);
    private static final String NOT_IMPLEMENTED = "NotImplemented";
    private static final String NOT_ALLOWED = "MethodNotAllowed";

    @Test
    void everySubresource_everyMethod_isServedByItsApiOrNotImplemented(EmulatorClients clients) throws Exception {
        OSS oss = clients.v4();
        String bucket = clients.bucketName("walk");
        oss.createBucket(bucket);
        oss.putObject(bucket, "kept.txt", new ByteArrayInputStream(CONTENT));
        RouteTable table = new RouteTable(BucketConfigRegistry.defaults());
        List<String> failures = new ArrayList<>();
        int served = 0;
        int refused = 0;
        for (Target target : Target.values()) {
            for (String sub : new TreeSet<>(RouteTable.subresources(target))) {
                for (String method : METHODS) {
                    String expected = table.outcome(target, sub, method);
                    String seen = send(clients, target, bucket, sub, method, failures);
                    if (!expected.equals(seen)) {
                        failures.add(method + " " + target + " ?" + sub + ": expected " + expected + ", got " + seen);
                    }
                    if (expected.equals(NOT_IMPLEMENTED)) {
                        refused++;
                    } else if (!expected.equals(NOT_ALLOWED)) {
                        served++;
                    }
                }
            }
        }
        assertEquals(List.of(), failures);
        assertTrue(served > 40 && refused > 300, "served " + served + ", refused " + refused);
        // Nothing was written in the object's place and no other object appeared.
        assertArrayEquals(CONTENT, ObjectApiIT.read(oss.getObject(bucket, "kept.txt")));
        assertEquals(
                List.of("kept.txt"),
                oss.listObjects(bucket).getObjectSummaries().stream()
                        .map(s -> s.getKey())
                        .toList());
    }

    /**
     * Sends one signed request with {@code ?sub} and returns the API the counters recorded for
     * it, checking that a refusal is OSS's NotImplemented error.
     */
    private static String send(
            EmulatorClients clients, Target target, String bucket, String sub, String method, List<String> failures) {
        RequestStats stats = clients.emulator().stats();
        stats.reset();
        Map<String, String> params = new LinkedHashMap<>();
        params.put(sub, null);
        String b = target == Target.SERVICE ? null : bucket;
        String key = target == Target.OBJECT ? "kept.txt" : null;
        RawRequests.Response response = RawRequests.send(
                clients,
                SignVersion.V4,
                method,
                b,
                key,
                params,
                Map.of(),
                method.equals("PUT") || method.equals("POST") ? new byte[0] : null);
        Map<String, Long> counted = stats.snapshot().requests();
        if (counted.size() != 1) {
            failures.add(method + " " + target + " ?" + sub + ": counted " + counted);
            return "?";
        }
        String api = counted.keySet().iterator().next();
        String code = errorCode(response, method);
        if (response.status() == 501 || response.status() == 405) {
            if (!api.equals(code) || response.status() != (code.equals(NOT_IMPLEMENTED) ? 501 : 405)) {
                failures.add(method + " " + target + " ?" + sub + ": " + response.status() + " " + code + " counted as "
                        + api);
            }
        } else if (api.equals(NOT_IMPLEMENTED) || api.equals(NOT_ALLOWED)) {
            failures.add(
                    method + " " + target + " ?" + sub + ": counted " + api + " but answered " + response.status());
        }
        return api;
    }

    /** The error code of an answer; HEAD answers carry the error document base64-encoded in x-oss-err. */
    private static String errorCode(RawRequests.Response response, String method) {
        if (!method.equals("HEAD")) {
            return String.valueOf(response.element("Code"));
        }
        String encoded = response.header("x-oss-err");
        return encoded == null
                ? "null"
                : String.valueOf(new RawRequests.Response(
                                response.status(),
                                Map.of(),
                                new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8))
                        .element("Code"));
    }

    @Test
    void listLiveChannels_throughTheSdk_isNotImplementedInsteadOfAListing(EmulatorClients clients) {
        OSS oss = clients.v4();
        String bucket = clients.bucketName("live");
        oss.createBucket(bucket);
        OSSException e =
                assertThrows(OSSException.class, () -> oss.listLiveChannels(new ListLiveChannelsRequest(bucket)));
        assertEquals(NOT_IMPLEMENTED, e.getErrorCode());
        assertEquals("The emulator does not implement the bucket sub-resource ?live.", e.getErrorMessage());
    }

    @Test
    void createLiveChannel_throughTheSdk_isNotImplementedAndStoresNoObject(EmulatorClients clients) {
        OSS oss = clients.v4();
        String bucket = clients.bucketName("live-put");
        oss.createBucket(bucket);
        OSSException e = assertThrows(
                OSSException.class,
                () -> oss.createLiveChannel(new CreateLiveChannelRequest(bucket, "channel-1", "a channel")));
        assertEquals(NOT_IMPLEMENTED, e.getErrorCode());
        assertFalse(oss.doesObjectExist(bucket, "channel-1"));
    }

    @Test
    void putBucketAccessMonitor_throughTheSdk_isServedAndLeavesTheBucket(EmulatorClients clients) {
        OSS oss = clients.v4();
        String bucket = clients.bucketName("monitor");
        oss.createBucket(bucket);
        oss.putObject(bucket, "a.txt", new ByteArrayInputStream(CONTENT));
        oss.putBucketAccessMonitor(bucket, AccessMonitor.AccessMonitorStatus.Enabled.toString());
        assertEquals("Enabled", oss.getBucketAccessMonitor(bucket).getStatus());
        assertTrue(oss.doesObjectExist(bucket, "a.txt"));
    }

    @Test
    void stats_listingOptions_nameTheListingApis(EmulatorClients clients) throws Exception {
        OSS oss = clients.v4();
        String bucket = clients.bucketName("names");
        oss.createBucket(bucket);
        oss.putObject(bucket, "a.txt", new ByteArrayInputStream(CONTENT));
        RequestStats stats = clients.emulator().stats();
        stats.reset();
        ListMultipartUploadsRequest uploads = new ListMultipartUploadsRequest(bucket);
        uploads.setMaxUploads(10);
        uploads.setPrefix("a");
        oss.listMultipartUploads(uploads);
        oss.listObjects(new ListObjectsRequest(bucket, "a", "a", "/", 5));
        GetObjectRequest get = new GetObjectRequest(bucket, "a.txt");
        ResponseHeaderOverrides overrides = new ResponseHeaderOverrides();
        overrides.setContentType("text/plain");
        get.setResponseHeaders(overrides);
        oss.getObject(get).forcedClose();
        Map<String, Long> expected =
                new HashMap<>(Map.of("ListMultipartUploads", 1L, "ListObjects", 1L, "GetObject", 1L));
        assertEquals(expected, stats.snapshot().requests());
    }
}
