package dev.ossops.emulator;

import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.CreateSymlinkRequest;
import com.aliyun.oss.model.GetObjectRequest;
import com.aliyun.oss.model.OSSObject;
import com.aliyun.oss.model.OSSSymlink;
import com.aliyun.oss.model.ObjectMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** PutSymlink / GetSymlink and reads through a symlink, driven by the official SDK. */
@ExtendWith(EmulatorExtension.class)
class SymlinkIT {
    private static final byte[] CONTENT = "the target's bytes".getBytes(StandardCharsets.UTF_8);
    /** A key that needs encoding in x-oss-symlink-target, like the SDK's own symlink tests use. */
    private static final String TARGET = "dir/+< >[]/世界/中国.txt";

    private static String bucket(OSS oss, EmulatorClients clients, String hint) {
        String name = clients.bucketName(hint);
        oss.createBucket(name);
        return name;
    }

    @Test
    void createSymlink_getSymlink_returnsTheDecodedTargetAndTheLinksMetadata(EmulatorClients clients) {
        OSS oss = clients.v4();
        String b = bucket(oss, clients, "link");
        ObjectMetadata meta = new ObjectMetadata();
        meta.setContentType("text/plain");
        meta.addUserMetadata("property", "property-value");
        CreateSymlinkRequest request = new CreateSymlinkRequest(b, "link.txt", TARGET);
        request.setMetadata(meta);
        oss.createSymlink(request);

        OSSSymlink link = oss.getSymlink(b, "link.txt");
        assertEquals("link.txt", link.getSymlink());
        assertEquals(TARGET, link.getTarget());
        assertEquals("text/plain", link.getMetadata().getContentType());
        assertEquals("property-value", link.getMetadata().getUserMetadata().get("property"));
    }

    @Test
    void getObject_throughSymlink_servesTheTargetsContentWithTheLinksMetadata(EmulatorClients clients)
            throws Exception {
        OSS oss = clients.v4();
        String b = bucket(oss, clients, "through");
        ObjectMetadata targetMeta = new ObjectMetadata();
        targetMeta.addUserMetadata("meta", "of-the-target");
        oss.putObject(b, TARGET, new ByteArrayInputStream(CONTENT), targetMeta);
        oss.createSymlink(b, "link.txt", TARGET);

        OSSObject object = oss.getObject(b, "link.txt");
        assertArrayEquals(CONTENT, ObjectApiIT.read(object));
        ObjectMetadata head = oss.getObjectMetadata(b, "link.txt");
        assertEquals(CONTENT.length, head.getContentLength());
        assertEquals(oss.getObjectMetadata(b, TARGET).getETag(), head.getETag());
        assertEquals("Symlink", head.getObjectType());
        assertNull(head.getUserMetadata().get("meta"));

        GetObjectRequest range = new GetObjectRequest(b, "link.txt");
        range.setRange(4, 9);
        assertArrayEquals("target".getBytes(StandardCharsets.UTF_8), ObjectApiIT.read(oss.getObject(range)));
    }

    @Test
    void putSymlink_overExistingObject_replacesItAndLeavesTheTarget(EmulatorClients clients) throws Exception {
        OSS oss = clients.v4();
        String b = bucket(oss, clients, "replace");
        oss.putObject(b, "a.txt", new ByteArrayInputStream(CONTENT));
        oss.putObject(b, "b.txt", new ByteArrayInputStream("old b".getBytes(StandardCharsets.UTF_8)));
        oss.createSymlink(b, "b.txt", "a.txt");
        assertArrayEquals(CONTENT, ObjectApiIT.read(oss.getObject(b, "b.txt")));
        assertArrayEquals(CONTENT, ObjectApiIT.read(oss.getObject(b, "a.txt")));
        assertEquals("Symlink", oss.listObjects(b).getObjectSummaries().get(1).getType());
    }

    @Test
    void getObject_symlinkToItself_isInvalidTargetType(EmulatorClients clients) {
        OSS oss = clients.v4();
        String b = bucket(oss, clients, "self");
        oss.createSymlink(b, "loop.txt", "loop.txt");
        assertEquals("loop.txt", oss.getSymlink(b, "loop.txt").getTarget());
        OSSException e = assertThrows(OSSException.class, () -> oss.getObject(b, "loop.txt"));
        assertEquals("InvalidTargetType", e.getErrorCode());
    }

    @Test
    void getObject_symlinkToSymlink_isInvalidTargetType(EmulatorClients clients) {
        OSS oss = clients.v4();
        String b = bucket(oss, clients, "chain");
        oss.putObject(b, "a.txt", new ByteArrayInputStream(CONTENT));
        oss.createSymlink(b, "first.txt", "a.txt");
        oss.createSymlink(b, "second.txt", "first.txt");
        OSSException e = assertThrows(OSSException.class, () -> oss.getObject(b, "second.txt"));
        assertEquals("InvalidTargetType", e.getErrorCode());
        assertEquals("The symbolic's target file type is invalid", e.getErrorMessage());
    }

    @Test
    void getObject_missingTarget_isSymlinkTargetNotExist(EmulatorClients clients) {
        OSS oss = clients.v4();
        String b = bucket(oss, clients, "dangling");
        oss.createSymlink(b, "dangling.txt", "nothing-here.txt");
        OSSException get = assertThrows(OSSException.class, () -> oss.getObject(b, "dangling.txt"));
        assertEquals("SymlinkTargetNotExist", get.getErrorCode());
        assertEquals("The symlink target object does not exist", get.getErrorMessage());
        OSSException head = assertThrows(OSSException.class, () -> oss.getObjectMetadata(b, "dangling.txt"));
        assertEquals("SymlinkTargetNotExist", head.getErrorCode());
    }

    @Test
    void getSymlink_missingKeyOrNormalObject_isNoSuchKeyOrNotSymlink(EmulatorClients clients) {
        OSS oss = clients.v4();
        String b = bucket(oss, clients, "not-link");
        assertEquals(
                "NoSuchKey",
                assertThrows(OSSException.class, () -> oss.getSymlink(b, "missing.txt"))
                        .getErrorCode());
        oss.putObject(b, "plain.txt", new ByteArrayInputStream(CONTENT));
        OSSException e = assertThrows(OSSException.class, () -> oss.getSymlink(b, "plain.txt"));
        assertEquals("NotSymlink", e.getErrorCode());
        assertEquals("The specified key is not a symlink.", e.getErrorMessage());
    }

    @Test
    void putSymlink_withoutTargetHeader_isMissingArgumentAndKeepsTheObject(EmulatorClients clients) throws Exception {
        OSS oss = clients.v4();
        String b = bucket(oss, clients, "no-target");
        oss.putObject(b, "kept.txt", new ByteArrayInputStream(CONTENT));
        RawRequests.Response raw = RawRequests.send(
                clients, SignVersion.V4, "PUT", b, "kept.txt", Map.of("symlink", ""), Map.of(), new byte[0]);
        assertEquals("MissingArgument", raw.element("Code"));
        assertEquals("x-oss-symlink-target", raw.element("ArgumentName"));
        assertArrayEquals(CONTENT, ObjectApiIT.read(oss.getObject(b, "kept.txt")));
    }

    @Test
    void createSymlink_forbidOverwrite_refusesAnExistingKey(EmulatorClients clients) {
        OSS oss = clients.v4();
        String b = bucket(oss, clients, "forbid");
        oss.putObject(b, "taken.txt", new ByteArrayInputStream(CONTENT));
        CreateSymlinkRequest request = new CreateSymlinkRequest(b, "taken.txt", "other.txt");
        ObjectMetadata meta = new ObjectMetadata();
        meta.setHeader("x-oss-forbid-overwrite", "true");
        request.setMetadata(meta);
        assertEquals(
                "FileAlreadyExists",
                assertThrows(OSSException.class, () -> oss.createSymlink(request))
                        .getErrorCode());
    }
}
