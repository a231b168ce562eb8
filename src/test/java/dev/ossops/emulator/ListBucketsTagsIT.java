package dev.ossops.emulator;

import com.aliyun.oss.OSS;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.Bucket;
import com.aliyun.oss.model.ListBucketsRequest;
import com.aliyun.oss.model.TagSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * ListBuckets filtered by bucket tags: {@code tag-key}/{@code tag-value} as the Java SDK
 * ({@code ListBucketsRequest.setTag}) and the Go SDK ({@code TagKey} alone) send them, and
 * {@code tagging} as ali-oss sends it, with each listed bucket's tags in the answer.
 */
@ExtendWith(EmulatorExtension.class)
class ListBucketsTagsIT {

    private static List<String> names(List<Bucket> buckets) {
        return buckets.stream().map(Bucket::getName).toList();
    }

    private static void tag(OSS oss, String bucket, Map<String, String> tags) {
        TagSet set = new TagSet();
        tags.forEach(set::setTag);
        oss.setBucketTagging(bucket, set);
    }

    /** Three buckets under {@code prefix}: -1 tagged a=1,b=2; -2 tagged a=9; -3 untagged. */
    private static void threeBuckets(OSS oss, String prefix) {
        for (int i = 1; i <= 3; i++) {
            oss.createBucket(prefix + "-" + i);
        }
        tag(oss, prefix + "-1", Map.of("a", "1", "b", "2"));
        tag(oss, prefix + "-2", Map.of("a", "9"));
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V4"})
    void listBuckets_sdkTagFilter_listsOnlyBucketsWithThatTag(SignVersion version, EmulatorClients clients) {
        OSS oss = clients.client(version);
        String prefix = "tags-sdk-" + version.name().toLowerCase();
        threeBuckets(oss, prefix);

        ListBucketsRequest request = new ListBucketsRequest(prefix, null, 100);
        request.setTag("a", "1");

        assertEquals(List.of(prefix + "-1"), names(oss.listBuckets(request).getBucketList()));
        request.setTag("a", "2");
        assertEquals(List.of(), names(oss.listBuckets(request).getBucketList()));
    }

    @Test
    void listBuckets_tagKeyAlone_listsBucketsHavingTheKey(EmulatorClients clients) {
        String prefix = "tags-key";
        threeBuckets(clients.v4(), prefix);

        RawRequests.Response response = RawRequests.send(
                clients, SignVersion.V1, "GET", null, null, Map.of("prefix", prefix, "tag-key", "a"), Map.of(), null);

        assertEquals(200, response.status(), response.body());
        assertEquals(List.of(prefix + "-1", prefix + "-2"), elements(response.body(), "Name"));
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V4"})
    void listBuckets_taggingFilter_listsMatchingBucketsWithTheirTags(SignVersion version, EmulatorClients clients) {
        String prefix = "tags-subres-" + version.name().toLowerCase();
        threeBuckets(clients.v4(), prefix);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("prefix", prefix);
        params.put("tagging", "\"a\":\"1\",\"b\":\"2\"");

        RawRequests.Response response = RawRequests.send(clients, version, "GET", null, null, params, Map.of(), null);

        assertEquals(200, response.status(), response.body());
        assertEquals(List.of(prefix + "-1"), elements(response.body(), "Name"));
        assertEquals(
                "<Tagging><TagSet><Tag><Key>a</Key><Value>1</Value></Tag><Tag><Key>b</Key><Value>2</Value></Tag>"
                        + "</TagSet></Tagging>",
                elements(response.body(), "Bucket").get(0).replaceAll(".*</StorageClass>", ""));
    }

    @Test
    void listBuckets_emptyTagging_listsEveryBucketWithItsTags(EmulatorClients clients) {
        String prefix = "tags-all";
        threeBuckets(clients.v4(), prefix);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("prefix", prefix);
        params.put("tagging", null);

        RawRequests.Response response =
                RawRequests.send(clients, SignVersion.V4, "GET", null, null, params, Map.of(), null);

        assertEquals(List.of(prefix + "-1", prefix + "-2", prefix + "-3"), elements(response.body(), "Name"));
        assertEquals(List.of("a", "b", "a"), elements(response.body(), "Key"));
        assertEquals(
                "<Tagging><TagSet></TagSet></Tagging>",
                elements(response.body(), "Bucket").get(2).replaceAll(".*</StorageClass>", ""));
    }

    @Test
    void listBuckets_withoutTagParameters_answersNoTags(EmulatorClients clients) {
        String prefix = "tags-none";
        threeBuckets(clients.v4(), prefix);

        RawRequests.Response response =
                RawRequests.send(clients, SignVersion.V4, "GET", null, null, Map.of("prefix", prefix), Map.of(), null);

        assertEquals(3, elements(response.body(), "Name").size());
        assertEquals(List.of(), elements(response.body(), "Tagging"));
    }

    @Test
    void listBuckets_malformedTagging_isInvalidArgument(EmulatorClients clients) {
        RawRequests.Response response =
                RawRequests.send(clients, SignVersion.V4, "GET", null, null, Map.of("tagging", "a=1"), Map.of(), null);

        assertEquals(400, response.status());
        assertEquals("InvalidArgument", response.element("Code"));
        assertEquals("tagging must be a list of \"key\":\"value\" pairs.", response.element("Message"));
    }

    private static List<String> elements(String xml, String name) {
        Matcher m = Pattern.compile("<" + name + ">(.*?)</" + name + ">", Pattern.DOTALL)
                .matcher(xml);
        List<String> found = new java.util.ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
