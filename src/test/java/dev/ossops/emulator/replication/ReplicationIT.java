package dev.ossops.emulator.replication;

import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.model.AddBucketReplicationRequest;
import com.aliyun.oss.model.BucketReplicationProgress;
import com.aliyun.oss.model.OSSObject;
import com.aliyun.oss.model.ReplicationRule;
import com.aliyun.oss.model.ReplicationStatus;
import dev.ossops.emulator.EmulatorClients;
import dev.ossops.emulator.EmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Data replication through the official SDK: rules, their lifecycle, and the asynchronous copies. */
@ExtendWith(EmulatorExtension.class)
class ReplicationIT {
    private static final Duration WAIT = Duration.ofSeconds(15);

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + WAIT + " waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    static AddBucketReplicationRequest rule(
            String source,
            String id,
            String destination,
            List<String> prefixes,
            AddBucketReplicationRequest.ReplicationAction action,
            boolean historical) {
        AddBucketReplicationRequest request = new AddBucketReplicationRequest(source);
        request.setReplicationRuleID(id);
        request.setTargetBucketName(destination);
        request.setTargetBucketLocation("oss-cn-shanghai");
        request.setObjectPrefixList(prefixes);
        request.setReplicationActionList(List.of(action));
        request.setEnableHistoricalObjectReplication(historical);
        return request;
    }

    private static void put(OSS oss, String bucket, String key, String content) {
        oss.putObject(bucket, key, new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
    }

    private static String read(OSS oss, String bucket, String key) throws IOException {
        try (OSSObject object = oss.getObject(bucket, key);
                InputStream in = object.getObjectContent()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String[] buckets(EmulatorClients clients, String hint) {
        String source = clients.bucketName(hint + "-src");
        String destination = clients.bucketName(hint + "-dst");
        clients.v4().createBucket(source);
        clients.v4().createBucket(destination);
        return new String[] {source, destination};
    }

    @Test
    void addBucketReplication_newObjectsUnderPrefix_areCopiedAsynchronously(EmulatorClients clients) throws Exception {
        OSS oss = clients.v4();
        String[] b = buckets(clients, "repl-new");
        put(oss, b[0], "images/before.jpg", "written before the rule");
        oss.addBucketReplication(rule(
                b[0], "rule-new", b[1], List.of("images/"), AddBucketReplicationRequest.ReplicationAction.ALL, false));

        put(oss, b[0], "images/after.jpg", "written after the rule");
        put(oss, b[0], "docs/other.txt", "outside the prefix");
        await("images/after.jpg in the destination", () -> oss.doesObjectExist(b[1], "images/after.jpg"));
        assertEquals("written after the rule", read(oss, b[1], "images/after.jpg"));
        await(
                "the rule to be doing",
                () -> oss.getBucketReplication(b[0]).get(0).getReplicationStatus() == ReplicationStatus.Doing);
        assertFalse(oss.doesObjectExist(b[1], "docs/other.txt"), "keys outside the prefixes are not replicated");
        assertFalse(oss.doesObjectExist(b[1], "images/before.jpg"), "without historical replication old objects stay");

        put(oss, b[0], "images/after.jpg", "rewritten");
        await("the rewrite in the destination", () -> {
            try {
                return read(oss, b[1], "images/after.jpg").equals("rewritten");
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });

        oss.deleteObject(b[0], "images/after.jpg");
        await("the delete in the destination", () -> !oss.doesObjectExist(b[1], "images/after.jpg"));
    }

    @Test
    void addBucketReplication_historicalEnabled_copiesExistingObjectsAndReportsProgress(EmulatorClients clients)
            throws Exception {
        OSS oss = clients.v4();
        String[] b = buckets(clients, "repl-hist");
        put(oss, b[0], "a.txt", "old a");
        put(oss, b[0], "b.txt", "old b");
        oss.addBucketReplication(
                rule(b[0], "rule-hist", b[1], List.of(), AddBucketReplicationRequest.ReplicationAction.PUT, true));
        await("both objects copied", () -> oss.doesObjectExist(b[1], "a.txt") && oss.doesObjectExist(b[1], "b.txt"));
        assertEquals("old b", read(oss, b[1], "b.txt"));

        await(
                "progress to reach 100%",
                () -> oss.getBucketReplicationProgress(b[0], "rule-hist").getHistoricalObjectProgress() == 1.0f);
        BucketReplicationProgress progress = oss.getBucketReplicationProgress(b[0], "rule-hist");
        assertEquals("rule-hist", progress.getReplicationRuleID());
        assertEquals(b[1], progress.getTargetBucketName());
        assertTrue(progress.isEnableHistoricalObjectReplication());
        assertTrue(progress.getNewObjectProgress() != null);

        // PUT-only rules leave the destination alone when the source object goes.
        oss.deleteObject(b[0], "a.txt");
        put(oss, b[0], "c.txt", "marker");
        await("c.txt copied", () -> oss.doesObjectExist(b[1], "c.txt"));
        assertTrue(oss.doesObjectExist(b[1], "a.txt"));
    }

    @Test
    void getBucketReplication_returnsTheRuleAsAdded(EmulatorClients clients) {
        OSS oss = clients.v4();
        String[] b = buckets(clients, "repl-get");
        oss.addBucketReplication(rule(
                b[0], "rule-get", b[1], List.of("x/", "y/"), AddBucketReplicationRequest.ReplicationAction.ALL, false));
        List<ReplicationRule> rules = oss.getBucketReplication(b[0]);
        assertEquals(1, rules.size());
        ReplicationRule r = rules.get(0);
        assertEquals("rule-get", r.getReplicationRuleID());
        assertEquals(b[1], r.getTargetBucketName());
        assertEquals("oss-cn-shanghai", r.getTargetBucketLocation());
        assertEquals(List.of("x/", "y/"), r.getObjectPrefixList());
        assertFalse(r.isEnableHistoricalObjectReplication());
    }

    @Test
    void deleteBucketReplication_ruleCloses_thenDisappears(EmulatorClients clients) throws Exception {
        OSS oss = clients.v4();
        String[] b = buckets(clients, "repl-del");
        oss.addBucketReplication(
                rule(b[0], "rule-del", b[1], List.of(), AddBucketReplicationRequest.ReplicationAction.ALL, false));
        oss.deleteBucketReplication(b[0], "rule-del");
        await("the rule to be gone", () -> {
            try {
                oss.getBucketReplication(b[0]);
                return false;
            } catch (OSSException e) {
                assertEquals("NoSuchReplicationConfiguration", e.getErrorCode());
                return true;
            }
        });
        put(oss, b[0], "late.txt", "after the rule closed");
        OSSException missingRule =
                assertThrows(OSSException.class, () -> oss.deleteBucketReplication(b[0], "rule-del"));
        assertEquals("NoSuchReplicationConfiguration", missingRule.getErrorCode());
        Thread.sleep(500);
        assertFalse(oss.doesObjectExist(b[1], "late.txt"), "a removed rule copies nothing");
    }

    @Test
    void addBucketReplication_missingDestination_isNoSuchBucket(EmulatorClients clients) {
        OSS oss = clients.v4();
        String source = clients.bucketName("repl-nodest");
        oss.createBucket(source);
        String missing = clients.bucketName("repl-absent");
        OSSException e = assertThrows(
                OSSException.class,
                () -> oss.addBucketReplication(rule(
                        source, "r", missing, List.of(), AddBucketReplicationRequest.ReplicationAction.ALL, false)));
        assertEquals("NoSuchBucket", e.getErrorCode());
        assertEquals("The specified bucket does not exist.", e.getErrorMessage());
        assertTrue(
                e.getRawResponseError().contains("<BucketName>" + missing + "</BucketName>"), e.getRawResponseError());
    }

    @Test
    void getBucketReplicationProgress_unknownRule_isNoSuchReplicationRule(EmulatorClients clients) {
        OSS oss = clients.v4();
        String[] b = buckets(clients, "repl-prog");
        oss.addBucketReplication(
                rule(b[0], "known", b[1], List.of(), AddBucketReplicationRequest.ReplicationAction.ALL, false));
        OSSException e = assertThrows(OSSException.class, () -> oss.getBucketReplicationProgress(b[0], "unknown"));
        assertEquals("NoSuchReplicationRule", e.getErrorCode());
    }

    @Test
    void getBucketReplicationLocation_listsOtherRegions(EmulatorClients clients) {
        OSS oss = clients.v4();
        String bucket = clients.bucketName("repl-loc");
        oss.createBucket(bucket);
        List<String> locations = oss.getBucketReplicationLocation(bucket);
        assertTrue(locations.contains("oss-cn-beijing"), locations.toString());
        assertTrue(locations.contains("oss-us-west-1"), locations.toString());
        assertFalse(
                locations.contains("oss-" + clients.region()),
                "a bucket does not replicate to its own region: " + locations);
    }
}
