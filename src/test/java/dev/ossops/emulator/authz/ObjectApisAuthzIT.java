package dev.ossops.emulator.authz;

import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.AppendObjectRequest;
import com.aliyun.oss.model.ObjectMetadata;
import com.aliyun.oss.model.SealAppendObjectRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static dev.ossops.emulator.authz.AuthzFixture.allow;
import static dev.ossops.emulator.authz.AuthzFixture.data;
import static dev.ossops.emulator.authz.AuthzFixture.denied;
import static dev.ossops.emulator.authz.AuthzFixture.document;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The actions the appendable, symlink and restore APIs are authorized with, per OSS's
 * API-to-action table: AppendObject and PutSymlink need oss:PutObject, SealAppendObject
 * oss:SealAppendObject, RestoreObject oss:RestoreObject, reads through a symlink oss:GetObject on
 * the link and on its target.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ObjectApisAuthzIT {
    private AuthzFixture f;
    private OSS root;

    @BeforeAll
    void start(@TempDir Path dir) {
        f = new AuthzFixture(dir);
        root = f.root(SignVersion.V4);
    }

    @AfterAll
    void stop() {
        f.close();
    }

    private static String authAction(OSSException e) {
        String raw = e.getRawResponseError();
        int start = raw.indexOf("<AuthAction>") + "<AuthAction>".length();
        return raw.substring(start, raw.indexOf("</AuthAction>"));
    }

    @Test
    void appendAndPutSymlink_needPutObject_sealNeedsItsOwnAction() {
        root.createBucket("appends");
        OSS writer = f.oss(
                SignVersion.V4, f.user("appender", document(allow("\"oss:PutObject\"", "\"acs:oss:*:*:appends/*\""))));
        AppendObjectRequest append = new AppendObjectRequest(
                "appends", "log.txt", new ByteArrayInputStream("line\n".getBytes(StandardCharsets.UTF_8)));
        append.setPosition(0L);
        writer.appendObject(append);
        writer.createSymlink("appends", "link.txt", "log.txt");
        assertTrue(root.doesObjectExist("appends", "link.txt"));

        OSSException seal = denied(
                () -> writer.sealAppendObject(new SealAppendObjectRequest("appends", "log.txt").withPosition(5L)));
        assertEquals("oss:SealAppendObject", authAction(seal));
        OSS sealer = f.oss(
                SignVersion.V4,
                f.user("sealer", document(allow("\"oss:SealAppendObject\"", "\"acs:oss:*:*:appends/log.txt\""))));
        sealer.sealAppendObject(new SealAppendObjectRequest("appends", "log.txt").withPosition(5L));
    }

    @Test
    void restoreObject_needsRestoreObject() {
        root.createBucket("archives");
        ObjectMetadata archive = new ObjectMetadata();
        archive.setHeader("x-oss-storage-class", "Archive");
        root.putObject("archives", "a.bin", data(), archive);
        OSS reader = f.oss(
                SignVersion.V4,
                f.user("archive-reader", document(allow("\"oss:GetObject\"", "\"acs:oss:*:*:archives/*\""))));
        assertEquals("oss:RestoreObject", authAction(denied(() -> reader.restoreObject("archives", "a.bin"))));
        OSS restorer = f.oss(
                SignVersion.V4,
                f.user("restorer", document(allow("\"oss:RestoreObject\"", "\"acs:oss:*:*:archives/*\""))));
        assertEquals(202, restorer.restoreObject("archives", "a.bin").getStatusCode());
    }

    @Test
    void getObjectThroughSymlink_needsGetObjectOnTheTargetToo() throws Exception {
        root.createBucket("links");
        root.putObject("links", "private/target.txt", data());
        root.createSymlink("links", "public/link.txt", "private/target.txt");
        OSS linkOnly = f.oss(
                SignVersion.V4,
                f.user("link-reader", document(allow("\"oss:GetObject\"", "\"acs:oss:*:*:links/public/*\""))));
        assertEquals(
                "private/target.txt",
                linkOnly.getSymlink("links", "public/link.txt").getTarget());
        OSSException through = denied(() -> linkOnly.getObject("links", "public/link.txt"));
        assertEquals("oss:GetObject", authAction(through));
        OSS both = f.oss(
                SignVersion.V4, f.user("both-reader", document(allow("\"oss:GetObject\"", "\"acs:oss:*:*:links/*\""))));
        try (var object = both.getObject("links", "public/link.txt")) {
            assertEquals("hello", new String(object.getObjectContent().readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
