package dev.ossops.upload;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ossops.policy.OssApi;

import java.util.ArrayList;
import java.util.List;

/**
 * The least-privilege RAM policy for the uploader ({@code ossops policy minimal --for uploader},
 * and the profile's {@code generate: uploader}): only the actions the uploader's OSS operations
 * need ({@link OssApi#actions}), only on {@code bucket/prefix/*}. Per the OSS API-to-action table,
 * InitiateMultipartUpload, UploadPart and CompleteMultipartUpload need {@code oss:PutObject};
 * resuming needs {@code oss:ListParts}, giving up {@code oss:AbortMultipartUpload}; HeadObject
 * ({@code --skip-existing}) and GetObject (the presigned URL printed per file) need {@code oss:GetObject}.
 * <p>ListMultipartUploads ({@code oss:ListMultipartUploads}, a bucket-level action) finds the uploads
 * started by InitiateMultipartUpload attempts whose answers were lost, so they can be aborted. OSS
 * documents the {@code oss:Prefix} condition key for the object listings (ListObjects, ListObjectVersions)
 * and not for ListMultipartUploads, so a condition there could deny the listing on OSS itself: the
 * statement names the bucket without one. What it adds is reading the keys and upload ids of
 * uploads in progress anywhere in the bucket; aborting stays confined to the prefix.
 */
public final class MinimalPolicy {
    private MinimalPolicy() {}

    /** Which uploader features the policy must serve. */
    public record Needs(boolean multipart, boolean presignedGet, boolean skipExisting) {
        /** Everything {@code ossops upload} can do. */
        public static Needs all() {
            return new Needs(true, true, true);
        }
    }

    /** The OSS operations the uploader performs with {@code needs}. */
    public static List<OssApi> operations(Needs needs) {
        List<OssApi> ops = new ArrayList<>(List.of(OssApi.PUT_OBJECT));
        if (needs.multipart()) {
            ops.addAll(List.of(
                    OssApi.INITIATE_MULTIPART_UPLOAD,
                    OssApi.UPLOAD_PART,
                    OssApi.COMPLETE_MULTIPART_UPLOAD,
                    OssApi.LIST_PARTS,
                    OssApi.ABORT_MULTIPART_UPLOAD,
                    OssApi.LIST_MULTIPART_UPLOADS));
        }
        if (needs.presignedGet()) {
            ops.add(OssApi.GET_OBJECT);
        }
        if (needs.skipExisting()) {
            ops.add(OssApi.HEAD_OBJECT);
        }
        return List.copyOf(ops);
    }

    /**
     * The policy document, pretty-printed JSON, one statement per purpose so each can be read (and audited) alone, in
     * this order: upload objects; resume and abort multipart uploads; find the uploads whose InitiateMultipartUpload
     * answer was lost; read uploaded objects. The grammar has no Sid to name them ({@link dev.ossops.shared.PolicyGrammar}).
     */
    public static String forUploader(String bucket, String prefix, Needs needs) {
        String resource = SessionPolicies.prefixResource(bucket, prefix);
        List<ObjectNode> statements = new ArrayList<>();
        statements.add(SessionPolicies.statement(List.of("oss:PutObject"), resource));
        if (needs.multipart()) {
            statements.add(SessionPolicies.statement(List.of("oss:ListParts", "oss:AbortMultipartUpload"), resource));
            statements.add(SessionPolicies.statement(
                    List.of("oss:ListMultipartUploads"), SessionPolicies.bucketResource(bucket)));
        }
        if (needs.presignedGet() || needs.skipExisting()) {
            statements.add(SessionPolicies.statement(List.of("oss:GetObject"), resource));
        }
        return SessionPolicies.write(SessionPolicies.policy(statements), true);
    }
}
