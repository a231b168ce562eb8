package dev.ossops.upload;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LostInitiationsTest {
    private static final Instant SENT = Instant.parse("2026-11-21T20:00:10.700Z");
    private static final ObjectStore.LostAnswer LOST =
            new ObjectStore.LostAnswer(SENT, Instant.parse("2026-11-21T20:00:11.200Z"));

    private static ObjectStore.PendingUpload upload(String id, String initiated) {
        return new ObjectStore.PendingUpload(id, Instant.parse(initiated));
    }

    @Test
    void orphans_initiatedDuringTheLostAttempt_found() {
        assertEquals(
                List.of("during"),
                LostInitiations.orphans(
                        List.of(LOST), List.of(upload("during", "2026-11-21T20:00:11Z")), Optional.empty()));
    }

    @Test
    void orphans_wholeSecondBeforeTheSendingMillisecond_found() {
        // OSS reports whole seconds: an upload created at 10.9 s shows 10 s, before the attempt was sent at 10.7 s.
        assertEquals(
                List.of("same-second"),
                LostInitiations.orphans(
                        List.of(LOST), List.of(upload("same-second", "2026-11-21T20:00:10Z")), Optional.empty()));
    }

    @Test
    void orphans_withinTheClockSkewOnEitherSide_found() {
        assertEquals(
                List.of("early", "late"),
                LostInitiations.orphans(
                        List.of(LOST),
                        List.of(upload("early", "2026-11-21T20:00:08Z"), upload("late", "2026-11-21T20:00:13.200Z")),
                        Optional.empty()));
    }

    @Test
    void orphans_beyondTheClockSkew_kept() {
        assertEquals(
                List.of(),
                LostInitiations.orphans(
                        List.of(LOST),
                        List.of(
                                upload("before", "2026-11-21T20:00:07.999Z"),
                                upload("after", "2026-11-21T20:00:13.201Z"),
                                upload("yesterday", "2026-11-20T20:00:11Z")),
                        Optional.empty()));
    }

    @Test
    void orphans_theUploadGoneOnWith_kept() {
        assertEquals(
                List.of("lost"),
                LostInitiations.orphans(
                        List.of(LOST),
                        List.of(upload("lost", "2026-11-21T20:00:11Z"), upload("used", "2026-11-21T20:00:11Z")),
                        Optional.of("used")));
    }

    @Test
    void orphans_severalLostAttempts_eachWindowAlone() {
        ObjectStore.LostAnswer later = new ObjectStore.LostAnswer(
                Instant.parse("2026-11-21T20:00:30.100Z"), Instant.parse("2026-11-21T20:00:30.400Z"));
        // Between the two windows (a retry's backoff) an upload is someone else's.
        assertEquals(
                List.of("first", "second"),
                LostInitiations.orphans(
                        List.of(LOST, later),
                        List.of(
                                upload("first", "2026-11-21T20:00:11Z"),
                                upload("between", "2026-11-21T20:00:20Z"),
                                upload("second", "2026-11-21T20:00:30Z")),
                        Optional.empty()));
    }

    @Test
    void orphans_noLostAttempt_none() {
        assertEquals(
                List.of(),
                LostInitiations.orphans(List.of(), List.of(upload("any", "2026-11-21T20:00:11Z")), Optional.empty()));
    }
}
