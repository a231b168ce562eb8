package dev.ossops.emulator.http;

import dev.ossops.emulator.auth.Caller;
import dev.ossops.emulator.error.OssError;
import dev.ossops.emulator.error.OssException;
import dev.ossops.emulator.net.ThrottledInputStream;
import dev.ossops.emulator.net.TrafficShaper;
import dev.ossops.emulator.service.MultipartService;
import dev.ossops.emulator.service.ObjectService;
import dev.ossops.emulator.store.PartRecord;
import dev.ossops.emulator.store.UploadRecord;
import dev.ossops.emulator.xml.XmlReader;
import dev.ossops.emulator.xml.XmlWriter;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Element;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Multipart upload operations. */
public final class MultipartRoutes {
    private final MultipartService multipart;
    private final TrafficShaper shaper;

    public MultipartRoutes(MultipartService multipart, TrafficShaper shaper) {
        this.multipart = multipart;
        this.shaper = shaper;
    }

    Reply initiate(OssRequest r, Caller caller) {
        String encoding = ObjectRoutes.encodingType(r);
        UploadRecord upload = multipart.initiate(caller, r.requireBucket(), r.requireKey(), ObjectHeaders.write(r));
        XmlWriter xml = new XmlWriter()
                .start("InitiateMultipartUploadResult")
                .element("Bucket", r.requireBucket())
                .element("Key", ObjectRoutes.enc(r.requireKey(), encoding))
                .element("UploadId", upload.uploadId())
                .optional("EncodingType", encoding)
                .end();
        return ObjectHeaders.encryption(Reply.xml(200, xml.toXml()), upload.headers());
    }

    Reply uploadPart(OssRequest r, Caller caller) {
        MultipartService.StoredPart stored = multipart.uploadPart(
                caller,
                r.requireBucket(),
                r.requireKey(),
                r.routedBy("uploadId"),
                r.param("partNumber"),
                ThrottledInputStream.of(r.uploadBody(), TrafficLimit.of(r, shaper)),
                r.headerOrNull("content-md5"));
        PartRecord part = stored.part();
        // Documented: an upload initiated with x-oss-server-side-encryption has UploadPart answer it too.
        return ObjectHeaders.encryption(Reply.empty(200), stored.upload().headers())
                .header("ETag", Formats.quoted(part.etag()))
                .header("x-oss-hash-crc64ecma", part.crc64());
    }

    Reply uploadPartCopy(OssRequest r, Caller caller) {
        CopySource source = CopySource.parse(r.headerOrNull("x-oss-copy-source"));
        MultipartService.StoredPart stored = multipart.uploadPartCopy(
                caller,
                r.requireBucket(),
                r.requireKey(),
                r.routedBy("uploadId"),
                r.param("partNumber"),
                source.bucket(),
                source.key(),
                source.versionId(),
                r.headerOrNull("x-oss-copy-source-range"),
                ObjectHeaders.conditions(r, "x-oss-copy-source-"));
        PartRecord part = stored.part();
        XmlWriter xml = new XmlWriter()
                .start("CopyPartResult")
                .element("LastModified", Formats.iso(part.lastModified()))
                .element("ETag", Formats.quoted(part.etag()))
                .end();
        // The part's ETag is a response header as well: ali-oss's multipart copy reads it from there.
        return ObjectHeaders.encryption(
                        Reply.xml(200, xml.toXml()), stored.upload().headers())
                .header("ETag", Formats.quoted(part.etag()))
                .header("x-oss-hash-crc64ecma", part.crc64());
    }

    Reply complete(OssRequest r, Caller caller) {
        String encoding = ObjectRoutes.encodingType(r);
        MultipartService.Completion completion = new MultipartService.Completion(
                () -> parts(r),
                ObjectHeaders.objectAcl(r),
                "true".equalsIgnoreCase(r.headerOrNull("x-oss-forbid-overwrite")));
        ObjectService.Written written =
                multipart.complete(caller, r.requireBucket(), r.requireKey(), r.routedBy("uploadId"), completion);
        XmlWriter xml = new XmlWriter()
                .start("CompleteMultipartUploadResult")
                .optional("EncodingType", encoding)
                .element("Location", location(r))
                .element("Bucket", r.requireBucket())
                .element("Key", ObjectRoutes.enc(r.requireKey(), encoding))
                .element("ETag", Formats.quoted(written.version().contentEtag()))
                .end();
        return ObjectHeaders.encryption(
                        Reply.xml(200, xml.toXml()), written.version().headers())
                .header("ETag", Formats.quoted(written.version().contentEtag()))
                .header("x-oss-hash-crc64ecma", written.version().crc64())
                .header(
                        "x-oss-version-id",
                        written.versioned() ? written.version().versionId() : null);
    }

    /**
     * The new object's URL: {@code http://bucket.host/key} for a virtual-hosted request, else
     * {@code http://host/bucket/key} (what the SDK's tests expect for each addressing style), the
     * key percent-encoded with {@code ~} as {@code %7E} and {@code /} as {@code %2F}.
     */
    private static String location(OssRequest r) {
        String key = URLEncoder.encode(r.requireKey(), StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("*", "%2A");
        return "http://" + r.host() + "/" + (r.virtualHosted() ? "" : r.requireBucket() + "/") + key;
    }

    /** The request's part list, or null for {@code x-oss-complete-all: yes} (every uploaded part). */
    private static @Nullable List<MultipartService.CompletedPart> parts(OssRequest r) {
        byte[] body = r.document(DocumentLimits.PART_OR_KEY_LIST);
        if ("yes".equals(r.headerOrNull("x-oss-complete-all"))) {
            // OSS lists the uploaded parts itself and refuses a part list besides (EC 0042-00000216).
            if (body.length > 0) {
                throw new OssException(OssError.COMPLETE_ALL_WITH_BODY);
            }
            return null;
        }
        Element root = XmlReader.parse(body, "CompleteMultipartUpload");
        List<MultipartService.CompletedPart> parts = new ArrayList<>();
        for (Element p : XmlReader.children(root, "Part")) {
            String number = XmlReader.text(p, "PartNumber").orElseThrow(() -> new OssException(OssError.MALFORMED_XML));
            String etag = XmlReader.text(p, "ETag").orElseThrow(() -> new OssException(OssError.MALFORMED_XML));
            try {
                parts.add(new MultipartService.CompletedPart(Integer.parseInt(number), etag));
            } catch (NumberFormatException e) {
                throw new OssException(OssError.MALFORMED_XML);
            }
        }
        return parts;
    }

    Reply abort(OssRequest r, Caller caller) {
        multipart.abort(caller, r.requireBucket(), r.requireKey(), r.routedBy("uploadId"));
        return Reply.empty(204);
    }

    Reply listParts(OssRequest r, Caller caller) {
        String encoding = ObjectRoutes.encodingType(r);
        int marker = parse(r.param("part-number-marker"), 0, 10000, "part-number-marker");
        int maxParts = parse(r.param("max-parts"), 1000, 10000, "max-parts");
        MultipartService.PartPage page = multipart.listParts(
                caller, r.requireBucket(), r.requireKey(), r.routedBy("uploadId"), marker, maxParts);
        XmlWriter xml = new XmlWriter()
                .start("ListPartsResult")
                .element("Bucket", r.requireBucket())
                .optional("EncodingType", encoding)
                .element("Key", ObjectRoutes.enc(r.requireKey(), encoding))
                .element("UploadId", page.upload().uploadId())
                .element("PartNumberMarker", marker)
                .element(
                        "NextPartNumberMarker",
                        page.nextMarker().isPresent()
                                ? Integer.toString(page.nextMarker().getAsInt())
                                : "")
                .element("MaxParts", maxParts)
                .element("IsTruncated", page.truncated());
        for (PartRecord part : page.parts()) {
            xml.start("Part")
                    .element("PartNumber", part.number())
                    .element("LastModified", Formats.iso(part.lastModified()))
                    .element("ETag", Formats.quoted(part.etag()))
                    .element("HashCrc64ecma", part.crc64())
                    .element("Size", part.size())
                    .end();
        }
        return Reply.xml(200, xml.end().toXml());
    }

    Reply listUploads(OssRequest r, Caller caller) {
        String encoding = ObjectRoutes.encodingType(r);
        String prefix = r.param("prefix");
        String delimiter = r.param("delimiter");
        String keyMarker = r.param("key-marker");
        String uploadIdMarker = r.param("upload-id-marker");
        // Documented: default 1000, at most 1000.
        int maxUploads = parse(r.param("max-uploads"), 1000, 1000, "max-uploads");
        MultipartService.UploadPage page = multipart.listUploads(
                caller, r.requireBucket(), prefix, delimiter, keyMarker, uploadIdMarker, maxUploads);
        XmlWriter xml = new XmlWriter()
                .start("ListMultipartUploadsResult")
                .element("Bucket", r.requireBucket())
                .optional("EncodingType", encoding)
                .element("KeyMarker", ObjectRoutes.enc(keyMarker == null ? "" : keyMarker, encoding))
                .element("UploadIdMarker", uploadIdMarker == null ? "" : uploadIdMarker)
                .element(
                        "NextKeyMarker",
                        ObjectRoutes.enc(page.nextKeyMarker() == null ? "" : page.nextKeyMarker(), encoding))
                .element("NextUploadIdMarker", page.nextUploadIdMarker() == null ? "" : page.nextUploadIdMarker())
                .element("Delimiter", ObjectRoutes.enc(delimiter == null ? "" : delimiter, encoding))
                .element("Prefix", ObjectRoutes.enc(prefix == null ? "" : prefix, encoding))
                .element("MaxUploads", maxUploads)
                .element("IsTruncated", page.truncated());
        for (UploadRecord u : page.uploads()) {
            xml.start("Upload")
                    .element("Key", ObjectRoutes.enc(u.key(), encoding))
                    .element("UploadId", u.uploadId())
                    .element("StorageClass", u.storageClass() == null ? "Standard" : u.storageClass())
                    .element("Initiated", Formats.iso(u.initiated()))
                    .end();
        }
        for (String p : page.prefixes()) {
            xml.start("CommonPrefixes")
                    .element("Prefix", ObjectRoutes.enc(p, encoding))
                    .end();
        }
        return Reply.xml(200, xml.end().toXml());
    }

    private static int parse(@Nullable String value, int fallback, int max, String name) {
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= 0 && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below as OSS does
        }
        throw new OssException(
                OssError.INVALID_ARGUMENT,
                "Argument " + name + " is invalid.",
                Map.of("ArgumentName", name, "ArgumentValue", value));
    }
}
