package dev.ossops.upload;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UploadReportTest {
    private static final UploadReport REPORT = new UploadReport(
            "bkt",
            "qwencloud-uploads/2026-03-04/u_a \"b\".png",
            1234,
            0x995DC9BBDF1939FAL,
            "\"5B3C1A2E053D763E1B002CC607C5A0FE\"",
            "https://bkt.oss-cn-beijing.aliyuncs.com/qwencloud-uploads/2026-03-04/u_a%20%22b%22.png?x-oss-signature=abc",
            Instant.parse("2026-03-05T05:06:07Z"));

    @Test
    void toJsonLine_fieldsInOrderWithUnsignedCrc() {
        assertEquals(
                "{\"bucket\":\"bkt\",\"key\":\"qwencloud-uploads/2026-03-04/u_a \\\"b\\\".png\",\"size\":1234,"
                        + "\"crc64\":\"11051210869376104954\",\"etag\":\"\\\"5B3C1A2E053D763E1B002CC607C5A0FE\\\"\","
                        + "\"url\":\"https://bkt.oss-cn-beijing.aliyuncs.com/qwencloud-uploads/2026-03-04/u_a%20%22b%22.png?x-oss-signature=abc\","
                        + "\"expires_at\":\"2026-03-05T05:06:07Z\"}",
                REPORT.toJsonLine());
    }

    @Test
    void toString_masksTheUrl() {
        assertEquals(
                "UploadReport[bkt/qwencloud-uploads/2026-03-04/u_a \"b\".png, 1234 bytes, crc64 11051210869376104954,"
                        + " url https://bkt.oss-cn-beijing.aliyuncs.com/qwencloud-uploads/2026-03-04/u_a%20%22b%22.png?…,"
                        + " expires 2026-03-05T05:06:07Z]",
                REPORT.toString());
    }

    @Test
    void toJsonLine_isWhatJacksonWritesForTheSameObject() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper jackson = new com.fasterxml.jackson.databind.ObjectMapper();
        java.util.Random random = new java.util.Random(16);
        for (int i = 0; i < 20_000; i++) {
            UploadReport report = new UploadReport(
                    text(random),
                    text(random),
                    random.nextLong(),
                    random.nextLong(),
                    text(random),
                    text(random),
                    Instant.ofEpochSecond(random.nextInt(Integer.MAX_VALUE)));
            com.fasterxml.jackson.databind.node.ObjectNode node = jackson.createObjectNode();
            node.put("bucket", report.bucket());
            node.put("key", report.key());
            node.put("size", report.size());
            node.put("crc64", dev.ossops.checksum.Crc64.format(report.crc64()));
            node.put("etag", report.etag());
            node.put("url", report.url());
            node.put("expires_at", report.expiresAt().toString());
            assertEquals(jackson.writeValueAsString(node), report.toJsonLine());
        }
    }

    /** Any UTF-16 code units up to U+00FF, quotes, backslashes, some beyond (lone surrogates too). */
    private static String text(java.util.Random random) {
        StringBuilder out = new StringBuilder();
        for (int n = random.nextInt(12); n > 0; n--) {
            out.append(
                    switch (random.nextInt(4)) {
                        case 0 -> (char) random.nextInt(0x100);
                        case 1 -> random.nextBoolean() ? '"' : '\\';
                        case 2 -> (char) random.nextInt(0x10000);
                        default -> (char) ('a' + random.nextInt(26));
                    });
        }
        return out.toString();
    }
}
