package dev.ossops.cli;

import dev.ossops.upload.UploadException;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GetCommandTest {
    @Test
    void regionOf_publicAndInternalEndpoints_nameTheRegion() {
        assertEquals("cn-beijing", GetCommand.regionOf("oss-cn-beijing.aliyuncs.com"));
        assertEquals("ap-southeast-1", GetCommand.regionOf("oss-ap-southeast-1-internal.aliyuncs.com"));
    }

    @Test
    void regionOf_endpointWithoutRegion_isRefused() {
        UploadException e = assertThrows(UploadException.class, () -> GetCommand.regionOf("oss.aliyuncs.com"));
        assertEquals("cannot tell the region of endpoint oss.aliyuncs.com", e.getMessage());
    }

    @Test
    void summary_countsAndDuration_readAsOneLine() {
        assertEquals(
                "uploaded 3, skipped 1, failed 2 in 1.5s", UploadCommand.summary(3, 1, 2, Duration.ofMillis(1500)));
    }
}
