package dev.ossops.plan;

import org.junit.jupiter.api.Test;

import static dev.ossops.plan.Address.Kind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The documented text form of every address kind. */
class AddressTest {

    @Test
    void toString_everyKind_documentedForm() {
        assertEquals("bucket.b", Address.of(Kind.BUCKET, "b").toString());
        assertEquals("bucket.b.acl", Address.of(Kind.ACL, "b").toString());
        assertEquals("bucket.b.versioning", Address.of(Kind.VERSIONING, "b").toString());
        assertEquals("bucket.b.encryption", Address.of(Kind.ENCRYPTION, "b").toString());
        assertEquals(
                "bucket.b.block_public_access",
                Address.of(Kind.BLOCK_PUBLIC_ACCESS, "b").toString());
        assertEquals("bucket.b.cors", Address.of(Kind.CORS, "b").toString());
        assertEquals("bucket.b.lifecycle", Address.of(Kind.LIFECYCLE, "b").toString());
        assertEquals("bucket.b.policy", Address.of(Kind.POLICY, "b").toString());
        assertEquals("bucket.b.tags", Address.of(Kind.TAGS, "b").toString());
        assertEquals("bucket.b.logging", Address.of(Kind.LOGGING, "b").toString());
        assertEquals("bucket.b.referer", Address.of(Kind.REFERER, "b").toString());
        assertEquals("bucket.b.replication", Address.of(Kind.REPLICATION, "b").toString());
        assertEquals(
                "bucket.b.replication.r1",
                Address.of(Kind.REPLICATION_RULE, "b", "r1").toString());
        assertEquals("ram.policy.P", Address.of(Kind.RAM_POLICY, "P").toString());
        assertEquals("ram.role.r", Address.of(Kind.RAM_ROLE, "r").toString());
        assertEquals("ram.user.u", Address.of(Kind.RAM_USER, "u").toString());
        assertEquals(
                "ram.attachments.role.r", Address.of(Kind.ROLE_ATTACHMENTS, "r").toString());
        assertEquals(
                "ram.attachments.user.u", Address.of(Kind.USER_ATTACHMENTS, "u").toString());
        assertEquals(
                "ram.attachment.role.r.P",
                Address.of(Kind.ROLE_ATTACHMENT, "r", "P").toString());
        assertEquals(
                "ram.attachment.user.u.P",
                Address.of(Kind.USER_ATTACHMENT, "u", "P").toString());
        assertEquals(
                "cdn.domain.d.example.com",
                Address.of(Kind.CDN_DOMAIN, "d.example.com").toString());
        assertEquals(
                "cdn.domain.d.example.com.private_oss_auth",
                Address.of(Kind.CDN_PRIVATE_OSS_AUTH, "d.example.com").toString());
        assertEquals(
                "cdn.domain.d.example.com.https",
                Address.of(Kind.CDN_HTTPS, "d.example.com").toString());
        assertEquals(
                "cdn.domain.d.example.com.cache_ttl",
                Address.of(Kind.CDN_CACHE_TTL, "d.example.com").toString());
    }

    @Test
    void parent_configurationAndAttachment_ownerResource() {
        assertEquals(
                Address.of(Kind.BUCKET, "b"),
                Address.of(Kind.REPLICATION_RULE, "b", "r").parent());
        assertEquals(
                Address.of(Kind.RAM_USER, "u"),
                Address.of(Kind.USER_ATTACHMENT, "u", "P").parent());
        assertEquals(
                Address.of(Kind.CDN_DOMAIN, "d"),
                Address.of(Kind.CDN_HTTPS, "d").parent());
    }

    @Test
    void new_nameMissingOrExtra_rejected() {
        assertEquals(
                "REPLICATION_RULE needs a name",
                assertThrows(IllegalArgumentException.class, () -> Address.of(Kind.REPLICATION_RULE, "b"))
                        .getMessage());
        assertEquals(
                "ACL takes no name",
                assertThrows(IllegalArgumentException.class, () -> Address.of(Kind.ACL, "b", "x"))
                        .getMessage());
    }
}
