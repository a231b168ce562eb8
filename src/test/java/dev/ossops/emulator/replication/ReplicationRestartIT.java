package dev.ossops.emulator.replication;

import com.aliyun.oss.ClientBuilderConfiguration;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.common.auth.DefaultCredentialProvider;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.AddBucketReplicationRequest;
import com.aliyun.oss.model.ReplicationRule;
import dev.ossops.emulator.Emulator;
import dev.ossops.emulator.EmulatorConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Replication rules are stored with the bucket and keep working after a restart. */
class ReplicationRestartIT {

    private static OSS client(Emulator emulator) {
        ClientBuilderConfiguration conf = new ClientBuilderConfiguration();
        conf.setSignatureVersion(SignVersion.V4);
        conf.setMaxErrorRetry(0);
        return OSSClientBuilder.create()
                .endpoint(emulator.endpoint().toString())
                .credentialsProvider(new DefaultCredentialProvider(
                        emulator.rootKey().id(), emulator.rootKey().secret()))
                .clientConfiguration(conf)
                .region(emulator.config().region())
                .build();
    }

    @Test
    void replicationRules_surviveRestart_andKeepReplicating(@TempDir Path dataDir) throws Exception {
        EmulatorConfig config =
                EmulatorConfig.builder().port(0).dataDir(dataDir).build();
        try (Emulator first = new Emulator(config).start()) {
            OSS oss = client(first);
            try {
                oss.createBucket("restart-src");
                oss.createBucket("restart-dst");
                oss.addBucketReplication(ReplicationIT.rule(
                        "restart-src",
                        "kept",
                        "restart-dst",
                        List.of("p/"),
                        AddBucketReplicationRequest.ReplicationAction.ALL,
                        false));
            } finally {
                oss.shutdown();
            }
        }
        try (Emulator second = new Emulator(config).start()) {
            OSS oss = client(second);
            try {
                List<ReplicationRule> rules = oss.getBucketReplication("restart-src");
                assertEquals(1, rules.size());
                assertEquals("kept", rules.get(0).getReplicationRuleID());
                assertEquals(List.of("p/"), rules.get(0).getObjectPrefixList());
                oss.putObject(
                        "restart-src",
                        "p/new.txt",
                        new ByteArrayInputStream("after restart".getBytes(StandardCharsets.UTF_8)));
                ReplicationIT.await(
                        "p/new.txt replicated after restart", () -> oss.doesObjectExist("restart-dst", "p/new.txt"));
            } finally {
                oss.shutdown();
            }
        }
    }
}
