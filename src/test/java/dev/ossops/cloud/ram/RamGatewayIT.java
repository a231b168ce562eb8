package dev.ossops.cloud.ram;

import dev.ossops.cloud.CloudException;
import dev.ossops.cloud.CloudTarget;
import dev.ossops.cloud.PopClient;
import dev.ossops.cloud.PopProduct;
import dev.ossops.cloud.Retry;
import dev.ossops.cloud.credentials.CredentialSource;
import dev.ossops.cloud.credentials.Credentials;
import dev.ossops.emulator.rpc.MutableClock;
import dev.ossops.emulator.rpc.RpcFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The gateway's policy-description call against the RPC emulator on 127.0.0.1, through the official RAM client. */
class RamGatewayIT {
    private static final String DOC =
            "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"oss:GetObject\","
                    + "\"Resource\":\"*\"}]}";

    @TempDir
    Path dir;

    private RpcFixture fixture;
    private PopClient client;
    private RamGateway gateway;

    @BeforeEach
    void start() throws IOException {
        fixture = new RpcFixture(dir, MutableClock.system());
        client = new PopClient(
                CloudTarget.single(
                        URI.create("http://127.0.0.1:" + fixture.port()), "cn-beijing", new CredentialSource() {
                            @Override
                            public Credentials resolve() {
                                return Credentials.of(RpcFixture.ROOT_ID, RpcFixture.ROOT_SECRET);
                            }

                            @Override
                            public String describe() {
                                return "the emulator's root key";
                            }
                        }),
                PopProduct.RAM,
                Retry.standard());
        gateway = new RamGateway(client);
    }

    @AfterEach
    void stop() {
        client.shutdown();
        fixture.close();
    }

    @Test
    void updatePolicyDescription_customPolicy_descriptionReadBackDocumentKept() {
        gateway.createPolicy("AppRW", DOC, Optional.of("app"));

        gateway.updatePolicyDescription("AppRW", "app read-write");

        assertEquals(
                new RamModel.Policy("AppRW", "Custom", "v1", DOC, Optional.of("app read-write")),
                gateway.policy("AppRW", RamGateway.CUSTOM).orElseThrow());
    }

    @Test
    void updatePolicyDescription_unknownPolicy_failureNamesTheCall() {
        CloudException e = assertThrows(CloudException.class, () -> gateway.updatePolicyDescription("Ghost", "x"));

        assertEquals(
                "UpdatePolicyDescription Ghost failed: EntityNotExist.Policy: The policy does not exist.",
                e.getMessage());
        assertEquals(Optional.of("EntityNotExist.Policy"), e.code());
        assertEquals(1, e.attempts());
    }

    @Test
    void updatePolicyDescription_systemPolicy_refusedAndUnchanged() {
        String before = gateway.policy("AliyunOSSReadOnlyAccess", RamGateway.SYSTEM)
                .orElseThrow()
                .description()
                .orElseThrow();

        CloudException e = assertThrows(
                CloudException.class, () -> gateway.updatePolicyDescription("AliyunOSSReadOnlyAccess", "mine now"));

        assertEquals(
                "UpdatePolicyDescription AliyunOSSReadOnlyAccess failed: EntityNotExist.Policy: The policy does not exist.",
                e.getMessage());
        assertEquals(
                Optional.of(before),
                gateway.policy("AliyunOSSReadOnlyAccess", RamGateway.SYSTEM)
                        .orElseThrow()
                        .description());
    }

    @Test
    void updatePolicyDescription_tooLong_failureCarriesNoSecret() {
        gateway.createPolicy("AppRW", DOC, Optional.empty());

        CloudException e =
                assertThrows(CloudException.class, () -> gateway.updatePolicyDescription("AppRW", "d".repeat(1025)));

        assertEquals(
                "UpdatePolicyDescription AppRW failed: InvalidParameter.NewDescription.Length: The parameter - "
                        + "\"NewDescription\" beyond the length limit.",
                e.getMessage());
        assertFalse(e.getMessage().contains(RpcFixture.ROOT_SECRET));
    }
}
