package dev.ossops.emulator;

import com.aliyun.oss.ClientBuilderConfiguration;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.common.auth.DefaultCredentialProvider;
import com.aliyun.oss.common.comm.SignVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One emulator endpoint serves every region: a V4 signature's region stands in for the regional
 * endpoint the request would have gone to, so buckets land in the region their client names.
 */
@ExtendWith(EmulatorExtension.class)
class BucketRegionIT {

    private static OSS clientFor(EmulatorClients clients, String region) {
        ClientBuilderConfiguration conf = new ClientBuilderConfiguration();
        conf.setSignatureVersion(SignVersion.V4);
        return OSSClientBuilder.create()
                .endpoint(clients.endpoint().toString())
                .credentialsProvider(new DefaultCredentialProvider(clients.keyId(), clients.secret()))
                .clientConfiguration(conf)
                .region(region)
                .build();
    }

    @Test
    void putBucket_v4SignedForAnotherRegion_livesThere(EmulatorClients clients) {
        OSS shanghai = clientFor(clients, "cn-shanghai");
        try {
            shanghai.createBucket("region-shanghai");
            assertEquals("oss-cn-shanghai", shanghai.getBucketLocation("region-shanghai"));
            assertEquals(
                    "oss-cn-shanghai",
                    shanghai.getBucketInfo("region-shanghai").getBucket().getLocation());
        } finally {
            shanghai.shutdown();
        }
    }

    @Test
    void putBucket_v1_livesInTheEmulatorsRegion(EmulatorClients clients) {
        clients.v1().createBucket("region-default");
        assertEquals("oss-" + clients.region(), clients.v1().getBucketLocation("region-default"));
    }
}
