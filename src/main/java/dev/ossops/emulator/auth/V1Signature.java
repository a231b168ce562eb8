package dev.ossops.emulator.auth;

import dev.ossops.common.Digests;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * OSS signature version 1: HMAC-SHA1 over VERB, Content-MD5, Content-Type, Date (or Expires for
 * presigned URLs), the sorted {@code x-oss-*} headers and the canonicalized resource with the
 * signed sub-resources (checked against the SDK's {@code SignParameters.SIGNED_PARAMTERS}).
 */
public final class V1Signature {
    /** Query parameters that take part in the canonicalized resource, as the SDK and OSS list them. */
    public static final Set<String> SIGNED_SUBRESOURCES = Set.copyOf(List.of(
            "acl",
            "uploads",
            "location",
            "cors",
            "logging",
            "website",
            "referer",
            "lifecycle",
            "delete",
            "append",
            "tagging",
            "objectMeta",
            "uploadId",
            "partNumber",
            "security-token",
            "position",
            "response-cache-control",
            "response-content-disposition",
            "response-content-encoding",
            "response-content-language",
            "response-content-type",
            "response-expires",
            "img",
            "style",
            "styleName",
            "replication",
            "replicationProgress",
            "replicationLocation",
            "cname",
            "bucketInfo",
            "comp",
            "qos",
            "live",
            "status",
            "vod",
            "startTime",
            "endTime",
            "x-oss-process",
            "processConfiguration",
            "symlink",
            "stat",
            "udf",
            "udfName",
            "udfImage",
            "udfImageDesc",
            "udfApplication",
            "udfApplicationLog",
            "restore",
            "versions",
            "versioning",
            "versionId",
            "encryption",
            "policy",
            "requestPayment",
            "x-oss-traffic-limit",
            "qosInfo",
            "asyncFetch",
            "sequential",
            "x-oss-request-payer",
            "vpcip",
            "vip",
            "inventory",
            "inventoryId",
            "continuation-token",
            "worm",
            "wormId",
            "wormExtend",
            "callback",
            "callback-var",
            "x-oss-dir",
            "x-oss-rename",
            "x-oss-delete",
            "transferAcceleration",
            "x-oss-ac-source-ip",
            "x-oss-ac-subnet-mask",
            "x-oss-ac-vpc-id",
            "x-oss-ac-forward-allow",
            "metaQuery",
            "resourceGroup",
            "regionList",
            "x-oss-async-process",
            "x-oss-write-get-object-response",
            "bucketArchiveDirectRead",
            "httpsConfig",
            "publicAccessBlock",
            "policyStatus",
            "redundancyTransition",
            "x-oss-target-redundancy-type",
            "x-oss-redundancy-transition-taskid",
            "accessPoint",
            "accessPointPolicy",
            "seal"));

    private V1Signature() {}

    /** The string to sign; {@code dateOrExpires} is the Date header, or Expires for a presigned URL. */
    public static String stringToSign(SignableRequest request, String dateOrExpires) {
        StringBuilder out = new StringBuilder();
        out.append(request.method()).append('\n');
        out.append(request.header("content-md5").map(String::trim).orElse("")).append('\n');
        out.append(request.header("content-type").map(String::trim).orElse("")).append('\n');
        out.append(dateOrExpires).append('\n');
        TreeMap<String, String> ossHeaders = new TreeMap<>();
        for (Map.Entry<String, String> h : request.headers().entrySet()) {
            if (h.getKey().startsWith("x-oss-")) {
                ossHeaders.put(h.getKey(), h.getValue().trim());
            }
        }
        ossHeaders.forEach((k, v) -> out.append(k).append(':').append(v).append('\n'));
        out.append(canonicalizedResource(request));
        return out.toString();
    }

    static String canonicalizedResource(SignableRequest request) {
        TreeMap<String, String> signed = new TreeMap<>();
        for (Map.Entry<String, String> p : request.query()) {
            if (SIGNED_SUBRESOURCES.contains(p.getKey())) {
                signed.put(p.getKey(), p.getValue());
            }
        }
        StringBuilder out = new StringBuilder(request.resourcePath());
        char separator = '?';
        for (Map.Entry<String, String> p : signed.entrySet()) {
            out.append(separator).append(p.getKey());
            // A sub-resource without a value is signed bare: ?acl and ?acl= both sign as "acl" (ali-oss sends the
            // latter).
            if (p.getValue() != null && !p.getValue().isEmpty()) {
                out.append('=').append(p.getValue());
            }
            separator = '&';
        }
        return out.toString();
    }

    public static String sign(String secret, String stringToSign) {
        byte[] mac = Digests.hmac(Digests.HMAC_SHA1, secret.getBytes(StandardCharsets.UTF_8), stringToSign);
        return Base64.getEncoder().encodeToString(mac);
    }
}
