package dev.ossops.policy;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a bucket policy lets anonymous callers do to one bucket: the OSS actions granted, by
 * access level, and the statements that grant them. ACLs are not considered here.
 */
public record AnonymousAccess(Map<AccessLevel, List<String>> actions, List<StatementRef> statements) {
    public AnonymousAccess {
        actions = Map.copyOf(actions);
        statements = List.copyOf(statements);
    }

    public Set<AccessLevel> levels() {
        return actions.keySet();
    }

    public boolean isPublic() {
        return !actions.isEmpty();
    }

    public boolean can(AccessLevel level) {
        return actions.containsKey(level);
    }
}
