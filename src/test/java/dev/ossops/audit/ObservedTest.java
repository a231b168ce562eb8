package dev.ossops.audit;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ObservedTest {

    @Test
    void unreadable_reasonWithAccessKeyId_masked() {
        assertEquals(
                Optional.of("InvalidAccessKeyId: LTAI…wxyz is disabled"),
                Observed.unreadable("InvalidAccessKeyId: LTAI5tAbCdEfGhIjKlwxyz is disabled")
                        .unreadableReason());
    }

    @Test
    void unreadable_reasonWithPresignedUrlAndToken_signatureAndTokenRemoved() {
        String reason = Observed.unreadable("GET https://b.oss-cn-beijing.aliyuncs.com/k?OSSAccessKeyId=STS.NUabc123456"
                        + "&Expires=1&Signature=abc%2Fdef&security-token=CAISabcdefghijklmnopqrstuvwxyz0123 failed")
                .unreadableReason()
                .orElseThrow();
        assertEquals("GET https://b.oss-cn-beijing.aliyuncs.com/k?… failed", reason);
    }

    @Test
    void unreadable_bareStsToken_removed() {
        assertEquals(
                Optional.of("token (STS token not shown) expired"),
                Observed.unreadable("token CAISabcdefghijklmnopqrstuvwxyz0123456789 expired")
                        .unreadableReason());
    }

    @Test
    void unreadable_plainReason_unchanged() {
        assertEquals(
                Optional.of("AccessDenied (403)"),
                Observed.unreadable("AccessDenied (403)").unreadableReason());
    }

    @Test
    void value_foundAbsentUnreadable() {
        assertEquals(Optional.of("x"), Observed.found("x").value());
        assertEquals(Optional.empty(), Observed.absent().value());
        assertEquals(Optional.empty(), Observed.unreadable("r").value());
    }
}
