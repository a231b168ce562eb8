package dev.ossops.apply.bucket;

import com.fasterxml.jackson.databind.node.NullNode;
import dev.ossops.apply.Step;
import dev.ossops.cloud.CloudTarget;
import dev.ossops.cloud.Retry;
import dev.ossops.cloud.credentials.EnvCredentialSource;
import dev.ossops.cloud.oss.OssGateway;
import dev.ossops.plan.Action;
import dev.ossops.plan.Address;
import dev.ossops.plan.Change;
import dev.ossops.spec.ProfileLoader;
import dev.ossops.spec.model.Profile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.ossops.plan.Address.Kind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which step each bucket change becomes; no call is made (the gateway points at an unused local port). */
class BucketStepFactoryTest {
    private final OssGateway gateway = new OssGateway(
            CloudTarget.single(URI.create("http://127.0.0.1:9"), "cn-beijing", new EnvCredentialSource(Map.of())),
            Retry.standard(),
            1);
    private final BucketStepFactory factory = new BucketStepFactory(gateway);
    private final Profile profile = new ProfileLoader()
            .load(Path.of("src/test/resources/spec/full/profile.yaml"))
            .profile()
            .orElseThrow();

    @AfterEach
    void close() {
        gateway.close();
    }

    private static Change change(Address address, Action action, Address... dependsOn) {
        return new Change(
                address,
                action,
                NullNode.getInstance(),
                NullNode.getInstance(),
                List.of(),
                List.of(),
                List.of(),
                List.of(dependsOn));
    }

    private Step only(Change change) {
        List<Step> steps = factory.steps(change, profile);
        assertEquals(1, steps.size());
        return steps.get(0);
    }

    private String describe(Change change) {
        return only(change).describe();
    }

    private String bucket() {
        return profile.buckets().keySet().iterator().next();
    }

    @Test
    void steps_presentConfigurations_putCalls() {
        String b = bucket();
        Address bucket = Address.of(Kind.BUCKET, b);
        assertInstanceOf(CreateBucketStep.class, only(change(bucket, Action.CREATE)));
        assertEquals("PutBucketLifecycle " + b, describe(change(Address.of(Kind.LIFECYCLE, b), Action.UPDATE, bucket)));
        assertEquals("PutBucketCors " + b, describe(change(Address.of(Kind.CORS, b), Action.CREATE, bucket)));
        assertEquals("PutBucketPolicy " + b, describe(change(Address.of(Kind.POLICY, b), Action.CREATE, bucket)));
        Step tags = only(change(Address.of(Kind.TAGS, b), Action.UPDATE, bucket));
        assertEquals("PutBucketTags " + b, tags.describe());
        assertEquals(List.of(bucket), tags.dependsOn());
    }

    @Test
    void steps_explicitlyEmptyConfigurations_deleteCalls() {
        String logs = "logs-bucket";
        assertEquals("DeleteBucketCors " + logs, describe(change(Address.of(Kind.CORS, logs), Action.DELETE)));
        assertEquals(
                "DeleteBucketLifecycle " + logs, describe(change(Address.of(Kind.LIFECYCLE, logs), Action.DELETE)));
        assertEquals("DeleteBucketPolicy " + logs, describe(change(Address.of(Kind.POLICY, logs), Action.DELETE)));
        assertEquals("DeleteBucketTags " + logs, describe(change(Address.of(Kind.TAGS, logs), Action.DELETE)));
        assertEquals(
                "DeleteBucketEncryption " + logs, describe(change(Address.of(Kind.ENCRYPTION, logs), Action.DELETE)));
        assertEquals("DeleteBucketLogging " + logs, describe(change(Address.of(Kind.LOGGING, logs), Action.DELETE)));
        assertEquals("PutBucketReferer " + logs, describe(change(Address.of(Kind.REFERER, logs), Action.DELETE)));
    }

    @Test
    void steps_replicationRules_addReplaceDelete() {
        String b = bucket();
        assertEquals(
                "PutBucketReplication to-dr on " + b,
                describe(change(Address.of(Kind.REPLICATION_RULE, b, "to-dr"), Action.CREATE)));
        Step replace = only(change(Address.of(Kind.REPLICATION_RULE, b, "to-dr"), Action.REPLACE));
        assertEquals("DeleteBucketReplication+PutBucketReplication to-dr on " + b, replace.describe());
        Step delete = only(change(Address.of(Kind.REPLICATION_RULE, b, "stray"), Action.DELETE));
        assertEquals("DeleteBucketReplication stray on " + b, delete.describe());
    }

    @Test
    void steps_noOp_none() {
        assertEquals(List.of(), factory.steps(change(Address.of(Kind.TAGS, bucket()), Action.NOOP), profile));
    }

    @Test
    void steps_bucketReplace_stepThatFailsWithWhy() {
        Step step = only(change(Address.of(Kind.BUCKET, bucket()), Action.REPLACE));

        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, step::run);
        assertEquals("ossops never deletes or replaces a bucket", e.getMessage());
    }

    @Test
    void handles_bucketKindsOnly() {
        assertTrue(factory.handles(change(Address.of(Kind.ACL, "b"), Action.UPDATE)));
        assertFalse(factory.handles(change(Address.of(Kind.RAM_ROLE, "r"), Action.CREATE)));
        assertFalse(factory.handles(change(Address.of(Kind.REPLICATION, "b"), Action.NOOP)));
    }
}
