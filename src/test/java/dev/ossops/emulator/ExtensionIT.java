package dev.ossops.emulator;

import com.aliyun.oss.OSS;
import com.aliyun.oss.common.comm.SignVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What {@link EmulatorExtension} injects, and the emulator under concurrent clients. */
@ExtendWith(EmulatorExtension.class)
class ExtensionIT {

    @Test
    void parameters_areTheClassEmulatorAndItsClients(
            Emulator emulator, URI endpoint, EmulatorClients clients, OSS v4, @SignedWith(SignVersion.V1) OSS v1) {
        assertEquals(emulator.endpoint(), endpoint);
        assertTrue(endpoint.toString().matches("http://127\\.0\\.0\\.1:\\d+"), endpoint.toString());
        assertSame(clients.v4(), v4);
        assertSame(clients.v1(), v1);
        assertNotSame(v1, v4);
        assertSame(emulator, clients.emulator());
        assertTrue(Files.isDirectory(emulator.config().dataDir()));
        assertTrue(emulator.config().dataDir().getFileName().toString().startsWith("ossops-emulator-"));
    }

    @Test
    void concurrentClients_writeAndListConsistently(EmulatorClients clients) throws Exception {
        String b = clients.bucketName("concurrent");
        clients.v4().createBucket(b);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> writes = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                writes.add(pool.submit(() -> {
                    OSS oss = thread % 2 == 0 ? clients.v1() : clients.v4();
                    for (int i = 0; i < 25; i++) {
                        oss.putObject(b, "t" + thread + "/k" + i, new ByteArrayInputStream(new byte[i]));
                        oss.putObject(b, "shared", new ByteArrayInputStream(new byte[] {(byte) thread}));
                    }
                    return null;
                }));
            }
            for (Future<?> w : writes) {
                w.get();
            }
        } finally {
            pool.shutdown();
        }
        com.aliyun.oss.model.ListObjectsRequest all = new com.aliyun.oss.model.ListObjectsRequest(b);
        all.setMaxKeys(1000);
        assertEquals(
                8 * 25 + 1, clients.v4().listObjects(all).getObjectSummaries().size());
        assertEquals(1, clients.v4().getObjectMetadata(b, "shared").getContentLength());
    }
}
