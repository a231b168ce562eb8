package dev.ossops.plan;

import dev.ossops.policy.OssAction;
import dev.ossops.policy.PolicyParseException;
import dev.ossops.policy.PolicyParser;
import dev.ossops.policy.PolicyType;
import dev.ossops.policy.access.AccessPrincipal;
import dev.ossops.policy.access.AccessQuery;
import dev.ossops.spec.model.AccessAssertion;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A profile's access assertion as the checker reads it. Plan and audit share this so that an assertion means the same
 * before apply and against live state. Throws {@link IllegalArgumentException} with a message for people when the
 * assertion names what OSS does not have (an unknown action, object actions on a bucket).
 */
public final class AccessQueries {
    private AccessQueries() {}

    public static AccessQuery of(AccessAssertion a) {
        List<OssAction> actions = new ArrayList<>();
        for (String name : a.actions()) {
            actions.add(OssAction.of(name)
                    .orElseThrow(() -> new IllegalArgumentException(
                            name + " is not an OSS action ossops knows; see docs/plan-format.md for the list")));
        }
        boolean objects = actions.get(0).scope() == OssAction.Scope.OBJECT;
        if (actions.stream().anyMatch(x -> (x.scope() == OssAction.Scope.OBJECT) != objects)) {
            throw new IllegalArgumentException("mixes object and bucket actions; split it into one assertion for each");
        }
        if (objects && a.keyPattern().isEmpty()) {
            throw new IllegalArgumentException(
                    a.actions().get(0) + " acts on objects: name them as " + a.bucket() + "/<key pattern>");
        }
        if (!objects && a.keyPattern().isPresent()) {
            throw new IllegalArgumentException(
                    a.actions().get(0) + " acts on the bucket: name the bucket alone, " + a.bucket());
        }
        Map<String, Optional<String>> pinned = new LinkedHashMap<>();
        a.conditions().forEach((k, v) -> pinned.put(k, Optional.of(v)));
        return new AccessQuery(
                a.name(),
                principal(a.principal()),
                actions,
                a.bucket(),
                a.keyPattern(),
                a.viaCdnDomain(),
                pinned,
                a.signedUrl(),
                a.expectAllowed());
    }

    private static AccessPrincipal principal(AccessAssertion.Principal p) {
        if (p instanceof AccessAssertion.RamUser u) {
            return new AccessPrincipal.User(u.name());
        }
        if (p instanceof AccessAssertion.Role r) {
            try {
                return new AccessPrincipal.Role(
                        r.name(),
                        r.sessionPolicy().map(d -> PolicyParser.parse(Policies.json(d), PolicyType.SESSION)),
                        r.sessionName());
            } catch (PolicyParseException e) {
                throw new IllegalArgumentException("its session policy cannot be read: " + e.getMessage(), e);
            }
        }
        if (p instanceof AccessAssertion.Account acc) {
            return new AccessPrincipal.Account(acc.id());
        }
        return new AccessPrincipal.Anonymous();
    }
}
