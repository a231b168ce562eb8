package dev.ossops.policy;

import java.util.Optional;

/** Resource ARNs: {@code acs:<service>:<region>:<account>:<relative-id>}. */
final class Arns {
    private Arns() {}

    /**
     * Whether a Resource pattern matches a request's resource ARN. Segments match separately, so a
     * {@code *} in the account never swallows the bucket name. A request region of {@code *} (the
     * form OSS requests take here: bucket names are global) matches any region in the pattern.
     * Resources are case-sensitive (RAM "Policy elements"). Patterns of fewer than five segments
     * ({@code *}, {@code acs:oss:*}) match the whole ARN as one glob.
     */
    static boolean matches(String pattern, String resource) {
        String[] p = pattern.split(":", 5);
        String[] r = resource.split(":", 5);
        if (p.length < 5 || r.length < 5) {
            return Wildcards.matches(pattern, resource, false);
        }
        return Wildcards.matches(p[0], r[0], false)
                && Wildcards.matches(p[1], r[1], false)
                && (r[2].equals("*") || Wildcards.matches(p[2], r[2], false))
                && Wildcards.matches(p[3], r[3], false)
                && Wildcards.matches(p[4], r[4], false);
    }

    /** The account segment of a resource ARN, empty when it is absent or a wildcard. */
    static Optional<String> account(String resource) {
        String[] r = resource.split(":", 5);
        if (r.length < 5 || r[3].isEmpty() || r[3].contains("*")) {
            return Optional.empty();
        }
        return Optional.of(r[3]);
    }

    /** The relative id (bucket, bucket/key) of a five-segment pattern, or empty. */
    static Optional<String[]> segments(String pattern) {
        String[] p = pattern.split(":", 5);
        return p.length == 5 ? Optional.of(p) : Optional.empty();
    }
}
