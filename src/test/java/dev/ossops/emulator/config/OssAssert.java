package dev.ossops.emulator.config;

import dev.ossops.emulator.error.OssError;
import dev.ossops.emulator.error.OssException;
import org.junit.jupiter.api.function.Executable;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Asserts the exact OSS error a call answers with. */
final class OssAssert {
    private OssAssert() {}

    static void assertOssError(OssError error, String message, Map<String, String> details, Executable call) {
        OssException e = assertThrows(OssException.class, call);
        assertAll(
                () -> assertEquals(error, e.error()),
                () -> assertEquals(message, e.getMessage()),
                () -> assertEquals(details, e.details()));
    }

    static void assertInvalid(String message, String argumentName, String argumentValue, Executable call) {
        assertOssError(
                OssError.INVALID_ARGUMENT,
                message,
                Map.of("ArgumentName", argumentName, "ArgumentValue", argumentValue),
                call);
    }

    static void assertMalformed(Executable call) {
        assertOssError(OssError.MALFORMED_XML, OssError.MALFORMED_XML.defaultMessage(), Map.of(), call);
    }
}
