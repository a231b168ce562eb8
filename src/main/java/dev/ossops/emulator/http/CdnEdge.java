package dev.ossops.emulator.http;

import dev.ossops.emulator.auth.Caller;
import dev.ossops.emulator.cdn.CacheTtl;
import dev.ossops.emulator.cdn.EdgeDirectory;
import dev.ossops.emulator.cdn.EdgeDomain;
import dev.ossops.emulator.cdn.UrlAuth;
import dev.ossops.emulator.error.OssException;
import dev.ossops.emulator.rpc.Credential;
import dev.ossops.emulator.rpc.GrantedPolicy;
import dev.ossops.emulator.rpc.Principal;
import dev.ossops.policy.SystemPolicyDocuments;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The CDN edge: a request whose Host is an online domain added through the CDN API is served as the
 * CDN's point of presence would serve it, everything else goes on to {@code next}. GET and HEAD only;
 * the domain's Referer rule and URL authentication first; then the cache, or the origin: an emulator
 * bucket fetched through the same router and authorization as any OSS request, signed as the CDN's
 * service role ({@link SystemPolicyDocuments#CDN_ORIGIN_ROLE}) when private OSS origin is on and
 * anonymous otherwise, so a private bucket answers the edge 403 unless the domain signs, and the edge
 * relays that answer. Cached responses carry the CDN's {@code X-Cache}, {@code Age}, {@code Via} and
 * {@code X-Swift-*} headers; a refresh task drops what it covers. The emulator's own names
 * (loopback, {@code --allow-host}) always win over a CDN domain of the same name.
 */
public final class CdnEdge implements Function<IncomingRequest, Reply> {
    private static final System.Logger LOG = System.getLogger(CdnEdge.class.getName());
    private static final Set<String> METHODS = Set.of("GET", "HEAD");
    /** Response headers the edge sets itself, never copied from the origin's answer. */
    private static final Set<String> EDGE_HEADERS =
            Set.of("server", "date", "age", "via", "x-cache", "x-swift-savetime", "x-swift-cachetime", "eagleid");

    private final EdgeDirectory directory;
    private final HostAdmission ownHosts;
    private final Router router;
    private final Function<IncomingRequest, Reply> next;
    private final EdgeCache cache;
    private final RequestIds ids;
    private final Clock clock;

    /**
     * @param ownHosts the emulator's own names, which are never served as an edge
     * @param next     everything that is not for a CDN domain
     */
    public CdnEdge(
            EdgeDirectory directory,
            HostAdmission ownHosts,
            Router router,
            Function<IncomingRequest, Reply> next,
            Clock clock) {
        this(
                directory,
                ownHosts,
                router,
                next,
                new EdgeCache(EdgeCache.DEFAULT_TOTAL_BYTES, EdgeCache.DEFAULT_OBJECT_BYTES),
                clock);
    }

    CdnEdge(
            EdgeDirectory directory,
            HostAdmission ownHosts,
            Router router,
            Function<IncomingRequest, Reply> next,
            EdgeCache cache,
            Clock clock) {
        this.directory = directory;
        this.ownHosts = ownHosts;
        this.router = router;
        this.next = next;
        this.cache = cache;
        this.ids = new RequestIds(clock);
        this.clock = clock;
    }

    /** The names this edge answers to, for the {@link RequestGate}: online CDN domains that are not the emulator's own. */
    public HostAdmission admission() {
        return name -> !ownHosts.admits(name)
                && directory.serving(name, clock.instant()).isPresent();
    }

    @Override
    public Reply apply(IncomingRequest incoming) {
        Optional<String> name = HostNames.nameOf(incoming.header("Host"));
        if (name.isEmpty() || ownHosts.admits(name.get())) {
            return next.apply(incoming);
        }
        Optional<EdgeDomain> domain = directory.serving(name.get(), clock.instant());
        if (domain.isEmpty()) {
            return next.apply(incoming);
        }
        Reply reply;
        try {
            reply = serve(incoming, name.get(), domain.get());
        } catch (RuntimeException e) {
            // The edge answers every error itself, like the OSS front; this one is the emulator's, with its trace.
            LOG.log(
                    System.Logger.Level.ERROR,
                    "edge request " + incoming.method() + " " + incoming.rawPath() + " for " + name.get() + " failed",
                    e);
            reply = page(500, "Internal Server Error", "The edge failed; the emulator's log says why.");
        }
        return edgeHeaders(reply);
    }

    private Reply serve(IncomingRequest incoming, String host, EdgeDomain domain) {
        String method = incoming.method().toUpperCase(Locale.ROOT);
        if (!METHODS.contains(method)) {
            return page(405, "Method Not Allowed", "The CDN edge serves GET and HEAD only.")
                    .header("Allow", "GET, HEAD");
        }
        String rawPath = incoming.rawPath();
        if (rawPath == null || !rawPath.startsWith("/")) {
            return page(400, "Bad Request", "The request target is not a path.");
        }
        Instant now = clock.instant();
        if (domain.referer().isPresent()
                && !domain.referer().get().admits(Optional.ofNullable(incoming.header("Referer")))) {
            return page(403, "Forbidden", "The domain's Referer rule refuses this request.");
        }
        String path = rawPath;
        if (domain.urlAuth().isPresent()) {
            UrlAuth.Verdict verdict = domain.urlAuth().get().verify(rawPath, incoming.rawQuery(), now);
            String passed = verdict.path();
            if (!verdict.passed() || passed == null) {
                return page(403, "Forbidden", verdict.reason() + ".");
            }
            path = passed;
        }
        if (domain.originBucket().isEmpty()) {
            return page(502, "Bad Gateway", "The domain's origin is not an emulator bucket (a source of type oss).");
        }
        String decoded = OssRequest.decode(path, false);
        // By the name requested: the subdomains a wildcard domain answers for are cached apart.
        String key = domain.accountId() + " " + host + " " + decoded;
        boolean ranged = incoming.header("Range") != null;
        if (!ranged) {
            Optional<EdgeCache.Entry> hit = cache.get(key);
            if (hit.isPresent()) {
                EdgeCache.Entry entry = hit.get();
                if (entry.freshAt(now)
                        && !directory.refreshedSince(domain.accountId(), host, decoded, entry.refreshMark())) {
                    return fromCache(incoming, entry, now);
                }
                cache.remove(key);
            }
        }
        Reply origin = fetch(incoming, domain, path);
        if (ranged || origin.status() != 200) {
            return origin.header("X-Cache", "MISS TCP_MISS dirn:-2:-2").header("Via", via(origin.status(), 'M'));
        }
        Map<String, String> lower = new LinkedHashMap<>();
        origin.headers().forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
        CacheTtl.Ttl ttl = domain.ttl().decide(decoded, lower, now);
        if (ttl.seconds() <= 0 || !cache.fits(origin.length())) {
            // Not kept: answered as fetched, its body streamed from the bucket (or never opened for a 304).
            Reply relayed = notModified(incoming, origin.headers()) ? unchanged(origin.headers()) : origin;
            return relayed.header("X-Cache", "MISS TCP_MISS dirn:-2:-2").header("Via", via(origin.status(), 'M'));
        }
        EdgeCache.Entry entry = new EdgeCache.Entry(
                origin.status(), origin.headers(), body(origin), now, ttl.seconds(), domain.refreshMark());
        cache.put(key, entry);
        return cached(incoming, entry, "MISS TCP_MISS dirn:-2:-2").header("Via", via(entry.status(), 'M'));
    }

    /**
     * Whether the client's copy is current: {@code If-None-Match} naming the ETag (or {@code *}), else
     * {@code If-Modified-Since} no earlier than {@code Last-Modified}; the edge answers those itself, with 304.
     */
    static boolean notModified(IncomingRequest incoming, Map<String, String> headers) {
        Map<String, String> lower = new LinkedHashMap<>();
        headers.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
        String ifNoneMatch = incoming.header("If-None-Match");
        if (ifNoneMatch != null) {
            String etag = unquote(lower.getOrDefault("etag", ""));
            for (String candidate : ifNoneMatch.split(",", -1)) {
                String c = candidate.trim();
                if (c.equals("*")
                        || (!etag.isEmpty()
                                && unquote(c.startsWith("W/") ? c.substring(2) : c)
                                        .equals(etag))) {
                    return true;
                }
            }
            return false;
        }
        Instant since = Formats.parseHttpDate(incoming.header("If-Modified-Since"));
        Instant modified = Formats.parseHttpDate(lower.get("last-modified"));
        return since != null && modified != null && !modified.isAfter(since);
    }

    private static String unquote(String etag) {
        String e = etag.trim();
        return e.length() >= 2 && e.startsWith("\"") && e.endsWith("\"") ? e.substring(1, e.length() - 1) : e;
    }

    /** A 304 with the validators of {@code headers}. */
    private static Reply unchanged(Map<String, String> headers) {
        Reply reply = Reply.empty(304);
        headers.forEach((k, v) -> {
            String name = k.toLowerCase(Locale.ROOT);
            if (name.equals("etag")
                    || name.equals("last-modified")
                    || name.equals("cache-control")
                    || name.equals("expires")) {
                reply.header(k, v);
            }
        });
        return reply;
    }

    /** The back-to-origin GET: path style on the origin bucket, through the router like any OSS request. */
    private Reply fetch(IncomingRequest incoming, EdgeDomain domain, String path) {
        String bucket = domain.originBucket().orElseThrow();
        List<Map.Entry<String, String>> headers = new java.util.ArrayList<>();
        // Path style on the emulator's own name: the origin host (bucket.oss-region.aliyuncs.com) is not one of its
        // suffixes.
        headers.add(Map.entry("Host", "127.0.0.1"));
        // The CDN passes the client's Referer and Range on to the origin; nothing that would sign or cache.
        for (String name : List.of("Referer", "Range", "User-Agent")) {
            String value = incoming.header(name);
            if (value != null) {
                headers.add(Map.entry(name, value));
            }
        }
        IncomingRequest back =
                new IncomingRequest("GET", "/" + bucket + path, null, headers, InputStream.nullInputStream());
        String requestId = ids.next();
        Reply reply;
        try {
            OssRequest request = OssRequest.from(back, Set.of());
            Caller caller = domain.privateOssAuth() ? Caller.of(backToOrigin(domain.accountId())) : Caller.anonymous();
            reply = router.route(request, caller.withConditionKeys(ConditionKeys.of(request)));
        } catch (OssException e) {
            reply = ErrorReplies.render(e, requestId, bucket + ".oss", false);
        }
        return reply.header("x-oss-request-id", requestId);
    }

    /**
     * The identity the CDN signs back-to-origin requests with: a session of its service role holding the
     * role's system policy, in the domain's account (the account {@code perm_private_oss_tbl} names).
     */
    static Credential backToOrigin(String accountId) {
        Principal.AssumedRole role = new Principal.AssumedRole(
                accountId,
                SystemPolicyDocuments.CDN_ORIGIN_ROLE,
                "3" + accountId,
                SystemPolicyDocuments.CDN_ORIGIN_SESSION,
                Optional.empty());
        return Credential.permanent(
                "STS.cdn-back-to-origin",
                "",
                role,
                true,
                List.of(new GrantedPolicy(
                        SystemPolicyDocuments.CDN_ORIGIN_POLICY_NAME,
                        "System",
                        SystemPolicyDocuments.CDN_ORIGIN_POLICY)));
    }

    private Reply fromCache(IncomingRequest incoming, EdgeCache.Entry entry, Instant now) {
        long age = Math.max(0, Duration.between(entry.savedAt(), now).toSeconds());
        return cached(incoming, entry, "HIT TCP_MEM_HIT dirn:-2:-2")
                .header("Age", Long.toString(age))
                .header("Via", via(entry.status(), 'H'));
    }

    private static Reply cached(IncomingRequest incoming, EdgeCache.Entry entry, String xCache) {
        byte[] body = entry.body();
        Reply reply;
        if (notModified(incoming, entry.headers())) {
            reply = unchanged(entry.headers());
        } else {
            Reply full = Reply.stream(entry.status(), body.length, () -> new java.io.ByteArrayInputStream(body));
            entry.headers().forEach((k, v) -> {
                if (!EDGE_HEADERS.contains(k.toLowerCase(Locale.ROOT))) {
                    full.header(k, v);
                }
            });
            reply = full;
        }
        return reply.header("X-Cache", xCache)
                .header("X-Swift-SaveTime", Formats.httpDate(entry.savedAt().toEpochMilli()))
                .header("X-Swift-CacheTime", Long.toString(entry.ttlSeconds()))
                .header(
                        "Ali-Swift-Global-Savetime",
                        Long.toString(entry.savedAt().getEpochSecond()));
    }

    private static String via(int status, char hitOrMiss) {
        return "cache1.l2cn-emulator[0," + status + "-0," + hitOrMiss + "], cache1.cn-emulator[0,0]";
    }

    private Reply edgeHeaders(Reply reply) {
        return reply.header("Server", "Tengine")
                .header("Date", Formats.httpDate(clock.millis()))
                .header("EagleId", ids.next().toLowerCase(Locale.ROOT));
    }

    private static byte[] body(Reply reply) {
        if (!reply.hasBody()) {
            return new byte[0];
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) reply.length());
        try {
            reply.writeBody(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the origin's answer", e);
        }
        return out.toByteArray();
    }

    /** The CDN's own refusals are small HTML pages, as Tengine writes them. */
    private static Reply page(int status, String title, String detail) {
        String html = "<html>\r\n<head><title>" + status + " " + title + "</title></head>\r\n<body>\r\n<center><h1>"
                + status + " " + title + "</h1></center>\r\n<p>" + detail + "</p>\r\n<hr/>Powered by Tengine\r\n"
                + "</body>\r\n</html>\r\n";
        return Reply.bytes(status, "text/html", html.getBytes(StandardCharsets.UTF_8));
    }
}
