package dev.ossops.spec.model;

import org.junit.jupiter.api.Test;

import java.util.NoSuchElementException;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ManagedTest {

    @Test
    void present_holdsValueAndIsManaged() {
        Managed<String> acl = Managed.present("private");

        assertEquals(Managed.State.PRESENT, acl.state());
        assertEquals("private", acl.get());
        assertTrue(acl.isManaged());
    }

    @Test
    void absent_isManagedWithoutValue() {
        Managed<String> cors = Managed.absent();

        assertTrue(cors.isManaged());
        assertEquals(
                "configuration is ABSENT",
                assertThrows(NoSuchElementException.class, cors::get).getMessage());
    }

    @Test
    void unmanaged_isNotManaged() {
        assertFalse(Managed.unmanaged().isManaged());
    }

    @Test
    void constructor_stateAndValueMustAgree() {
        assertEquals(
                "a PRESENT configuration needs a value",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> new Managed<>(Managed.State.PRESENT, Optional.empty()))
                        .getMessage());
        assertEquals(
                "a ABSENT configuration has no value",
                assertThrows(IllegalArgumentException.class, () -> new Managed<>(Managed.State.ABSENT, Optional.of(1)))
                        .getMessage());
    }

    @Test
    void map_keepsStateAndTransformsValue() {
        assertEquals(Managed.present(7), Managed.present("private").map(String::length));
        assertEquals(Managed.absent(), Managed.<String>absent().map(String::length));
    }
}
