package dev.ossops.policy.access;

import java.util.Optional;

/**
 * A CDN domain as a way in: whether it serves (added and online), the OSS bucket it fetches from (empty when its
 * origin is not an OSS bucket), whether back-to-origin requests are signed for a private bucket
 * ({@code l2_oss_key}), its Referer rule (empty = none) and whether URL authentication ({@code aliauth}) is on.
 */
public record EdgeFacts(
        String domain,
        Fact<Boolean> serving,
        Fact<Optional<String>> originBucket,
        Fact<Boolean> privateOssAuth,
        Fact<Optional<RefererRule>> referer,
        Fact<Boolean> urlAuth) {}
