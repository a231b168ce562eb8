package dev.ossops.emulator.http;

import dev.ossops.emulator.auth.Caller;
import dev.ossops.emulator.error.OssError;
import dev.ossops.emulator.error.OssException;
import dev.ossops.emulator.net.Bandwidth;
import dev.ossops.emulator.net.ThrottledInputStream;
import dev.ossops.emulator.net.TrafficShaper;
import dev.ossops.emulator.service.ByteRange;
import dev.ossops.emulator.service.Conditions;
import dev.ossops.emulator.service.ListingService;
import dev.ossops.emulator.service.ObjectRead;
import dev.ossops.emulator.service.ObjectService;
import dev.ossops.emulator.service.ObjectWrite;
import dev.ossops.emulator.service.RangeStreams;
import dev.ossops.emulator.store.ObjectVersion;
import dev.ossops.emulator.xml.XmlReader;
import dev.ossops.emulator.xml.XmlWriter;
import dev.ossops.policy.OssAction;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Element;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Object operations and the object listings. */
public final class ObjectRoutes {
    private final ObjectService objects;
    private final ListingService listing;
    private final TrafficShaper shaper;

    public ObjectRoutes(ObjectService objects, ListingService listing, TrafficShaper shaper) {
        this.objects = objects;
        this.listing = listing;
        this.shaper = shaper;
    }

    /** The request's upload body, paced by its x-oss-traffic-limit. */
    private InputStream uploadBody(OssRequest r) {
        Bandwidth bandwidth = TrafficLimit.of(r, shaper);
        return ThrottledInputStream.of(r.uploadBody(), bandwidth);
    }

    Reply put(OssRequest r, Caller caller) {
        ObjectService.Written written = objects.put(
                caller,
                r.requireBucket(),
                r.requireKey(),
                uploadBody(r),
                ObjectHeaders.write(r),
                r.headerOrNull("content-md5"),
                "true".equalsIgnoreCase(r.headerOrNull("x-oss-forbid-overwrite")));
        return writeReply(written);
    }

    /** RestoreObject: {@code POST ?restore}, with an optional RestoreRequest; 202 when a restore starts, 200 when it is extended. */
    Reply restore(OssRequest r, Caller caller) {
        ObjectService.Restored restored = objects.restore(
                caller, r.requireBucket(), r.requireKey(), r.param("versionId"), () -> restoreRequest(r));
        // The restored version, as the SDK's RestoreObjectResult reads it, in a bucket that reports versions.
        return Reply.empty(restored.started() ? 202 : 200)
                .header("x-oss-version-id", restored.versioned() ? restored.versionId() : null);
    }

    private static ObjectService.RestoreRequest restoreRequest(OssRequest r) {
        byte[] body = r.document(DocumentLimits.SETTINGS);
        ObjectService.RestoreRequest request = ObjectService.RestoreRequest.DEFAULTS;
        if (body.length > 0) {
            Element root = XmlReader.parse(body, "RestoreRequest");
            Integer days = null;
            String text = XmlReader.text(root, "Days").orElse(null);
            if (text != null) {
                if (!text.trim().matches("\\d{1,9}")) {
                    throw new OssException(OssError.INVALID_ARGUMENT, "The Days of RestoreRequest must be a number.");
                }
                days = Integer.parseInt(text.trim());
            }
            Element job = XmlReader.child(root, "JobParameters").orElse(null);
            String tier = job == null ? null : XmlReader.text(job, "Tier").orElse(null);
            request = new ObjectService.RestoreRequest(days, tier, job != null);
        }
        return request;
    }

    /** PutSymlink: {@code PUT ?symlink} with the URL-encoded target key in x-oss-symlink-target. */
    Reply putSymlink(OssRequest r, Caller caller) {
        String target = r.headerOrNull("x-oss-symlink-target");
        if (target == null || target.isEmpty()) {
            throw new OssException(
                    OssError.MISSING_ARGUMENT,
                    OssError.MISSING_ARGUMENT.defaultMessage(),
                    Map.of("ArgumentName", "x-oss-symlink-target"));
        }
        ObjectService.Written written = objects.putSymlink(
                caller,
                r.requireBucket(),
                r.requireKey(),
                OssRequest.decode(target, false),
                ObjectHeaders.write(r),
                "true".equalsIgnoreCase(r.headerOrNull("x-oss-forbid-overwrite")));
        ObjectVersion v = written.version();
        return Reply.empty(200)
                .header("ETag", Formats.quoted(v.contentEtag()))
                .header("x-oss-version-id", written.versioned() ? v.versionId() : null);
    }

    /** GetSymlink: the link's metadata and its target, URL-encoded as the SDKs decode it. */
    Reply getSymlink(OssRequest r, Caller caller) {
        ObjectRead read = objects.getSymlink(caller, r.requireBucket(), r.requireKey(), r.param("versionId"));
        ObjectVersion v = read.version();
        String target = v.symlinkTarget();
        Reply reply = Reply.empty(200).header("x-oss-symlink-target", target == null ? null : Formats.url(target));
        v.headers().forEach(reply::header);
        v.userMeta().forEach((k, value) -> reply.header("x-oss-meta-" + k, value));
        return reply.header("ETag", Formats.quoted(v.contentEtag()))
                .header("Last-Modified", Formats.httpDate(v.lastModified()))
                .header("x-oss-version-id", read.versioned() ? v.versionId() : null);
    }

    /** AppendObject: {@code POST ?append&position=N}. */
    Reply append(OssRequest r, Caller caller) {
        long position = position(r);
        ObjectService.Appended appended = objects.append(
                caller,
                r.requireBucket(),
                r.requireKey(),
                position,
                uploadBody(r),
                ObjectHeaders.appendWrite(r, position),
                r.headerOrNull("content-md5"));
        ObjectVersion v = appended.version();
        // Every append answers the encryption the object was created with (the SDK's ObjectEncryptionTest).
        return ObjectHeaders.encryption(Reply.empty(200), v.headers())
                .header("ETag", Formats.quoted(v.contentEtag()))
                .header("x-oss-next-append-position", Long.toString(v.size()))
                .header("x-oss-hash-crc64ecma", v.crc64())
                .header("x-oss-version-id", appended.versioned() ? v.versionId() : null);
    }

    /** SealAppendObject: {@code POST ?seal&position=N}, answering the first sealed time. */
    Reply seal(OssRequest r, Caller caller) {
        ObjectVersion v = objects.seal(caller, r.requireBucket(), r.requireKey(), position(r));
        return Reply.empty(200)
                .header("ETag", Formats.quoted(v.contentEtag()))
                .header(
                        "x-oss-sealed-time",
                        Formats.httpDate(Objects.requireNonNull(v.sealedTime(), "a sealed version has its time")));
    }

    /** The required {@code position} parameter of AppendObject and SealAppendObject. */
    private static long position(OssRequest r) {
        String position = r.param("position");
        if (position == null || position.isEmpty()) {
            throw new OssException(
                    OssError.MISSING_POSITION,
                    OssError.MISSING_POSITION.defaultMessage(),
                    Map.of("ArgumentName", "position"));
        }
        if (!position.matches("\\d{1,18}")) {
            throw new OssException(OssError.INVALID_ARGUMENT, "position must be a non-negative integer.");
        }
        return Long.parseLong(position);
    }

    private static Reply writeReply(ObjectService.Written written) {
        ObjectVersion v = written.version();
        return ObjectHeaders.encryption(Reply.empty(200), v.headers())
                .header("ETag", Formats.quoted(v.contentEtag()))
                .header("x-oss-hash-crc64ecma", v.crc64())
                .header("Content-MD5", contentMd5(v))
                .header("x-oss-version-id", written.versioned() ? v.versionId() : null);
    }

    /**
     * The base64 MD5 of a whole object whose ETag is its MD5 (a "Normal" object: PutObject,
     * PostObject, CopyObject); null for multipart objects, whose ETag is not a digest of the content.
     */
    private static @Nullable String contentMd5(ObjectVersion v) {
        return "Normal".equals(v.type())
                ? Base64.getEncoder().encodeToString(HexFormat.of().parseHex(v.etag()))
                : null;
    }

    Reply get(OssRequest r, Caller caller, boolean head) {
        ObjectHeaders.OVERRIDES.forEach((param, header) -> {
            String value = r.param(param);
            if (value != null && !HeaderValues.isFieldValue(value)) {
                // A CR or LF would split the overriding header in two (response splitting).
                throw new OssException(OssError.INVALID_HEADER_VALUE).with("ArgumentName", param);
            }
        });
        Bandwidth bandwidth = head ? Bandwidth.UNLIMITED : TrafficLimit.of(r, shaper);
        ByteRange.Header requested = head
                ? ByteRange.Header.NONE
                : new ByteRange.Header(
                        r.headerOrNull("range"), "standard".equals(r.headerOrNull("x-oss-range-behavior")));
        ObjectRead read = objects.read(
                caller,
                r.requireBucket(),
                r.requireKey(),
                r.param("versionId"),
                ObjectHeaders.conditions(r, ""),
                requested,
                head);
        ObjectVersion v = read.version();
        ByteRange range = read.range();
        Reply reply;
        if (range == null) {
            // OSS sends the object's Content-MD5 on GET and HEAD of objects it has the MD5 of; a
            // range answer carries none (the header would describe bytes that are not the body).
            reply = Reply.stream(
                            200,
                            v.size(),
                            () -> ThrottledInputStream.of(read.content().get(), bandwidth))
                    .header("Content-MD5", contentMd5(v));
        } else {
            reply = Reply.stream(
                            206,
                            range.length(),
                            () -> ThrottledInputStream.of(
                                    RangeStreams.slice(read.content().get(), range), bandwidth))
                    .header("Content-Range", "bytes " + range.first() + "-" + range.last() + "/" + v.size());
        }
        ObjectHeaders.describe(reply, v, read.versioned()).header("Accept-Ranges", "bytes");
        ObjectHeaders.restore(reply, read.restore());
        ObjectHeaders.OVERRIDES.forEach((param, header) -> reply.header(header, r.param(param)));
        ForcedDownload.apply(reply, r, read.bucketCreatedMillis());
        return reply;
    }

    Reply getMeta(OssRequest r, Caller caller) {
        ObjectRead read = objects.read(
                caller,
                r.requireBucket(),
                r.requireKey(),
                r.param("versionId"),
                Conditions.NONE,
                ByteRange.Header.NONE,
                true);
        ObjectVersion v = read.version();
        // GetObjectMeta answers only the basic metadata, never user metadata.
        return Reply.stream(200, v.size(), read.content())
                .header("ETag", Formats.quoted(v.contentEtag()))
                .header("Last-Modified", Formats.httpDate(v.lastModified()))
                .header(
                        "x-oss-last-access-time",
                        objects.accessMonitored(r.requireBucket()) ? Formats.httpDate(v.lastModified()) : null)
                .header("x-oss-hash-crc64ecma", v.crc64())
                .header("x-oss-version-id", read.versioned() ? v.versionId() : null);
    }

    Reply delete(OssRequest r, Caller caller) {
        ObjectService.Deleted d = objects.delete(caller, r.requireBucket(), r.requireKey(), r.param("versionId"));
        Reply reply = Reply.empty(204);
        if (d.versioned()) {
            reply.header("x-oss-version-id", d.deleteMarker() ? d.deleteMarkerVersionId() : d.versionId());
            reply.header("x-oss-delete-marker", d.deleteMarker() ? "true" : null);
        }
        return reply;
    }

    /**
     * The one bucket write whose body is parsed before it is authorized: each key listed is
     * authorized on its own (oss:DeleteObject per object), so the list must be read first.
     */
    Reply deleteMultiple(OssRequest r, Caller caller) {
        byte[] body = r.document(DocumentLimits.PART_OR_KEY_LIST);
        ObjectService.checkDigest(r.headerOrNull("content-md5"), body, true);
        String encoding = deleteEncodingType(r);
        // Lenient: the Java SDK writes keys into this document without escaping control characters.
        Element root = XmlReader.parseLenient(body, "Delete");
        boolean quiet = "true".equalsIgnoreCase(XmlReader.text(root, "Quiet").orElse("false"));
        List<ObjectService.DeleteTarget> targets = new ArrayList<>();
        for (Element o : XmlReader.children(root, "Object")) {
            String key = XmlReader.child(o, "Key")
                    .map(Element::getTextContent)
                    .orElseThrow(() -> new OssException(OssError.MALFORMED_XML));
            targets.add(new ObjectService.DeleteTarget(
                    key, XmlReader.text(o, "VersionId").orElse(null)));
        }
        List<ObjectService.Deleted> deleted = objects.deleteMultiple(caller, r.requireBucket(), targets);
        XmlWriter xml = new XmlWriter().start("DeleteResult");
        xml.optional("EncodingType", encoding);
        if (!quiet) {
            for (ObjectService.Deleted d : deleted) {
                xml.start("Deleted").element("Key", enc(d.key(), encoding));
                if (d.versioned()) {
                    xml.optional("VersionId", d.versionId());
                    if (d.deleteMarker()) {
                        xml.element("DeleteMarker", true)
                                .element(
                                        "DeleteMarkerVersionId",
                                        Objects.requireNonNull(
                                                d.deleteMarkerVersionId(), "a delete marker has its version id"));
                    }
                }
                xml.end();
            }
        }
        xml.end();
        return Reply.xml(200, xml.toXml());
    }

    Reply copy(OssRequest r, Caller caller) {
        CopySource source = CopySource.parse(r.headerOrNull("x-oss-copy-source"));
        String directive = r.headerOrNull("x-oss-metadata-directive");
        ObjectWrite write;
        if (directive == null || directive.equals("COPY")) {
            write = null;
        } else if (directive.equals("REPLACE")) {
            write = ObjectHeaders.write(r);
        } else {
            throw new OssException(OssError.INVALID_ARGUMENT, "Invalid x-oss-metadata-directive: " + directive);
        }
        ObjectService.Copied copied = objects.copy(
                caller,
                source.bucket(),
                source.key(),
                source.versionId(),
                ObjectHeaders.conditions(r, "x-oss-copy-source-"),
                r.requireBucket(),
                r.requireKey(),
                write,
                r.headerOrNull("x-oss-storage-class"),
                ObjectHeaders.encryption(r),
                TrafficLimit.of(r, shaper),
                "true".equalsIgnoreCase(r.headerOrNull("x-oss-forbid-overwrite")));
        ObjectVersion v = copied.written().version();
        XmlWriter xml = new XmlWriter()
                .start("CopyObjectResult")
                .element("ETag", Formats.quoted(v.contentEtag()))
                .element("LastModified", Formats.iso(v.lastModified()))
                .end();
        return ObjectHeaders.encryption(Reply.xml(200, xml.toXml()), v.headers())
                .header("ETag", Formats.quoted(v.contentEtag()))
                .header("x-oss-hash-crc64ecma", v.crc64())
                .header("x-oss-copy-source-version-id", copied.sourceVersionId())
                .header("x-oss-version-id", copied.written().versioned() ? v.versionId() : null);
    }

    Reply list(OssRequest r, Caller caller) {
        String encoding = encodingType(r);
        String prefix = r.param("prefix");
        String marker = r.param("marker");
        String delimiter = r.param("delimiter");
        int maxKeys = ListingService.maxKeys(r.param("max-keys"), 1000);
        ListingService.Page page = listing.list(caller, r.requireBucket(), prefix, delimiter, marker, maxKeys);
        XmlWriter xml = new XmlWriter()
                .start("ListBucketResult")
                .element("Name", r.requireBucket())
                .element("Prefix", enc(nz(prefix), encoding))
                .element("Marker", enc(nz(marker), encoding))
                .element("MaxKeys", maxKeys)
                .element("Delimiter", enc(nz(delimiter), encoding))
                .optional("EncodingType", encoding)
                .element("IsTruncated", page.truncated())
                .optional("NextMarker", encOptional(page.nextMarker(), encoding));
        contents(xml, page, encoding, true);
        return Reply.xml(200, xml.end().toXml());
    }

    Reply listV2(OssRequest r, Caller caller) {
        String encoding = encodingType(r);
        String prefix = r.param("prefix");
        String delimiter = r.param("delimiter");
        String startAfter = r.param("start-after");
        String token = r.param("continuation-token");
        int maxKeys = ListingService.maxKeys(r.param("max-keys"), 1000);
        String after = startAfter;
        if (token != null) {
            after = decodeToken(token);
        }
        ListingService.Page page = listing.list(caller, r.requireBucket(), prefix, delimiter, after, maxKeys);
        XmlWriter xml = new XmlWriter()
                .start("ListBucketResult")
                .element("Name", r.requireBucket())
                .element("Prefix", enc(nz(prefix), encoding))
                .optional("StartAfter", encOptional(startAfter, encoding))
                .optional("ContinuationToken", token)
                .element("MaxKeys", maxKeys)
                .element("Delimiter", enc(nz(delimiter), encoding))
                .optional("EncodingType", encoding)
                .element("IsTruncated", page.truncated())
                .optional("NextContinuationToken", page.nextMarker() == null ? null : encodeToken(page.nextMarker()))
                .element("KeyCount", page.objects().size() + page.prefixes().size());
        contents(xml, page, encoding, "true".equals(r.param("fetch-owner")));
        return Reply.xml(200, xml.end().toXml());
    }

    private void contents(XmlWriter xml, ListingService.Page page, @Nullable String encoding, boolean owner) {
        for (ListingService.Entry e : page.objects()) {
            ObjectVersion v = e.version();
            xml.start("Contents")
                    .element("Key", enc(e.key(), encoding))
                    .element("LastModified", Formats.iso(v.lastModified()))
                    .element("ETag", Formats.quoted(v.contentEtag()))
                    .element("Type", ofContent(v.type()))
                    .element("Size", v.size())
                    .element("StorageClass", ofContent(v.storageClass()))
                    .optional("RestoreInfo", ObjectHeaders.restoreValue(e.restore()));
            if (owner) {
                BucketXml.owner(xml, page.owner());
            }
            xml.end();
        }
        for (String p : page.prefixes()) {
            xml.start("CommonPrefixes").element("Prefix", enc(p, encoding)).end();
        }
    }

    Reply listVersions(OssRequest r, Caller caller) {
        String encoding = encodingType(r);
        String prefix = r.param("prefix");
        String delimiter = r.param("delimiter");
        String keyMarker = r.param("key-marker");
        String versionIdMarker = r.param("version-id-marker");
        int maxKeys = ListingService.maxKeys(r.param("max-keys"), 1000);
        ListingService.Page page =
                listing.listVersions(caller, r.requireBucket(), prefix, delimiter, keyMarker, versionIdMarker, maxKeys);
        XmlWriter xml = new XmlWriter()
                .start("ListVersionsResult")
                .element("Name", r.requireBucket())
                .element("Prefix", enc(nz(prefix), encoding))
                .element("KeyMarker", enc(nz(keyMarker), encoding))
                .element("VersionIdMarker", nz(versionIdMarker))
                .element("MaxKeys", maxKeys)
                .element("Delimiter", enc(nz(delimiter), encoding))
                .optional("EncodingType", encoding)
                .element("IsTruncated", page.truncated())
                .optional("NextKeyMarker", encOptional(page.nextMarker(), encoding))
                .optional("NextVersionIdMarker", page.nextVersionIdMarker());
        for (ListingService.Entry e : page.objects()) {
            ObjectVersion v = e.version();
            if (v.deleteMarker()) {
                xml.start("DeleteMarker")
                        .element("Key", enc(e.key(), encoding))
                        .element("VersionId", v.versionId())
                        .element("IsLatest", e.latest())
                        .element("LastModified", Formats.iso(v.lastModified()));
                BucketXml.owner(xml, page.owner());
                xml.end();
            } else {
                xml.start("Version")
                        .element("Key", enc(e.key(), encoding))
                        .element("VersionId", v.versionId())
                        .element("IsLatest", e.latest())
                        .element("LastModified", Formats.iso(v.lastModified()))
                        .element("ETag", Formats.quoted(v.contentEtag()))
                        .element("Type", ofContent(v.type()))
                        .element("Size", v.size())
                        .element("StorageClass", ofContent(v.storageClass()))
                        .optional("RestoreInfo", ObjectHeaders.restoreValue(e.restore()));
                BucketXml.owner(xml, page.owner());
                xml.end();
            }
        }
        for (String p : page.prefixes()) {
            xml.start("CommonPrefixes").element("Prefix", enc(p, encoding)).end();
        }
        return Reply.xml(200, xml.end().toXml());
    }

    Reply getAcl(OssRequest r, Caller caller) {
        String versionId = r.param("versionId");
        ObjectVersion v =
                objects.getForAdmin(caller, r.requireBucket(), r.requireKey(), versionId, OssAction.GET_OBJECT_ACL);
        // The version addressed is named in the answer (the SDK reads ObjectAcl.getVersionId() from this header).
        return Reply.xml(200, BucketXml.acl(objects.bucketOwner(r.requireBucket()), v.acl()))
                .header("x-oss-version-id", versionId == null ? null : v.versionId());
    }

    Reply putAcl(OssRequest r, Caller caller) {
        String acl = r.headerOrNull("x-oss-object-acl");
        if (acl == null) {
            throw new OssException(OssError.INVALID_ARGUMENT, "no such bucket access control exists");
        }
        String versionId = r.param("versionId");
        objects.putAcl(caller, r.requireBucket(), r.requireKey(), versionId, acl);
        return Reply.empty(200).header("x-oss-version-id", versionId);
    }

    Reply getTagging(OssRequest r, Caller caller) {
        ObjectVersion v = objects.getForAdmin(
                caller, r.requireBucket(), r.requireKey(), r.param("versionId"), OssAction.GET_OBJECT_TAGGING);
        XmlWriter xml = new XmlWriter().start("Tagging").start("TagSet");
        v.tags().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(t -> xml.start("Tag")
                        .element("Key", t.getKey())
                        .element("Value", t.getValue())
                        .end());
        return Reply.xml(200, xml.end().end().toXml());
    }

    Reply putTagging(OssRequest r, Caller caller) {
        objects.putTags(caller, r.requireBucket(), r.requireKey(), r.param("versionId"), () -> tags(r));
        return Reply.empty(200);
    }

    private static Map<String, String> tags(OssRequest r) {
        Element root = XmlReader.parse(r.document(DocumentLimits.SETTINGS), "Tagging");
        Map<String, String> tags = new LinkedHashMap<>();
        Element set = XmlReader.child(root, "TagSet").orElseThrow(() -> new OssException(OssError.MALFORMED_XML));
        for (Element tag : XmlReader.children(set, "Tag")) {
            String key = XmlReader.text(tag, "Key").orElseThrow(() -> new OssException(OssError.MALFORMED_XML));
            String value = XmlReader.text(tag, "Value").orElse("");
            ObjectHeaders.checkTag(key, value);
            if (tags.put(key, value) != null) {
                throw new OssException(OssError.INVALID_TAG, "Cannot provide multiple Tags with the same key");
            }
        }
        ObjectHeaders.checkTagCount(tags);
        return tags;
    }

    Reply deleteTagging(OssRequest r, Caller caller) {
        objects.deleteTags(caller, r.requireBucket(), r.requireKey(), r.param("versionId"));
        return Reply.empty(204);
    }

    static @Nullable String encodingType(OssRequest r) {
        return checkedEncodingType(r.param("encoding-type"));
    }

    private static @Nullable String checkedEncodingType(@Nullable String encoding) {
        if (encoding != null && !encoding.equals("url")) {
            throw new OssException(OssError.INVALID_ENCODING_TYPE);
        }
        return encoding;
    }

    /**
     * DeleteMultipleObjects takes {@code Encoding-type} as a request header (API reference; the SDK
     * sends it there, and always {@code url} for DeleteVersions); the query parameter of older
     * references is read too.
     */
    private static @Nullable String deleteEncodingType(OssRequest r) {
        String header = r.headerOrNull("encoding-type");
        return header == null ? encodingType(r) : checkedEncodingType(header);
    }

    static String enc(String value, @Nullable String encoding) {
        return "url".equals(encoding) ? Formats.url(value) : value;
    }

    /** {@link #enc} of an optional element's value. */
    private static @Nullable String encOptional(@Nullable String value, @Nullable String encoding) {
        return value == null ? null : enc(value, encoding);
    }

    /** A field every version with content has; only delete markers, listed apart, lack them. */
    private static String ofContent(@Nullable String value) {
        return Objects.requireNonNull(value, "a version with content has its type and storage class");
    }

    private static String nz(@Nullable String value) {
        return value == null ? "" : value;
    }

    /** Continuation tokens are opaque to clients; this one carries the last key returned. */
    private static String encodeToken(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    private static String decodeToken(String token) {
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new OssException(OssError.INVALID_ARGUMENT, "The continuation token provided is incorrect.");
        }
    }
}
