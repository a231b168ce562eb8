package dev.ossops.emulator.cdn;

import dev.ossops.policy.access.RefererRule;

import java.util.Optional;

/**
 * An online accelerated domain as its edge serves it: the account it belongs to, the emulator bucket its
 * {@code oss} origin names (empty when the origin is a host or an IP the emulator cannot reach), whether
 * back-to-origin requests are signed ({@code l2_oss_key} with {@code private_oss_auth=on}), the Referer
 * rule, URL authentication and TTL rules in force, and {@code refreshMark}: the id the account's next
 * refresh task will get, so a response cached now is stale once a task from that id on covers it.
 */
public record EdgeDomain(
        String accountId,
        String domainName,
        Optional<String> originBucket,
        boolean privateOssAuth,
        Optional<RefererRule> referer,
        Optional<UrlAuth> urlAuth,
        CacheTtl ttl,
        long refreshMark) {}
