package dev.ossops.emulator;

import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.ListObjectsRequest;
import com.aliyun.oss.model.ListObjectsV2Request;
import com.aliyun.oss.model.ListObjectsV2Result;
import com.aliyun.oss.model.OSSObjectSummary;
import com.aliyun.oss.model.ObjectListing;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayInputStream;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ListObjects and ListObjectsV2 through the SDK, signed with V1 and with V4. */
@ExtendWith(EmulatorExtension.class)
class ListingApiIT {
    private static final List<String> KEYS =
            List.of("a.txt", "dir/b.txt", "dir/c d.txt", "dir/sub/e.txt", "f.txt", "g/h.txt");

    private static String bucketWithKeys(OSS oss, EmulatorClients clients, String hint) {
        String b = clients.bucketName(hint);
        oss.createBucket(b);
        for (String k : KEYS) {
            oss.putObject(b, k, new ByteArrayInputStream(k.getBytes()));
        }
        return b;
    }

    private static List<String> keys(List<OSSObjectSummary> summaries) {
        return summaries.stream().map(OSSObjectSummary::getKey).toList();
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V2", "V4"})
    void listObjects_delimiter_rollsUpCommonPrefixes(SignVersion version, EmulatorClients clients) {
        OSS oss = clients.client(version);
        String b = bucketWithKeys(oss, clients, "delim-" + version);
        ObjectListing top = oss.listObjects(new ListObjectsRequest(b, null, null, "/", 100));
        assertEquals(List.of("a.txt", "f.txt"), keys(top.getObjectSummaries()));
        assertEquals(List.of("dir/", "g/"), top.getCommonPrefixes());
        ObjectListing dir = oss.listObjects(new ListObjectsRequest(b, "dir/", null, "/", 100));
        assertEquals(List.of("dir/b.txt", "dir/c d.txt"), keys(dir.getObjectSummaries()));
        assertEquals(List.of("dir/sub/"), dir.getCommonPrefixes());
        assertFalse(dir.isTruncated());
        OSSObjectSummary summary = top.getObjectSummaries().get(0);
        assertEquals(5, summary.getSize());
        assertEquals("Standard", summary.getStorageClass());
        assertEquals("Normal", summary.getType());
        assertEquals(clients.emulator().config().accountId(), summary.getOwner().getId());
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V2", "V4"})
    void listObjects_markerAndMaxKeys_pageThroughEverything(SignVersion version, EmulatorClients clients) {
        OSS oss = clients.client(version);
        String b = bucketWithKeys(oss, clients, "pages-" + version);
        ObjectListing first = oss.listObjects(new ListObjectsRequest(b, null, null, null, 4));
        assertEquals(KEYS.subList(0, 4), keys(first.getObjectSummaries()));
        assertTrue(first.isTruncated());
        assertEquals("dir/sub/e.txt", first.getNextMarker());
        ObjectListing second = oss.listObjects(new ListObjectsRequest(b, null, first.getNextMarker(), null, 4));
        assertEquals(KEYS.subList(4, 6), keys(second.getObjectSummaries()));
        assertFalse(second.isTruncated());
        assertNull(second.getNextMarker());
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V2", "V4"})
    void listObjects_prefixesCountAgainstMaxKeys(SignVersion version, EmulatorClients clients) {
        OSS oss = clients.client(version);
        String b = bucketWithKeys(oss, clients, "mixed-" + version);
        ObjectListing first = oss.listObjects(new ListObjectsRequest(b, null, null, "/", 2));
        assertEquals(List.of("a.txt"), keys(first.getObjectSummaries()));
        assertEquals(List.of("dir/"), first.getCommonPrefixes());
        assertEquals("dir/", first.getNextMarker());
        ObjectListing second = oss.listObjects(new ListObjectsRequest(b, null, first.getNextMarker(), "/", 2));
        assertEquals(List.of("f.txt"), keys(second.getObjectSummaries()));
        assertEquals(List.of("g/"), second.getCommonPrefixes());
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V2", "V4"})
    void listObjects_urlEncoding_roundTripsOddKeys(SignVersion version, EmulatorClients clients) {
        OSS oss = clients.client(version);
        String b = clients.bucketName("enc-" + version);
        oss.createBucket(b);
        List<String> odd = List.of("sp ace", "ünï/cødé", "plus+amp&", "ctl\u0001char");
        for (String k : odd) {
            oss.putObject(b, k, new ByteArrayInputStream(new byte[1]));
        }
        ListObjectsRequest request = new ListObjectsRequest(b);
        request.setEncodingType("url");
        // The Java SDK hands ListObjects keys over still encoded; callers decode them.
        List<String> encoded = keys(oss.listObjects(request).getObjectSummaries());
        assertEquals(List.of("ctl%01char", "plus%2Bamp%26", "sp%20ace", "%C3%BCn%C3%AF%2Fc%C3%B8d%C3%A9"), encoded);
        assertEquals(
                List.of("ctl\u0001char", "plus+amp&", "sp ace", "ünï/cødé"),
                encoded.stream()
                        .map(k -> java.net.URLDecoder.decode(k, java.nio.charset.StandardCharsets.UTF_8))
                        .toList());
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V2", "V4"})
    void listObjects_badMaxKeys_isInvalidArgument(SignVersion version, EmulatorClients clients) {
        OSS oss = clients.client(version);
        String b = bucketWithKeys(oss, clients, "badmax-" + version);
        RawRequests.Response response = RawRequests.send(
                clients, version, "GET", b, null, java.util.Map.of("max-keys", "1001"), java.util.Map.of(), null);
        assertEquals(400, response.status());
        assertEquals("InvalidArgument", response.element("Code"));
        assertEquals("max-keys", response.element("ArgumentName"));
        OSSException missing = assertThrows(OSSException.class, () -> oss.listObjects("no-such-bucket-list"));
        assertEquals("NoSuchBucket", missing.getErrorCode());
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V2", "V4"})
    void listObjectsV2_continuationStartAfterAndFetchOwner(SignVersion version, EmulatorClients clients) {
        OSS oss = clients.client(version);
        String b = bucketWithKeys(oss, clients, "v2-" + version);
        ListObjectsV2Request request = new ListObjectsV2Request(b);
        request.setMaxKeys(3);
        ListObjectsV2Result first = oss.listObjectsV2(request);
        assertEquals(KEYS.subList(0, 3), keys(first.getObjectSummaries()));
        assertEquals(3, first.getKeyCount());
        assertTrue(first.isTruncated());
        assertNull(first.getObjectSummaries().get(0).getOwner());

        ListObjectsV2Request next = new ListObjectsV2Request(b);
        next.setMaxKeys(3);
        next.setContinuationToken(first.getNextContinuationToken());
        next.setFetchOwner(true);
        ListObjectsV2Result second = oss.listObjectsV2(next);
        assertEquals(KEYS.subList(3, 6), keys(second.getObjectSummaries()));
        assertFalse(second.isTruncated());
        assertEquals(
                clients.emulator().config().accountId(),
                second.getObjectSummaries().get(0).getOwner().getId());

        ListObjectsV2Request after = new ListObjectsV2Request(b);
        after.setStartAfter("dir/sub/e.txt");
        after.setDelimiter("/");
        ListObjectsV2Result rest = oss.listObjectsV2(after);
        assertEquals(List.of("f.txt"), keys(rest.getObjectSummaries()));
        assertEquals(List.of("g/"), rest.getCommonPrefixes());
        assertEquals(2, rest.getKeyCount());
    }
}
