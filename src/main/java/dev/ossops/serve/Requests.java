package dev.ossops.serve;

import dev.ossops.upload.UploadException;
import dev.ossops.upload.UploadRules;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The checks every upload endpoint makes on what a caller announces, before any URL or credential is issued. */
final class Requests {
    static final int MAX_NAME_LENGTH = 1024;
    private static final Pattern CONTENT_TYPE =
            Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]{0,126}/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}");

    private Requests() {}

    /** {@code type/subtype} in lower case, with no parameters: exactly what the upload must send and OSS stores. */
    static String contentType(String value) {
        if (!CONTENT_TYPE.matcher(value).matches()) {
            throw ServeException.badRequest("content_type must be type/subtype in lower case, e.g. image/png");
        }
        return value;
    }

    /**
     * Seed 003 sent {@code user_id} in the body and trusted it. Here the API key decides; a body naming someone else
     * is refused rather than silently ignored, so a client built on the seed finds out.
     */
    static void requireCaller(JsonBody body, String principal) {
        body.text("user_id", 64).filter(id -> !id.equals(principal)).ifPresent(id -> {
            throw ServeException.forbidden(
                    "user_id does not match the caller: uploads go under the API key's principal '" + principal + "'");
        });
    }

    /** Refuses a type the profile does not allow or a size over its limit (400), with the uploader's own message. */
    static void check(UploadRules rules, String name, String contentType, long size) {
        try {
            rules.check(name, contentType, size);
        } catch (UploadException e) {
            throw ServeException.badRequest(String.valueOf(e.getMessage()));
        }
    }

    /** {@code https://<cdnDomain>/<key>}, each key segment percent-encoded. */
    static Optional<String> cdnUrl(Optional<String> cdnDomain, String key, Optional<String> process) {
        return cdnDomain.map(domain -> URI.create("https://" + domain + "/" + encodePath(key)
                        + process.map(p -> "?x-oss-process=" + p).orElse(""))
                .toString());
    }

    static String encodePath(String key) {
        return Arrays.stream(key.split("/", -1))
                .map(s -> URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20"))
                .collect(Collectors.joining("/"));
    }
}
