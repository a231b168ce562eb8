package dev.ossops.emulator;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EmulatorConfigTest {
    @Test
    void builder_defaults_areTheDocumentedOnesWithTheDataDirsOwnKey() {
        EmulatorConfig config = EmulatorConfig.builder().build();
        assertEquals(9000, config.port());
        assertEquals(Path.of(".ossops/emulator"), config.dataDir());
        assertEquals(Optional.empty(), config.rootKey());
        assertEquals("1680000000000001", config.accountId());
        assertEquals(Duration.ofSeconds(1), config.restoreDelay());
    }

    @Test
    void toString_masksTheKeyAndOmitsTheSecret() {
        String text = EmulatorConfig.builder().rootKey(TestRootKey.KEY).build().toString();
        assertEquals("EmulatorConfig[port=9000, dataDir=.ossops/emulator, rootKey=RootKey[LTAI…Key1], accountId=1680000000000001, "
                + "region=cn-hangzhou]", text);
        assertFalse(text.contains(TestRootKey.SECRET));
        assertEquals("EmulatorConfig[port=9000, dataDir=.ossops/emulator, rootKey=the data dir's, accountId=1680000000000001, "
                + "region=cn-hangzhou]", EmulatorConfig.builder().build().toString());
    }

    @Test
    void build_invalidValues_areRefusedWithTheReason() {
        assertEquals("port must be between 0 and 65535, was 70000",
                assertThrows(IllegalArgumentException.class, () -> EmulatorConfig.builder().port(70000).build()).getMessage());
        assertEquals("accountId must be 16 digits, was '123'",
                assertThrows(IllegalArgumentException.class, () -> EmulatorConfig.builder().accountId("123").build()).getMessage());
        assertEquals("restoreDelay must be between 0 and 48 hours, was PT-1S", assertThrows(IllegalArgumentException.class,
                () -> EmulatorConfig.builder().restoreDelay(Duration.ofSeconds(-1)).build()).getMessage());
        assertEquals("restoreDelay must be between 0 and 48 hours, was PT49H", assertThrows(IllegalArgumentException.class,
                () -> EmulatorConfig.builder().restoreDelay(Duration.ofHours(49)).build()).getMessage());
    }
}
