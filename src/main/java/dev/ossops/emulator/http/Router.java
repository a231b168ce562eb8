package dev.ossops.emulator.http;

import dev.ossops.emulator.auth.Caller;
import dev.ossops.emulator.error.OssError;
import dev.ossops.emulator.error.OssException;
import dev.ossops.emulator.service.BucketConfigRegistry;

import java.util.Map;

/**
 * Maps method, bucket/key and sub-resource to one route. Routes translate HTTP to a service call
 * and render the result; they never catch.
 */
public final class Router {
    private final ServiceRoutes service;
    private final AccountRoutes account;
    private final BucketRoutes buckets;
    private final ObjectRoutes objects;
    private final MultipartRoutes multipart;
    private final BucketConfigRegistry registry;
    private final CorsRoutes cors;
    private final ReplicationRoutes replication;
    private final PostObjectRoutes post;
    private final LoggingRoutes logging;

    public Router(ServiceRoutes service, AccountRoutes account, BucketRoutes buckets, ObjectRoutes objects, MultipartRoutes multipart,
                  BucketConfigRegistry registry, CorsRoutes cors, ReplicationRoutes replication, PostObjectRoutes post,
                  LoggingRoutes logging) {
        this.post = post;
        this.logging = logging;
        this.cors = cors;
        this.replication = replication;
        this.service = service;
        this.account = account;
        this.buckets = buckets;
        this.objects = objects;
        this.multipart = multipart;
        this.registry = registry;
    }

    Reply route(OssRequest r, Caller caller) {
        if (r.method().equals("OPTIONS") && r.bucket() != null) {
            return cors.preflight(r);
        }
        Map<String, String> corsHeaders = cors.actual(r);
        try {
            Reply reply = dispatch(r, caller);
            corsHeaders.forEach(reply::header);
            return reply;
        } catch (OssException e) {
            // OSS adds the matching rule's headers to error responses too, so browsers can read the error.
            OssException decorated = e;
            for (Map.Entry<String, String> h : corsHeaders.entrySet()) {
                decorated = decorated.withHeader(h.getKey(), h.getValue());
            }
            throw decorated;
        }
    }

    private Reply dispatch(OssRequest r, Caller caller) {
        if (r.bucket() == null) {
            return service(r, caller);
        }
        return r.key() == null ? bucket(r, caller) : object(r, caller);
    }

    /** Requests on the endpoint itself: ListBuckets and the account-level settings. */
    private Reply service(OssRequest r, Caller caller) {
        if (r.hasQueryParameter("publicAccessBlock")) {
            return switch (r.method()) {
                case "GET" -> account.getPublicAccessBlock(caller);
                case "PUT" -> account.putPublicAccessBlock(r, caller);
                case "DELETE" -> account.deletePublicAccessBlock(caller);
                default -> throw notAllowed();
            };
        }
        if (r.method().equals("GET")) {
            return service.listBuckets(r, caller);
        }
        throw notAllowed();
    }

    private Reply bucket(OssRequest r, Caller caller) {
        String config = configSubresource(r);
        switch (r.method()) {
            case "GET", "HEAD" -> {
                if (r.hasQueryParameter("replicationLocation")) {
                    return replication.location(r, caller);
                }
                if (r.hasQueryParameter("replicationProgress")) {
                    return replication.progress(r, caller);
                }
                if (r.hasQueryParameter("replication")) {
                    return replication.get(r, caller);
                }
                if (config != null) {
                    return buckets.getConfig(r, caller, config);
                }
                if (r.hasQueryParameter("acl")) {
                    return buckets.getAcl(r, caller);
                }
                if (r.hasQueryParameter("location")) {
                    return buckets.getLocation(r, caller);
                }
                if (r.hasQueryParameter("policyStatus")) {
                    return buckets.getPolicyStatus(r, caller);
                }
                if (r.hasQueryParameter("bucketInfo")) {
                    return buckets.getInfo(r, caller);
                }
                if (r.hasQueryParameter("stat")) {
                    return buckets.getStat(r, caller);
                }
                if (r.hasQueryParameter("versioning")) {
                    return buckets.getVersioning(r, caller);
                }
                if (r.hasQueryParameter("versions")) {
                    return objects.listVersions(r, caller);
                }
                if (r.hasQueryParameter("uploads")) {
                    return multipart.listUploads(r, caller);
                }
                return "2".equals(r.param("list-type")) ? objects.listV2(r, caller) : objects.list(r, caller);
            }
            case "PUT" -> {
                if ("logging".equals(config)) {
                    return logging.put(r, caller);
                }
                if (config != null) {
                    return buckets.putConfig(r, caller, config);
                }
                if (r.hasQueryParameter("acl")) {
                    return buckets.putAcl(r, caller);
                }
                if (r.hasQueryParameter("versioning")) {
                    return buckets.putVersioning(r, caller);
                }
                return buckets.create(r, caller);
            }
            case "DELETE" -> {
                if (config != null) {
                    return buckets.deleteConfig(r, caller, config);
                }
                return buckets.delete(r, caller);
            }
            case "POST" -> {
                if (r.hasQueryParameter("delete")) {
                    return objects.deleteMultiple(r, caller);
                }
                if (r.hasQueryParameter("replication")) {
                    return replication.post(r, caller);
                }
                if (PostObjectRoutes.isForm(r)) {
                    // PostObject carries its own signature in the form; the caller from headers is not used.
                    return post.post(r);
                }
                throw notAllowed();
            }
            default -> throw notAllowed();
        }
    }

    private Reply object(OssRequest r, Caller caller) {
        boolean copy = r.headerOrNull("x-oss-copy-source") != null;
        switch (r.method()) {
            case "GET" -> {
                if (r.hasQueryParameter("acl")) {
                    return objects.getAcl(r, caller);
                }
                if (r.hasQueryParameter("tagging")) {
                    return objects.getTagging(r, caller);
                }
                if (r.hasQueryParameter("uploadId")) {
                    return multipart.listParts(r, caller);
                }
                if (r.hasQueryParameter("objectMeta")) {
                    return objects.getMeta(r, caller);
                }
                return objects.get(r, caller, false);
            }
            case "HEAD" -> {
                return r.hasQueryParameter("objectMeta") ? objects.getMeta(r, caller) : objects.get(r, caller, true);
            }
            case "PUT" -> {
                if (r.hasQueryParameter("acl")) {
                    return objects.putAcl(r, caller);
                }
                if (r.hasQueryParameter("tagging")) {
                    return objects.putTagging(r, caller);
                }
                if (r.hasQueryParameter("uploadId") && r.hasQueryParameter("partNumber")) {
                    return copy ? multipart.uploadPartCopy(r, caller) : multipart.uploadPart(r, caller);
                }
                return copy ? objects.copy(r, caller) : objects.put(r, caller);
            }
            case "POST" -> {
                if (r.hasQueryParameter("uploads")) {
                    return multipart.initiate(r, caller);
                }
                if (r.hasQueryParameter("uploadId")) {
                    return multipart.complete(r, caller);
                }
                throw notAllowed();
            }
            case "DELETE" -> {
                if (r.hasQueryParameter("tagging")) {
                    return objects.deleteTagging(r, caller);
                }
                if (r.hasQueryParameter("uploadId")) {
                    return multipart.abort(r, caller);
                }
                return objects.delete(r, caller);
            }
            default -> throw notAllowed();
        }
    }

    /** The configuration sub-resource a bucket request addresses, if any. */
    private String configSubresource(OssRequest r) {
        for (var p : r.query()) {
            if (registry.isConfiguration(p.getKey())) {
                return p.getKey();
            }
        }
        return null;
    }

    private static OssException notAllowed() {
        return new OssException(OssError.METHOD_NOT_ALLOWED);
    }
}
