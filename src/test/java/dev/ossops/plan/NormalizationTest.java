package dev.ossops.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ossops.spec.model.LifecycleRule;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The normalisation table: unique ids, every rule explained, and the rules that are plain JSON functions. */
class NormalizationTest {

    private static JsonNode json(String text) {
        return Policies.tree(text);
    }

    @Test
    void values_everyRule_uniqueIdAndExplained() {
        List<String> ids =
                Arrays.stream(Normalization.values()).map(Normalization::id).toList();
        assertEquals(ids.size(), ids.stream().distinct().count());
        Arrays.stream(Normalization.values())
                .forEach(n -> assertTrue(!n.what().isBlank() && !n.why().isBlank(), n.id()));
    }

    @Test
    void apply_l2OssKey_keepsOnlyPrivateOssAuth() {
        assertEquals(
                json("{\"private_oss_auth\":\"on\"}"),
                Normalization.CDN_L2_OSS_KEY_ARGS.apply(
                        json(
                                "{\"perm_private_oss_tbl\":\"a:b\",\"private_oss_auth\":\"on\",\"private_oss_ram_unauthorized\":\"off\"}")));
        assertTrue(Normalization.CDN_L2_OSS_KEY_ARGS
                .apply(json("{\"private_oss_auth\":\"off\"}"))
                .isNull());
    }

    @Test
    void apply_replicationActions_allExpandsAndSorts() {
        assertEquals(
                json("{\"prefixes\":[\"a/\",\"b/\"],\"actions\":[\"ABORT\",\"DELETE\",\"PUT\"]}"),
                Normalization.REPLICATION_PREFIX_SET.apply(
                        json("{\"prefixes\":[\"b/\",\"a/\"],\"actions\":[\"ALL\"]}")));
    }

    @Test
    void apply_createDefaults_fillsOnlyMissing() {
        assertEquals(
                json("{\"storageClass\":\"IA\",\"redundancy\":\"LRS\"}"),
                Normalization.BUCKET_CREATE_DEFAULTS.apply(json("{\"storageClass\":\"IA\"}")));
    }

    @Test
    void apply_lifecycleDates_midnightToDay() {
        JsonNode rule = JsonValues.of(new LifecycleRule.Expiration(
                Optional.empty(), Optional.of("2026-01-01T00:00:00.000Z"), Optional.empty(), Optional.empty()));
        assertEquals(json("{\"createdBeforeDate\":\"2026-01-01\"}"), Normalization.LIFECYCLE_DATE_DAY.apply(rule));
    }

    @Test
    void apply_nullMeansAbsent_untouched() {
        assertTrue(
                Normalization.TAGS_KEY_ORDER.apply(JsonValues.JSON.nullNode()).isNull());
        assertEquals(
                json("{\"a\":\"1\",\"b\":\"2\"}").toString(),
                Normalization.TAGS_KEY_ORDER
                        .apply(JsonValues.of(new TreeMap<>(Map.of("b", "2", "a", "1")).descendingMap()))
                        .toString());
    }

    @Test
    void apply_emptyConfigurations_meanNotConfigured() {
        assertTrue(Normalization.LIFECYCLE_BY_ID.apply(json("[]")).isNull());
        assertTrue(Normalization.CORS_RULE_SET
                .apply(json("{\"rules\":[],\"responseVary\":false}"))
                .isNull());
        assertTrue(Normalization.TAGS_KEY_ORDER.apply(json("{}")).isNull());
    }
}
