package dev.ossops.serve;

import dev.ossops.upload.PostPolicy;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** What the coordinator asks of the uploader bucket, with the service's own credentials. */
public interface Storage {

    /** What HeadObject says about an uploaded object. */
    record StoredObject(long size, Optional<String> contentType) {}

    /** A presigned PUT of {@code key} that signs the content type and {@code x-oss-forbid-overwrite: true}. */
    URI presignPut(String key, String contentType, Instant expiration);

    /** A presigned GET, with an {@code x-oss-process} chain when given. */
    URI presignGet(String key, Instant expiration, Optional<String> process);

    /** HeadObject; empty when there is no such object. */
    Optional<StoredObject> head(String key);

    /** The signed fields of a PostObject form, with {@code pinned} fields matched exactly by the policy. */
    PostPolicy.PostForm postForm(PostPolicy.Request request, Map<String, String> pinned);

    /** Where a PostObject form is posted: the bucket's URL. */
    URI bucketUrl();

    /** The OSS endpoint clients with STS credentials send requests to. */
    URI endpoint();
}
