package dev.ossops.emulator.http;

import dev.ossops.emulator.auth.Caller;
import dev.ossops.emulator.error.OssException;
import dev.ossops.emulator.service.BucketConfigRegistry;

import java.util.Map;

/**
 * Runs the route {@link RouteTable} resolves for a request (method, bucket/key and sub-resource).
 * Routes translate HTTP to a service call and render the result; they never catch.
 */
public final class Router {
    private final ServiceRoutes service;
    private final AccountRoutes account;
    private final BucketRoutes buckets;
    private final ObjectRoutes objects;
    private final MultipartRoutes multipart;
    private final RouteTable table;
    private final CorsRoutes cors;
    private final ReplicationRoutes replication;
    private final PostObjectRoutes post;
    private final LoggingRoutes logging;

    public Router(
            ServiceRoutes service,
            AccountRoutes account,
            BucketRoutes buckets,
            ObjectRoutes objects,
            MultipartRoutes multipart,
            BucketConfigRegistry registry,
            CorsRoutes cors,
            ReplicationRoutes replication,
            PostObjectRoutes post,
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
        this.table = new RouteTable(registry);
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
        RouteTable.Resolved resolved = table.resolve(r);
        return switch (resolved.route()) {
            case LIST_BUCKETS -> service.listBuckets(r, caller);
            case GET_PUBLIC_ACCESS_BLOCK -> account.getPublicAccessBlock(caller);
            case PUT_PUBLIC_ACCESS_BLOCK -> account.putPublicAccessBlock(r, caller);
            case DELETE_PUBLIC_ACCESS_BLOCK -> account.deletePublicAccessBlock(caller);

            case PUT_BUCKET -> buckets.create(r, caller);
            case DELETE_BUCKET -> buckets.delete(r, caller);
            case LIST_OBJECTS -> objects.list(r, caller);
            case LIST_OBJECTS_V2 -> objects.listV2(r, caller);
            case LIST_OBJECT_VERSIONS -> objects.listVersions(r, caller);
            case LIST_MULTIPART_UPLOADS -> multipart.listUploads(r, caller);
            case GET_BUCKET_ACL -> buckets.getAcl(r, caller);
            case PUT_BUCKET_ACL -> buckets.putAcl(r, caller);
            case GET_BUCKET_LOCATION -> buckets.getLocation(r, caller);
            case GET_BUCKET_INFO -> buckets.getInfo(r, caller);
            case GET_BUCKET_STAT -> buckets.getStat(r, caller);
            case GET_BUCKET_POLICY_STATUS -> buckets.getPolicyStatus(r, caller);
            case GET_BUCKET_VERSIONING -> buckets.getVersioning(r, caller);
            case PUT_BUCKET_VERSIONING -> buckets.putVersioning(r, caller);
            case PUT_BUCKET_LOGGING -> logging.put(r, caller);
            case GET_BUCKET_REPLICATION -> replication.get(r, caller);
            case GET_BUCKET_REPLICATION_LOCATION -> replication.location(r, caller);
            case GET_BUCKET_REPLICATION_PROGRESS -> replication.progress(r, caller);
            case PUT_BUCKET_REPLICATION, DELETE_BUCKET_REPLICATION -> replication.post(r, caller);
            case GET_BUCKET_CONFIG -> buckets.getConfig(r, caller, resolved.configuration());
            case PUT_BUCKET_CONFIG -> buckets.putConfig(r, caller, resolved.configuration());
            case DELETE_BUCKET_CONFIG -> buckets.deleteConfig(r, caller, resolved.configuration());
            case DELETE_MULTIPLE_OBJECTS -> objects.deleteMultiple(r, caller);
            // PostObject carries its own signature in the form; the caller from headers is not used.
            case POST_OBJECT -> post.post(r);

            case PUT_OBJECT -> objects.put(r, caller);
            case COPY_OBJECT -> objects.copy(r, caller);
            case GET_OBJECT -> objects.get(r, caller, false);
            case HEAD_OBJECT -> objects.get(r, caller, true);
            case GET_OBJECT_META -> objects.getMeta(r, caller);
            case DELETE_OBJECT -> objects.delete(r, caller);
            case APPEND_OBJECT -> objects.append(r, caller);
            case SEAL_APPEND_OBJECT -> objects.seal(r, caller);
            case RESTORE_OBJECT -> objects.restore(r, caller);
            case PUT_SYMLINK -> objects.putSymlink(r, caller);
            case GET_SYMLINK -> objects.getSymlink(r, caller);
            case GET_OBJECT_ACL -> objects.getAcl(r, caller);
            case PUT_OBJECT_ACL -> objects.putAcl(r, caller);
            case GET_OBJECT_TAGGING -> objects.getTagging(r, caller);
            case PUT_OBJECT_TAGGING -> objects.putTagging(r, caller);
            case DELETE_OBJECT_TAGGING -> objects.deleteTagging(r, caller);
            case INITIATE_MULTIPART_UPLOAD -> multipart.initiate(r, caller);
            case UPLOAD_PART -> multipart.uploadPart(r, caller);
            case UPLOAD_PART_COPY -> multipart.uploadPartCopy(r, caller);
            case COMPLETE_MULTIPART_UPLOAD -> multipart.complete(r, caller);
            case ABORT_MULTIPART_UPLOAD -> multipart.abort(r, caller);
            case LIST_PARTS -> multipart.listParts(r, caller);
        };
    }

    /** The name of the API {@code r} is routed to, for the request counters. */
    public String apiName(OssRequest r) {
        return table.apiName(r);
    }
}
