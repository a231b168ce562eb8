package dev.ossops.emulator.http;

import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HostNamesTest {
    @Test
    void nameOf_hostHeaders_lowerCasedWithoutThePort() {
        assertEquals(Optional.of("127.0.0.1"), HostNames.nameOf("127.0.0.1:9000"));
        assertEquals(Optional.of("localhost"), HostNames.nameOf("LocalHost"));
        assertEquals(Optional.of("[::1]"), HostNames.nameOf("[::1]:9000"));
        assertEquals(Optional.of("bucket.localhost"), HostNames.nameOf(" Bucket.localhost:80 "));
        assertEquals(Optional.empty(), HostNames.nameOf(""));
        assertEquals(Optional.empty(), HostNames.nameOf(":9000"));
        assertEquals(Optional.empty(), HostNames.nameOf("localhost:90x"));
        assertEquals(Optional.empty(), HostNames.nameOf("localhost:9000:1"));
        assertEquals(Optional.empty(), HostNames.nameOf("[::1"));
        assertEquals(Optional.empty(), HostNames.nameOf("[::1]x"));
        assertEquals(Optional.empty(), HostNames.nameOf(null));
    }

    @Test
    void isLoopback_loopbackNamesAndTheirBucketForms_only() {
        for (String name : new String[] {
            "127.0.0.1", "localhost", "[::1]", "media.localhost", "a.b.localhost", "media-01.127.0.0.1"
        }) {
            assertTrue(HostNames.isLoopback(name), name);
        }
        for (String name : new String[] {
            "rebind.attacker.example",
            "localhost.attacker.example",
            "127.0.0.1.nip.io",
            "127.0.0.2",
            "localhost.",
            "a.b.127.0.0.1",
            ".localhost",
            "a..localhost",
            "x127.0.0.1",
            "evil-localhost"
        }) {
            assertFalse(HostNames.isLoopback(name), name);
        }
    }

    @Test
    void names_admitTheNamesAndTheirBucketForms() {
        HostAdmission admission = HostAdmission.loopback().or(HostAdmission.names(Set.of("oss.dev.internal")));
        assertTrue(admission.admits("oss.dev.internal"));
        assertTrue(admission.admits("media.oss.dev.internal"));
        assertTrue(admission.admits("localhost"));
        assertFalse(admission.admits("a.b.oss.dev.internal"));
        assertFalse(admission.admits("dev.internal"));
        assertFalse(admission.admits("oss.dev.internal.attacker.example"));
    }
}
