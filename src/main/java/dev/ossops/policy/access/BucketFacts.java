package dev.ossops.policy.access;

import dev.ossops.policy.PolicyDocument;

import java.util.Optional;

/** A bucket's access settings: canned ACL, bucket policy (empty = none), its own Block Public Access. */
public record BucketFacts(
        String name, Fact<String> acl, Fact<Optional<PolicyDocument>> policy, Fact<Boolean> blockPublicAccess) {}
