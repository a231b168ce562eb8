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
}
