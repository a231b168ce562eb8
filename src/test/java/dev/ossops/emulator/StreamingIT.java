package dev.ossops.emulator;

import com.aliyun.oss.ClientBuilderConfiguration;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.common.auth.DefaultCredentialProvider;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.ObjectMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Bodies stream: an emulator JVM with a 32 MiB heap stores and serves an object eight times that size. */
class StreamingIT {
    private static final long SIZE = 256L * 1024 * 1024;

    /** Deterministic bytes, generated on the fly so the test JVM holds none of them either. */
    private static final class Generated extends InputStream {
        private long left;
        private int state = 12345;
        private final MessageDigest md5;

        Generated(long size, MessageDigest md5) {
            this.left = size;
            this.md5 = md5;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            for (int i = 0; i < n; i++) {
                state = state * 1103515245 + 12345;
                b[off + i] = (byte) (state >>> 16);
            }
            md5.update(b, off, n);
            left -= n;
            return n;
        }
    }

    @Test
    void putAndGet_objectEightTimesTheHeap_streamWithoutRunningOutOfMemory(@TempDir Path dataDir) throws Exception {
        try (EmulatorProcess emulator = EmulatorProcess.start(List.of("-Xmx32m"), dataDir)) {
            ClientBuilderConfiguration conf = new ClientBuilderConfiguration();
            conf.setSignatureVersion(SignVersion.V4);
            conf.setMaxErrorRetry(0);
            OSS oss = OSSClientBuilder.create()
                    .endpoint(emulator.endpoint().toString())
                    .credentialsProvider(new DefaultCredentialProvider(
                            emulator.rootKey().id(), emulator.rootKey().secret()))
                    .clientConfiguration(conf)
                    .region(EmulatorDefaults.REGION)
                    .build();
            try {
                oss.createBucket("stream");
                MessageDigest sent = MessageDigest.getInstance("MD5");
                ObjectMetadata meta = new ObjectMetadata();
                meta.setContentLength(SIZE);
                String etag = oss.putObject("stream", "big.bin", new Generated(SIZE, sent), meta)
                        .getETag();
                String expected = HexFormat.of().withUpperCase().formatHex(sent.digest());
                assertEquals(expected, etag);

                MessageDigest received = MessageDigest.getInstance("MD5");
                long total = 0;
                try (InputStream in = oss.getObject("stream", "big.bin").getObjectContent()) {
                    byte[] buffer = new byte[64 * 1024];
                    for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                        received.update(buffer, 0, n);
                        total += n;
                    }
                }
                assertEquals(SIZE, total);
                assertEquals(expected, HexFormat.of().withUpperCase().formatHex(received.digest()));
            } finally {
                oss.shutdown();
            }
        }
    }
}
