package dev.ossops.emulator.service;

import dev.ossops.emulator.error.OssException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class NamesTest {
    @ParameterizedTest
    @ValueSource(
            strings = {"abc", "a-b-c", "0bucket9", "a23456789012345678901234567890123456789012345678901234567890123"})
    void checkBucket_validNames_pass(String name) {
        assertDoesNotThrow(() -> Names.checkBucket(name));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ab",
                "Abc",
                "a_b",
                "-abc",
                "abc-",
                "a.b",
                "a234567890123456789012345678901234567890123456789012345678901234"
            })
    void checkBucket_invalidNames_areInvalidBucketName(String name) {
        OssException e = assertThrows(OssException.class, () -> Names.checkBucket(name));
        assertEquals("InvalidBucketName", e.error().code());
        assertEquals(name, e.details().get("BucketName"));
    }

    @Test
    void checkKey_byteLengthLimits() {
        assertDoesNotThrow(() -> Names.checkKey("a".repeat(1023)));
        assertEquals(
                "InvalidObjectName",
                assertThrows(OssException.class, () -> Names.checkKey("ü".repeat(512)))
                        .error()
                        .code());
        assertEquals(
                "InvalidObjectName",
                assertThrows(OssException.class, () -> Names.checkKey(""))
                        .error()
                        .code());
        assertEquals(
                "InvalidObjectName",
                assertThrows(OssException.class, () -> Names.checkKey("/lead"))
                        .error()
                        .code());
        assertEquals(
                "InvalidObjectName",
                assertThrows(OssException.class, () -> Names.checkKey("\\lead"))
                        .error()
                        .code());
    }

    @Test
    void checkAcl_defaultOnlyForObjects() {
        assertEquals("default", Names.checkAcl("default", true));
        OssException e = assertThrows(OssException.class, () -> Names.checkAcl("default", false));
        assertEquals("no such bucket access control exists", e.getMessage());
    }
}
