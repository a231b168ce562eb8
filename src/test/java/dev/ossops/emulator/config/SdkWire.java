package dev.ossops.emulator.config;

import com.aliyun.oss.common.comm.ResponseMessage;
import com.aliyun.oss.common.comm.io.FixedLengthInputStream;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Bridges the SDK's own marshallers and response parsers to the codecs under test. */
final class SdkWire {
    private SdkWire() {}

    /** The request body an SDK marshaller produced (the marshallers return a stream or bytes). */
    static byte[] body(Object marshalled) {
        if (marshalled instanceof byte[] bytes) {
            return bytes;
        }
        try (InputStream in = (FixedLengthInputStream) marshalled) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static InputStream stream(BucketConfigCodec.StoredConfig stored) {
        return new ByteArrayInputStream(stored.body());
    }

    /** A 200 response carrying {@code stored}, as the SDK's response parsers receive it. */
    static ResponseMessage response(BucketConfigCodec.StoredConfig stored) {
        ResponseMessage message = new ResponseMessage(null);
        message.setStatusCode(200);
        message.setContent(stream(stored));
        message.setContentLength(stored.body().length);
        message.addHeader("x-oss-request-id", "5C1B138A109F4E405B2D0000");
        return message;
    }

    static String text(BucketConfigCodec.StoredConfig stored) {
        return new String(stored.body(), StandardCharsets.UTF_8);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
