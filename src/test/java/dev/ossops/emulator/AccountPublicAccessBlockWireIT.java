package dev.ossops.emulator;

import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.PutPublicAccessBlockRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The account-level {@code /?publicAccessBlock} on the wire: the exact documents, the schema check on PUT, methods OSS
 * has no API for, and the API names the request counters record. Every test leaves the setting deleted.
 */
@ExtendWith(EmulatorExtension.class)
class AccountPublicAccessBlockWireIT {
    private static final Map<String, String> SUB = Collections.singletonMap("publicAccessBlock", null);
    private static final String MALFORMED =
            "The XML you provided was not well-formed or did not validate against our published schema.";

    private final EmulatorClients clients;

    AccountPublicAccessBlockWireIT(EmulatorClients clients) {
        this.clients = clients;
    }

    private RawRequests.Response send(String method, String body) {
        return RawRequests.send(
                clients,
                SignVersion.V4,
                method,
                null,
                null,
                SUB,
                Map.of(),
                body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    @AfterEach
    void reset() {
        clients.v4().deletePublicAccessBlock();
    }

    @Test
    void getPublicAccessBlock_unsetAndSet_exactDocuments() {
        RawRequests.Response unset = send("GET", null);
        assertEquals(200, unset.status());
        assertEquals("application/xml", unset.header("Content-Type"));
        assertEquals(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<PublicAccessBlockConfiguration>"
                        + "<BlockPublicAccess>false</BlockPublicAccess></PublicAccessBlockConfiguration>",
                unset.body());

        RawRequests.Response put = send(
                "PUT",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<PublicAccessBlockConfiguration>\n"
                        + "  <BlockPublicAccess>true</BlockPublicAccess>\n</PublicAccessBlockConfiguration>");
        assertEquals(200, put.status(), put.body());
        assertEquals("", put.body());
        assertEquals(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<PublicAccessBlockConfiguration>"
                        + "<BlockPublicAccess>true</BlockPublicAccess></PublicAccessBlockConfiguration>",
                send("GET", null).body());

        RawRequests.Response delete = send("DELETE", null);
        assertEquals(204, delete.status());
        assertEquals("", delete.body());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<PublicAccessBlockConfiguration><BlockPublicAccess>true</BlockPublicAccess>",
                "<BlockPublicAccessConfiguration><BlockPublicAccess>true</BlockPublicAccess></BlockPublicAccessConfiguration>",
                "<PublicAccessBlockConfiguration><BlockPublicAccess>TRUE</BlockPublicAccess></PublicAccessBlockConfiguration>",
                "<PublicAccessBlockConfiguration><BlockPublicAccess>true</BlockPublicAccess><Other/></PublicAccessBlockConfiguration>",
                "<PublicAccessBlockConfiguration></PublicAccessBlockConfiguration>",
                ""
            })
    void putPublicAccessBlock_malformed_refusedAndSettingUnchanged(String body) {
        clients.v4().putPublicAccessBlock(new PutPublicAccessBlockRequest(true));

        RawRequests.Response response = send("PUT", body);

        assertEquals(400, response.status(), response.body());
        assertEquals("MalformedXML", response.element("Code"));
        assertEquals(MALFORMED, response.element("Message"));
        assertEquals(true, clients.v1().getPublicAccessBlock().getBlockPublicAccess());
    }

    @Test
    void postPublicAccessBlock_methodNotAllowed() {
        RawRequests.Response response = send("POST", "");

        assertEquals(405, response.status(), response.body());
        assertEquals("MethodNotAllowed", response.element("Code"));
        assertEquals("The specified method is not allowed against this resource.", response.element("Message"));
    }

    @Test
    void publicAccessBlock_countedUnderItsApiNames(Emulator emulator) {
        emulator.stats().reset();
        clients.v4().putPublicAccessBlock(new PutPublicAccessBlockRequest(false));
        clients.v4().getPublicAccessBlock();
        clients.v1().getPublicAccessBlock();
        clients.v4().deletePublicAccessBlock();

        var stats = emulator.stats().snapshot();
        assertEquals(1, stats.requests("PutPublicAccessBlock"));
        assertEquals(2, stats.requests("GetPublicAccessBlock"));
        // The @AfterEach delete has not run yet.
        assertEquals(1, stats.requests("DeletePublicAccessBlock"));
        assertEquals(0, stats.requests("ListBuckets"), stats.requests().toString());
    }
}
