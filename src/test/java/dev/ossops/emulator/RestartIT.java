package dev.ossops.emulator;

import com.aliyun.oss.ClientBuilderConfiguration;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.common.auth.DefaultCredentialProvider;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.BucketVersioningConfiguration;
import com.aliyun.oss.model.CannedAccessControlList;
import com.aliyun.oss.model.CompleteMultipartUploadRequest;
import com.aliyun.oss.model.ListMultipartUploadsRequest;
import com.aliyun.oss.model.ListPartsRequest;
import com.aliyun.oss.model.MultipartUpload;
import com.aliyun.oss.model.ObjectMetadata;
import com.aliyun.oss.model.PartETag;
import com.aliyun.oss.model.PartSummary;
import com.aliyun.oss.model.SetBucketVersioningRequest;
import dev.ossops.emulator.datadir.RootKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A killed emulator (SIGKILL, separate JVM) restarts on its data directory with everything in place. */
class RestartIT {
    private static final int PART = 100 * 1024;

    private static OSS client(URI endpoint, RootKey key) {
        ClientBuilderConfiguration conf = new ClientBuilderConfiguration();
        conf.setSignatureVersion(SignVersion.V4);
        conf.setMaxErrorRetry(0);
        return OSSClientBuilder.create()
                .endpoint(endpoint.toString())
                .credentialsProvider(new DefaultCredentialProvider(key.id(), key.secret()))
                .clientConfiguration(conf)
                .region(EmulatorDefaults.REGION)
                .build();
    }

    @Test
    void killedEmulator_restartsWithBucketsObjectsAndUploads(@TempDir Path dataDir) throws Exception {
        byte[] part1 = MultipartApiIT.random(PART, 1);
        byte[] part2 = MultipartApiIT.random(PART, 2);
        byte[] part3 = MultipartApiIT.random(33, 3);
        String uploadId;
        String versionId;
        try (EmulatorProcess first = EmulatorProcess.start(dataDir)) {
            OSS oss = client(first.endpoint(), first.rootKey());
            try {
                oss.createBucket("kept");
                oss.setBucketAcl("kept", CannedAccessControlList.PublicRead);
                oss.setBucketVersioning(
                        new SetBucketVersioningRequest("kept", new BucketVersioningConfiguration("Enabled")));
                ObjectMetadata meta = new ObjectMetadata();
                meta.addUserMetadata("note", "survives");
                meta.setContentType("text/plain");
                versionId = oss.putObject(
                                "kept", "a.txt", new ByteArrayInputStream("v1".getBytes(StandardCharsets.UTF_8)))
                        .getVersionId();
                oss.putObject("kept", "a.txt", new ByteArrayInputStream("v2".getBytes(StandardCharsets.UTF_8)), meta);
                uploadId = MultipartApiIT.initiate(oss, "kept", "big.bin");
                MultipartApiIT.upload(oss, "kept", "big.bin", uploadId, 1, part1);
                MultipartApiIT.upload(oss, "kept", "big.bin", uploadId, 2, part2);
            } finally {
                oss.shutdown();
            }
            first.kill();
        }

        try (EmulatorProcess second = EmulatorProcess.start(dataDir)) {
            OSS oss = client(second.endpoint(), second.rootKey());
            try {
                assertEquals(
                        CannedAccessControlList.PublicRead,
                        oss.getBucketAcl("kept").getCannedACL());
                assertEquals("Enabled", oss.getBucketVersioning("kept").getStatus());
                assertEquals(
                        "v2", new String(ObjectApiIT.read(oss.getObject("kept", "a.txt")), StandardCharsets.UTF_8));
                assertEquals(
                        "survives",
                        oss.getObjectMetadata("kept", "a.txt").getUserMetadata().get("note"));
                assertEquals(
                        "v1",
                        new String(
                                ObjectApiIT.read(oss.getObject(
                                        new com.aliyun.oss.model.GetObjectRequest("kept", "a.txt", versionId))),
                                StandardCharsets.UTF_8));

                List<MultipartUpload> uploads = oss.listMultipartUploads(new ListMultipartUploadsRequest("kept"))
                        .getMultipartUploads();
                assertEquals(
                        List.of(uploadId),
                        uploads.stream().map(MultipartUpload::getUploadId).toList());
                List<PartSummary> parts = oss.listParts(new ListPartsRequest("kept", "big.bin", uploadId))
                        .getParts();
                assertEquals(2, parts.size());

                List<PartETag> etags = new ArrayList<>();
                for (PartSummary p : parts) {
                    etags.add(new PartETag(p.getPartNumber(), p.getETag(), p.getSize(), null));
                }
                etags.add(MultipartApiIT.upload(oss, "kept", "big.bin", uploadId, 3, part3));
                oss.completeMultipartUpload(new CompleteMultipartUploadRequest("kept", "big.bin", uploadId, etags));
                ByteArrayOutputStream all = new ByteArrayOutputStream();
                all.write(part1);
                all.write(part2);
                all.write(part3);
                assertArrayEquals(all.toByteArray(), ObjectApiIT.read(oss.getObject("kept", "big.bin")));
            } finally {
                oss.shutdown();
            }
        }
    }
}
