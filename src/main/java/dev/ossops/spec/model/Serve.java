package dev.ossops.spec.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How {@code ossops serve} coordinates browser and app uploads. Keys never appear here: each principal names the
 * environment variable its API key is read from, or {@code apiKeysFile} holds SHA-256 hashes of keys.
 *
 * @param apiKeyVariables          principal to the environment variable holding its key
 * @param apiKeysFile              a file of {@code <principal> sha256:<hex>} lines, resolved against the profile
 * @param allowedOrigins           front-end origins answered with CORS headers ({@code scheme://host[:port]})
 * @param keyPrefix                objects land under {@code <keyPrefix>/<principal>/}
 * @param presignExpiresSeconds    lifetime of presigned PUT URLs and PostObject forms
 * @param publicUrlExpiresSeconds  lifetime of the signed GET URL {@code complete} returns without a CDN domain
 * @param cdnDomain                public URLs use {@code https://<cdnDomain>/<key>} instead of a signed bucket URL
 * @param requestsPerMinute        per API key, after which requests answer 429
 * @param stsRole                  role (name in the caller's account, or ARN) the STS endpoints assume
 * @param stsDurationSeconds       lifetime of the temporary credentials
 */
public record Serve(
        Map<String, String> apiKeyVariables,
        Optional<Path> apiKeysFile,
        List<String> allowedOrigins,
        String keyPrefix,
        long presignExpiresSeconds,
        long publicUrlExpiresSeconds,
        Optional<String> cdnDomain,
        int requestsPerMinute,
        Optional<String> stsRole,
        long stsDurationSeconds) {

    public static final String DEFAULT_KEY_PREFIX = "uploads";
    public static final long DEFAULT_PRESIGN_EXPIRES_SECONDS = 600;
    public static final long DEFAULT_PUBLIC_URL_EXPIRES_SECONDS = 3600;
    public static final int DEFAULT_REQUESTS_PER_MINUTE = 60;
    public static final long DEFAULT_STS_DURATION_SECONDS = 900;

    public Serve {
        apiKeyVariables = Profile.ordered(apiKeyVariables);
        allowedOrigins = List.copyOf(allowedOrigins);
    }
}
