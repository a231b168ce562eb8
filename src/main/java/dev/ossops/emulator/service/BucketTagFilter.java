package dev.ossops.emulator.service;

import dev.ossops.emulator.error.OssError;
import dev.ossops.emulator.error.OssException;
import org.jspecify.annotations.Nullable;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ListBuckets' tag filters, as the official SDKs send them: {@code tag-key} with an optional
 * {@code tag-value} (Java SDK {@code ListBucketsRequest.setTag}, Go SDK {@code TagKey}/{@code TagValue}:
 * buckets having that key, with that value when given) and {@code tagging} (ali-oss
 * {@code listBuckets({subres: {tagging}})}: {@code "k1":"v1","k2":"v2"}, buckets having every pair;
 * present without pairs it filters nothing). OSS's reference does not document either, so the
 * reading follows the SDKs' own integration tests.
 */
public record BucketTagFilter(
        Optional<String> key, Optional<String> value, Map<String, String> allOf, boolean withTags) {
    /** No filter; tags are not listed. */
    public static final BucketTagFilter NONE = new BucketTagFilter(Optional.empty(), Optional.empty(), Map.of(), false);

    private static final Pattern PAIR = Pattern.compile("\"([^\"]*)\":\"([^\"]*)\"");

    public BucketTagFilter {
        allOf = Map.copyOf(allOf);
    }

    /**
     * The filter for the request's parameters (null when absent, "" when given without a value).
     * {@code tagging} present also asks for each listed bucket's tags in the answer.
     */
    public static BucketTagFilter of(@Nullable String tagKey, @Nullable String tagValue, @Nullable String tagging) {
        if (tagValue != null && tagKey == null) {
            throw new OssException(OssError.INVALID_ARGUMENT, "tag-value requires tag-key.");
        }
        if (tagKey != null && tagKey.isEmpty()) {
            throw new OssException(OssError.INVALID_ARGUMENT, "tag-key must not be empty.");
        }
        return new BucketTagFilter(
                Optional.ofNullable(tagKey),
                Optional.ofNullable(tagValue),
                tagging == null ? Map.of() : pairs(tagging),
                tagging != null);
    }

    /** {@code "k1":"v1","k2":"v2"}; anything else is InvalidArgument. */
    private static Map<String, String> pairs(String tagging) {
        Map<String, String> pairs = new LinkedHashMap<>();
        if (tagging.isEmpty()) {
            return pairs;
        }
        Matcher m = PAIR.matcher(tagging);
        int at = 0;
        while (true) {
            if (!m.find(at) || m.start() != at) {
                throw invalidTagging(tagging);
            }
            pairs.put(m.group(1), m.group(2));
            at = m.end();
            if (at == tagging.length()) {
                return pairs;
            }
            if (tagging.charAt(at) != ',') {
                throw invalidTagging(tagging);
            }
            at++;
        }
    }

    private static OssException invalidTagging(String tagging) {
        return new OssException(
                OssError.INVALID_ARGUMENT,
                "tagging must be a list of \"key\":\"value\" pairs.",
                Map.of("ArgumentName", "tagging", "ArgumentValue", tagging));
    }

    /** Whether any tag condition is set (else every bucket matches without reading its tags). */
    public boolean filters() {
        return key.isPresent() || !allOf.isEmpty();
    }

    public boolean matches(Map<String, String> tags) {
        if (key.isPresent()) {
            String actual = tags.get(key.get());
            if (actual == null || (value.isPresent() && !value.get().equals(actual))) {
                return false;
            }
        }
        return allOf.entrySet().stream().allMatch(e -> e.getValue().equals(tags.get(e.getKey())));
    }
}
