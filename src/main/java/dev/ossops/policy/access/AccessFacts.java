package dev.ossops.policy.access;

import dev.ossops.policy.AttachedPolicy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What is known about one account for access questions. Names missing from a map are unknown, with
 * {@code missing} completing the sentence ("bucket media is " + missing), e.g. "not defined in this profile".
 * {@code objectAcls} answers an object's own ACL ({@code default} when it defers to the bucket's).
 * {@code userIds} are the UIDs of RAM users where known (bucket policies may name a user by UID).
 */
public record AccessFacts(
        Fact<String> account,
        Fact<Boolean> accountBlockPublicAccess,
        Map<String, BucketFacts> buckets,
        Map<String, Fact<List<AttachedPolicy>>> users,
        Map<String, Fact<List<AttachedPolicy>>> roles,
        Map<String, String> userIds,
        Map<String, EdgeFacts> cdnDomains,
        ObjectAcls objectAcls,
        String missing) {

    /** The ACL of one object as it stands, or why it is not known. */
    @FunctionalInterface
    public interface ObjectAcls {
        Fact<String> of(String bucket, String key);

        /** The keys of {@code bucket} whose own ACL is known (checked besides the keys the patterns suggest). */
        default List<String> knownKeys(String bucket) {
            return List.of();
        }

        /** ossops never manages object ACLs, so a plan cannot know them. */
        static ObjectAcls notManaged() {
            return (bucket, key) ->
                    Fact.unknown("object ACLs are not managed by ossops (an object may carry its own public ACL)");
        }
    }

    public AccessFacts {
        buckets = Map.copyOf(buckets);
        users = Map.copyOf(users);
        roles = Map.copyOf(roles);
        userIds = Map.copyOf(userIds);
        cdnDomains = Map.copyOf(cdnDomains);
    }

    Fact<BucketFacts> bucket(String name) {
        return Optional.ofNullable(buckets.get(name))
                .<Fact<BucketFacts>>map(Fact::known)
                .orElseGet(() -> Fact.unknown("bucket " + name + " is " + missing));
    }

    Fact<List<AttachedPolicy>> userPolicies(String name) {
        return Optional.ofNullable(users.get(name))
                .orElseGet(() -> Fact.unknown("RAM user " + name + " is " + missing));
    }

    Fact<List<AttachedPolicy>> rolePolicies(String name) {
        return Optional.ofNullable(roles.get(name))
                .orElseGet(() -> Fact.unknown("RAM role " + name + " is " + missing));
    }

    Fact<EdgeFacts> cdnDomain(String name) {
        return Optional.ofNullable(cdnDomains.get(name))
                .<Fact<EdgeFacts>>map(Fact::known)
                .orElseGet(() -> Fact.unknown("CDN domain " + name + " is " + missing));
    }
}
