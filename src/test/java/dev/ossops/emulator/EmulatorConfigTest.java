package dev.ossops.emulator;

import dev.ossops.emulator.rpc.RootAccount;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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
        assertEquals(Set.of(), config.allowedHosts());
        assertEquals(Set.of(), config.allowedOrigins());
    }

    @Test
    void toString_masksTheKeyAndOmitsTheSecret() {
        String text = EmulatorConfig.builder().rootKey(TestRootKey.KEY).build().toString();
        assertEquals(
                "EmulatorConfig[port=9000, dataDir=.ossops/emulator, rootKey=RootKey[LTAI…Key1], accountId=1680000000000001, "
                        + "region=cn-hangzhou]",
                text);
        assertFalse(text.contains(TestRootKey.SECRET));
        assertEquals(
                "EmulatorConfig[port=9000, dataDir=.ossops/emulator, rootKey=the data dir's, accountId=1680000000000001, "
                        + "region=cn-hangzhou]",
                EmulatorConfig.builder().build().toString());
    }

    @Test
    void build_invalidValues_areRefusedWithTheReason() {
        assertEquals(
                "port must be between 0 and 65535, was 70000",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> EmulatorConfig.builder().port(70000).build())
                        .getMessage());
        assertEquals(
                "accountId must be 16 digits, was '123'",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> EmulatorConfig.builder().accountId("123").build())
                        .getMessage());
        assertEquals(
                "restoreDelay must be between 0 and 48 hours, was PT-1S",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> EmulatorConfig.builder()
                                        .restoreDelay(Duration.ofSeconds(-1))
                                        .build())
                        .getMessage());
        assertEquals(
                "restoreDelay must be between 0 and 48 hours, was PT49H",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> EmulatorConfig.builder()
                                        .restoreDelay(Duration.ofHours(49))
                                        .build())
                        .getMessage());
    }

    @Test
    void build_allowedHostsAndOrigins_areLowerCasedAndChecked() {
        EmulatorConfig config = EmulatorConfig.builder()
                .allowedHosts(Set.of("OSS.Dev.Internal", "192.168.1.5", "[::1]"))
                .allowedOrigins(Set.of("http://LocalHost:3000", "https://app.example.com"))
                .build();
        assertEquals(Set.of("oss.dev.internal", "192.168.1.5", "[::1]"), config.allowedHosts());
        assertEquals(Set.of("http://localhost:3000", "https://app.example.com"), config.allowedOrigins());

        assertEquals(
                "'oss.dev.internal:9000' is not a host name: give a DNS name or an IP address, without scheme or port",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> EmulatorConfig.builder()
                                        .allowedHosts(Set.of("oss.dev.internal:9000"))
                                        .build())
                        .getMessage());
        assertEquals(
                "'http://x.example' is not a host name: give a DNS name or an IP address, without scheme or port",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> EmulatorConfig.builder()
                                        .allowedHosts(Set.of("http://x.example"))
                                        .build())
                        .getMessage());
        assertEquals(
                "'https://app.example.com/' is not a web origin: give scheme, host and optional port, like http://localhost:3000",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> EmulatorConfig.builder()
                                        .allowedOrigins(Set.of("https://app.example.com/"))
                                        .build())
                        .getMessage());
        assertEquals(
                "'*' is not a web origin: give scheme, host and optional port, like http://localhost:3000",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> EmulatorConfig.builder()
                                        .allowedOrigins(Set.of("*"))
                                        .build())
                        .getMessage());
    }

    @Test
    void otherAccount_isServedAfterTheFirstAndShownMasked() {
        EmulatorConfig config = EmulatorConfig.builder()
                .rootKey(TestRootKey.KEY)
                .otherAccount("1680000000000002", "LTAI5tSecondAccountRoot0", "second-secret")
                .build();
        assertEquals(
                List.of("1680000000000001", "1680000000000002"),
                config.accounts(TestRootKey.KEY).stream()
                        .map(RootAccount::accountId)
                        .toList());
        assertEquals(
                "EmulatorConfig[port=9000, dataDir=.ossops/emulator, rootKey=RootKey[LTAI…Key1], accountId=1680000000000001, "
                        + "region=cn-hangzhou, otherAccounts=[RootAccount[1680000000000002, LTAI…oot0]]]",
                config.toString());
        assertFalse(config.toString().contains("second-secret"));
    }

    @Test
    void otherAccount_clashingWithAnotherAccount_isRefused() {
        assertEquals(
                "account 1680000000000001 is configured twice",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> EmulatorConfig.builder()
                                        .otherAccount("1680000000000001", "LTAI5tSecondAccountRoot0", "s")
                                        .build())
                        .getMessage());
        assertEquals(
                "root key LTAI…Key1 is given to two accounts",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> EmulatorConfig.builder()
                                        .rootKey(TestRootKey.KEY)
                                        .otherAccount("1680000000000002", TestRootKey.ID, "s")
                                        .build())
                        .getMessage());
        assertEquals(
                "account uid must be 16 digits: 42",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> EmulatorConfig.builder()
                                        .otherAccount("42", "LTAI5tSecondAccountRoot0", "s")
                                        .build())
                        .getMessage());
        assertEquals(
                "the root AccessKey id must be 1 to 128 letters, digits, '.', '_' or '-'",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> EmulatorConfig.builder()
                                        .otherAccount("1680000000000002", "LTAI 5t", "s")
                                        .build())
                        .getMessage());
    }

    /** The data dir's own key is known only when the emulator starts; another account's key must differ from it too. */
    @Test
    void accounts_dataDirKeyClashingWithAnotherAccount_isRefused() {
        EmulatorConfig config = EmulatorConfig.builder()
                .otherAccount("1680000000000002", TestRootKey.ID, "s")
                .build();
        assertEquals(
                "root key LTAI…Key1 is given to two accounts",
                assertThrows(IllegalArgumentException.class, () -> config.accounts(TestRootKey.KEY))
                        .getMessage());
    }
}
