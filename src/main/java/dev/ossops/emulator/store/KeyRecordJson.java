package dev.ossops.emulator.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.jspecify.annotations.Nullable;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;

/**
 * Writes a {@link KeyRecord} as the store's {@code ObjectMapper} does (the same fields, in the same order, nulls
 * included, through Jackson's own generator, so the same bytes; {@code KeyRecordJsonTest} holds the two to that),
 * without the reflection: Jackson's record serialisation called every accessor through {@code Method.invoke},
 * 8% of the emulator's CPU on small PUTs, which rewrite their key's record each time. Reading stays with Jackson.
 */
final class KeyRecordJson {
    private KeyRecordJson() {}

    static byte[] write(JsonFactory factory, KeyRecord record) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator g = factory.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("key", record.key());
            g.writeArrayFieldStart("versions");
            for (ObjectVersion v : record.versions()) {
                version(g, v);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return out.toByteArray();
    }

    private static void version(JsonGenerator g, ObjectVersion v) throws IOException {
        g.writeStartObject();
        g.writeStringField("versionId", v.versionId());
        g.writeBooleanField("deleteMarker", v.deleteMarker());
        g.writeStringField("blob", v.blob());
        g.writeNumberField("size", v.size());
        g.writeStringField("etag", v.etag());
        g.writeStringField("crc64", v.crc64());
        g.writeNumberField("lastModified", v.lastModified());
        g.writeStringField("type", v.type());
        g.writeStringField("storageClass", v.storageClass());
        g.writeStringField("acl", v.acl());
        map(g, "headers", v.headers());
        map(g, "userMeta", v.userMeta());
        map(g, "tags", v.tags());
        g.writeStringField("symlinkTarget", v.symlinkTarget());
        Long sealed = v.sealedTime();
        if (sealed == null) {
            g.writeNullField("sealedTime");
        } else {
            g.writeNumberField("sealedTime", sealed);
        }
        @Nullable RestoreState restore = v.restore();
        if (restore == null) {
            g.writeNullField("restore");
        } else {
            g.writeObjectFieldStart("restore");
            g.writeNumberField("completesAt", restore.completesAt());
            g.writeNumberField("expiresAt", restore.expiresAt());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void map(JsonGenerator g, String name, Map<String, String> values) throws IOException {
        g.writeObjectFieldStart(name);
        for (Map.Entry<String, String> e : values.entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }
}
