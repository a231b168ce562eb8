package dev.ossops.emulator.cdn;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** URL authentication types A, B and C: signed URLs built by the documented formulas, and what each refusal says. */
class UrlAuthTest {
    private static final String KEY = "Key1ForEdgeTests";
    private static final String BACKUP = "Key2ForEdgeTests";
    /** 2026-08-01T04:00:00Z, which is 12:00 on 2026-08-01 in UTC+8. */
    private static final long SIGNED_AT = 1785556800L;

    private static final Instant WITHIN = Instant.ofEpochSecond(SIGNED_AT + 1800);
    private static final Instant AFTER = Instant.ofEpochSecond(SIGNED_AT + 1801);

    private static UrlAuth auth(String type) {
        return new UrlAuth(type, KEY, BACKUP, 1800);
    }

    private static String typeA(String path, long timestamp, String key) {
        String hash = UrlAuth.md5(path + "-" + timestamp + "-rnd0-0-" + key);
        return "auth_key=" + timestamp + "-rnd0-0-" + hash;
    }

    @Test
    void typeA_signedWithEitherKey_passesWithoutTheSignatureAndKeepsOtherParameters() {
        UrlAuth.Verdict v = auth("type_a").verify("/img/a.jpg", "w=10&" + typeA("/img/a.jpg", SIGNED_AT, KEY), WITHIN);
        assertTrue(v.passed(), v.reason());
        assertEquals("/img/a.jpg", v.path());
        assertEquals("w=10", v.query());
        UrlAuth.Verdict backup = auth("type_a").verify("/img/a.jpg", typeA("/img/a.jpg", SIGNED_AT, BACKUP), WITHIN);
        assertTrue(backup.passed(), backup.reason());
        assertNull(backup.query());
    }

    @Test
    void typeA_refusals_sayWhy() {
        UrlAuth a = auth("type_a");
        assertEquals(
                "URL authentication failed: the request has no auth_key",
                a.verify("/a", null, WITHIN).reason());
        assertEquals(
                "URL authentication failed: auth_key is not <timestamp>-<rand>-<uid>-<md5hash>",
                a.verify("/a", "auth_key=123-abc", WITHIN).reason());
        assertEquals(
                "URL authentication failed: the md5hash does not match",
                a.verify("/other", typeA("/a", SIGNED_AT, KEY), WITHIN).reason());
        assertEquals(
                "URL authentication failed: the md5hash does not match",
                a.verify("/a", typeA("/a", SIGNED_AT, "WrongKeyWrongKey"), WITHIN)
                        .reason());
        assertEquals(
                "URL authentication failed: the URL expired at 2026-08-01T04:30:00Z",
                a.verify("/a", typeA("/a", SIGNED_AT, KEY), AFTER).reason());
        String twice = typeA("/a", SIGNED_AT, KEY);
        assertEquals(
                "URL authentication failed: auth_key appears more than once",
                a.verify("/a", twice + "&" + twice, WITHIN).reason());
    }

    @Test
    void typeB_timeInUtc8_passesWithThePathAfterTheSignature() {
        String hash = UrlAuth.md5(KEY + "202608011200" + "/img/a.jpg");
        UrlAuth.Verdict v = auth("type_b").verify("/202608011200/" + hash + "/img/a.jpg", "x=1", WITHIN);
        assertTrue(v.passed(), v.reason());
        assertEquals("/img/a.jpg", v.path());
        assertEquals("x=1", v.query());
        assertEquals(
                "URL authentication failed: the URL expired at 2026-08-01T04:30:00Z",
                auth("type_b")
                        .verify("/202608011200/" + hash + "/img/a.jpg", null, AFTER)
                        .reason());
    }

    @Test
    void typeB_refusals_sayWhy() {
        UrlAuth b = auth("type_b");
        assertEquals(
                "URL authentication failed: the path is not /<YYYYMMDDHHMM>/<md5hash>/<file>",
                b.verify("/img/a.jpg", null, WITHIN).reason());
        assertEquals(
                "URL authentication failed: 202613011200 is not a time YYYYMMDDHHMM",
                b.verify("/202613011200/" + "0".repeat(32) + "/a", null, WITHIN).reason());
        assertEquals(
                "URL authentication failed: the md5hash does not match",
                b.verify("/202608011200/" + "0".repeat(32) + "/a", null, WITHIN).reason());
    }

    @Test
    void typeC_hexTimestamp_passesWithThePathAfterTheSignature() {
        String hex = Long.toHexString(SIGNED_AT);
        String hash = UrlAuth.md5(BACKUP + "/img/a.jpg" + hex);
        UrlAuth.Verdict v = auth("type_c").verify("/" + hash + "/" + hex + "/img/a.jpg", null, WITHIN);
        assertTrue(v.passed(), v.reason());
        assertEquals("/img/a.jpg", v.path());
        assertEquals(
                "URL authentication failed: the URL expired at 2026-08-01T04:30:00Z",
                auth("type_c")
                        .verify("/" + hash + "/" + hex + "/img/a.jpg", null, AFTER)
                        .reason());
    }

    @Test
    void typeC_refusals_sayWhy() {
        UrlAuth c = auth("type_c");
        String hex = Long.toHexString(SIGNED_AT);
        assertEquals(
                "URL authentication failed: the path is not /<md5hash>/<hex timestamp>/<file>",
                c.verify("/img/a.jpg", null, WITHIN).reason());
        assertEquals(
                "URL authentication failed: the md5hash does not match",
                c.verify("/" + UrlAuth.md5(KEY + "/b.jpg" + hex) + "/" + hex + "/a.jpg", null, WITHIN)
                        .reason());
    }

    @Test
    void typeF_isRefusedWithTheReason() {
        assertEquals(
                "URL authentication type_f is not supported by the emulator's edge",
                auth("type_f").verify("/a", "sign=x&time=1", WITHIN).reason());
    }
}
