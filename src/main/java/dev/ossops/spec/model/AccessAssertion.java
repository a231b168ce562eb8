package dev.ossops.spec.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An intent about access, from the profile's {@code access:} section: {@code principal} may ({@code expectAllowed})
 * or may not perform each of {@code actions} on {@code bucket} (bucket actions, {@code keyPattern} empty) or on every
 * key matching {@code keyPattern} ({@code *} and {@code ?} wildcards), directly or through the CDN domain
 * {@code viaCdnDomain}. {@code conditions} pin request values (acs:SourceIp...); every key left out ranges over all
 * values. {@code signedUrl} pins whether a request through the CDN carries a valid URL-authentication signature.
 */
public record AccessAssertion(
        String name,
        Principal principal,
        List<String> actions,
        String bucket,
        Optional<String> keyPattern,
        Optional<String> viaCdnDomain,
        Map<String, String> conditions,
        Optional<Boolean> signedUrl,
        boolean expectAllowed) {

    public AccessAssertion {
        actions = List.copyOf(actions);
        conditions = Profile.ordered(conditions);
    }

    /** Who the assertion is about. */
    public sealed interface Principal {}

    /** Any unsigned request. */
    public record Anonymous() implements Principal {}

    public record RamUser(String name) implements Principal {}

    /** A session of a role, narrowed by the session policy AssumeRole is given; {@code sessionName} empty = any. */
    public record Role(String name, Optional<PolicySpec> sessionPolicy, Optional<String> sessionName)
            implements Principal {}

    /** An account's root identity: {@code id} empty = the profile's own account. */
    public record Account(Optional<String> id) implements Principal {}
}
