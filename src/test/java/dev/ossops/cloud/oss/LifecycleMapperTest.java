package dev.ossops.cloud.oss;

import com.aliyun.oss.model.LifecycleFilter;
import dev.ossops.spec.model.LifecycleRule;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LifecycleMapperTest {

    private static LifecycleRule full() {
        return new LifecycleRule(
                "archive",
                "uploads/",
                true,
                List.of(new LifecycleRule.Not(
                        Optional.of("uploads/keep/"), Optional.of(new LifecycleRule.Tag("k", "v")))),
                List.of(new LifecycleRule.Tag("team", "media")),
                Optional.of(new LifecycleRule.Expiration(
                        Optional.of(365L), Optional.empty(), Optional.empty(), Optional.empty())),
                List.of(new LifecycleRule.Transition(Optional.of(30L), Optional.empty(), "IA", true, true, false)),
                Optional.empty(),
                Optional.of(30L),
                List.of(new LifecycleRule.NoncurrentTransition(10, "Archive", false, false)));
    }

    @Test
    void toSdkThenBack_fullRule_roundTrips() {
        assertEquals(full(), LifecycleMapper.fromSdk(LifecycleMapper.toSdk(full())));
    }

    @Test
    void toSdkThenBack_dates_comeBackAsOssFormats() {
        LifecycleRule dated = new LifecycleRule(
                "old",
                "tmp/",
                false,
                List.of(),
                List.of(),
                Optional.of(new LifecycleRule.Expiration(
                        Optional.empty(), Optional.of("2026-01-01"), Optional.empty(), Optional.empty())),
                List.of(),
                Optional.of(new LifecycleRule.AbortMultipartUpload(
                        Optional.empty(), Optional.of("2025-06-30T00:00:00.000Z"))),
                Optional.empty(),
                List.of());

        LifecycleRule back = LifecycleMapper.fromSdk(LifecycleMapper.toSdk(dated));

        assertEquals(
                Optional.of("2026-01-01T00:00:00.000Z"),
                back.expiration().orElseThrow().createdBeforeDate());
        assertEquals(
                Optional.of("2025-06-30T00:00:00.000Z"),
                back.abortMultipartUpload().orElseThrow().createdBeforeDate());
        assertEquals(false, back.enabled());
    }

    @Test
    void fromSdk_sizeFilter_unrepresentable() {
        com.aliyun.oss.model.LifecycleRule sdk = LifecycleMapper.toSdk(full());
        LifecycleFilter filter = new LifecycleFilter();
        filter.setObjectSizeGreaterThan(1024L);
        sdk.setFilter(filter);

        UnrepresentableException e = assertThrows(UnrepresentableException.class, () -> LifecycleMapper.fromSdk(sdk));

        assertEquals("lifecycle rule archive filters by object size, which a profile cannot express", e.getMessage());
    }
}
