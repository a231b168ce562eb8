package dev.ossops.emulator.service;

import dev.ossops.emulator.auth.Caller;
import dev.ossops.emulator.auth.Principal;
import dev.ossops.emulator.error.OssException;
import dev.ossops.emulator.store.BucketRecord;
import dev.ossops.emulator.store.ObjectVersion;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AccessControlTest {
    private static final String ACCOUNT = "1680000000000001";
    private static final AccessControl ACCESS = new AccessControl(ACCOUNT);
    private static final Caller ANONYMOUS = Caller.anonymous();
    private static final Caller ROOT = Caller.of(Principal.root(ACCOUNT));
    private static final Caller OTHER_ROOT = Caller.of(Principal.root("9990000000000009"));

    private static BucketRecord bucket(String acl) {
        return new BucketRecord("b", ACCOUNT, 0, "cn-hangzhou", "Standard", "LRS", acl, null);
    }

    private static ObjectVersion object(String acl) {
        return new ObjectVersion("null", false, null, 0, "E", "0", 0, "Normal", "Standard", acl, Map.of(), Map.of(), Map.of());
    }

    private static String denied(Runnable check) {
        return assertThrows(OssException.class, check::run).getMessage();
    }

    @Test
    void checkObject_anonymous_followsObjectAclThenBucketAcl() {
        assertDoesNotThrow(() -> ACCESS.checkObject(ANONYMOUS, bucket("private"), "k", object("public-read"), OssAction.GET_OBJECT));
        assertEquals("You have no right to access this object because of bucket acl.",
                denied(() -> ACCESS.checkObject(ANONYMOUS, bucket("public-read"), "k", object("private"), OssAction.GET_OBJECT)));
        assertDoesNotThrow(() -> ACCESS.checkObject(ANONYMOUS, bucket("public-read"), "k", object("default"), OssAction.GET_OBJECT));
        denied(() -> ACCESS.checkObject(ANONYMOUS, bucket("public-read"), "k", null, OssAction.PUT_OBJECT));
        assertDoesNotThrow(() -> ACCESS.checkObject(ANONYMOUS, bucket("public-read-write"), "k", null, OssAction.PUT_OBJECT));
        denied(() -> ACCESS.checkObject(ANONYMOUS, bucket("public-read-write"), "k", object("default"), OssAction.PUT_OBJECT_ACL));
    }

    @Test
    void checkBucket_rootOfTheAccountOnly() {
        assertDoesNotThrow(() -> ACCESS.checkBucket(ROOT, bucket("private"), OssAction.DELETE_BUCKET));
        denied(() -> ACCESS.checkBucket(OTHER_ROOT, bucket("private"), OssAction.LIST_OBJECTS));
        assertDoesNotThrow(() -> ACCESS.checkBucket(OTHER_ROOT, bucket("public-read"), OssAction.LIST_OBJECTS));
    }

    @Test
    void checkAccount_anonymousGetsItsOwnMessage() {
        assertEquals("Anonymous access is forbidden for this operation.",
                denied(() -> ACCESS.checkAccount(ANONYMOUS, OssAction.LIST_BUCKETS)));
        assertDoesNotThrow(() -> ACCESS.checkAccount(ROOT, OssAction.PUT_BUCKET));
    }

    @Test
    void bucketConfiguration_namesTheRamAction() {
        assertEquals(new OssAction("oss:GetBucketCors", Permission.OWNER), OssAction.bucketConfiguration("Get", "cors"));
        assertEquals("oss:PutBucketPublicAccessBlock", OssAction.bucketConfiguration("Put", "publicAccessBlock").name());
    }
}
