package dev.ossops.emulator.store;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class KeyRecordJsonTest {
    private final ObjectMapper json =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private static ObjectVersion plain(String key) {
        return new ObjectVersion(
                "null",
                false,
                "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0",
                16_384,
                "E8060CB661A8A0523477D9B2B0ED23BF",
                "1234567890123456789",
                1_765_000_000_000L,
                "Normal",
                "Standard",
                "default",
                Map.of("Content-Type", "application/octet-stream", "Cache-Control", "no-cache"),
                Map.of("owner", "ünïcødé \"quoted\" \\ back\tslash\u0001"),
                Map.of("k" + key, "v"));
    }

    private void assertSameAsJackson(KeyRecord record) throws IOException {
        byte[] written = KeyRecordJson.write(json.getFactory(), record);
        assertEquals(json.writeValueAsString(record), new String(written, StandardCharsets.UTF_8));
        assertEquals(record, json.readValue(written, KeyRecord.class));
    }

    @Test
    void write_plainVersion_isJacksonsBytes() throws IOException {
        assertSameAsJackson(new KeyRecord("dir/f00001.bin", List.of(plain("a"))));
    }

    @Test
    void write_everyOptionalFieldAndSeveralVersions_isJacksonsBytes() throws IOException {
        ObjectVersion marker = new ObjectVersion(
                "CAEQ1", true, null, 0, null, null, 1L, null, null, "default", Map.of(), Map.of(), Map.of());
        ObjectVersion symlink = new ObjectVersion(
                "CAEQ2",
                false,
                null,
                0,
                "ETAG",
                null,
                2L,
                ObjectVersion.SYMLINK,
                "IA",
                "private",
                Map.of(),
                Map.of(),
                Map.of(),
                "target/ключ",
                null,
                null);
        ObjectVersion sealedRestored = new ObjectVersion(
                "CAEQ3",
                false,
                "11111111-2222-3333-4444-555555555555",
                7,
                "E",
                "9",
                3L,
                ObjectVersion.APPENDABLE,
                "Archive",
                "public-read",
                Map.of("Content-Type", "text/plain"),
                Map.of(),
                Map.of("a", "b"),
                null,
                4L,
                new RestoreState(5L, 6L));
        assertSameAsJackson(
                new KeyRecord("key with \"quotes\", \n new line and 表", List.of(marker, symlink, sealedRestored)));
    }
}
