package dev.ossops.emulator.http;

import com.aliyun.oss.model.CannedAccessControlList;
import dev.ossops.emulator.EmulatorClients;
import dev.ossops.emulator.EmulatorExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A client that stops sending its body half-way gets OSS's answer for that, 400, and the emulator
 * logs no stack trace for it; a chunked body with a negative chunk size is answered, not dropped.
 */
@ExtendWith(EmulatorExtension.class)
class TruncatedBodyIT {
    /** Everything the emulator's HTTP layer logs at WARNING or above while a test runs. */
    private final List<LogRecord> warnings = new CopyOnWriteArrayList<>();

    private final Logger httpLogs = Logger.getLogger("dev.ossops.emulator.http");
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                warnings.add(record);
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void captureLogs() {
        httpLogs.addHandler(capture);
    }

    @AfterEach
    void releaseLogs() {
        httpLogs.removeHandler(capture);
    }

    private static String openBucket(EmulatorClients clients, String hint) {
        String bucket = clients.bucketName(hint);
        clients.v4().createBucket(bucket);
        clients.v4().setBucketAcl(bucket, CannedAccessControlList.PublicReadWrite);
        return bucket;
    }

    private static String element(String response, String name) {
        int start = response.indexOf("<" + name + ">");
        int end = response.indexOf("</" + name + ">");
        return start < 0 || end < 0 ? null : response.substring(start + name.length() + 2, end);
    }

    /** Sends {@code head} and {@code partOfBody}, then stops sending; returns the answer. */
    private static String cutShort(EmulatorClients clients, String head, String partOfBody) throws IOException {
        try (RawSocket client = new RawSocket(clients.endpoint().getPort())) {
            client.send(head + partOfBody);
            client.shutdownOutput();
            return client.response();
        }
    }

    @Test
    void putObject_bodyCutShort_isIncompleteBodyWithoutAStackTrace(EmulatorClients clients) throws IOException {
        String bucket = openBucket(clients, "cut");
        String response = cutShort(
                clients, "PUT /" + bucket + "/k HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 10\r\n\r\n", "abcd");
        assertTrue(response.startsWith("HTTP/1.1 400 Bad Request\r\n"), response);
        assertEquals("IncompleteBody", element(response, "Code"));
        assertEquals("The request body ended 6 bytes before its Content-Length of 10.", element(response, "Message"));
        assertEquals("0017-00000505", element(response, "EC"));
        assertFalse(clients.v4().doesObjectExist(bucket, "k"));
        assertEquals(List.of(), warnings.stream().map(LogRecord::getMessage).toList());
    }

    @Test
    void uploadPart_chunkedBodyCutShort_isIncompleteBody(EmulatorClients clients) throws IOException {
        String bucket = openBucket(clients, "cut-part");
        String uploadId = clients.v4()
                .initiateMultipartUpload(new com.aliyun.oss.model.InitiateMultipartUploadRequest(bucket, "big"))
                .getUploadId();
        String response = cutShort(
                clients,
                "PUT /" + bucket + "/big?partNumber=1&uploadId=" + uploadId
                        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n",
                "10\r\nonly-eight");
        assertEquals("IncompleteBody", element(response, "Code"));
        assertEquals("The chunked request body ended inside a chunk.", element(response, "Message"));
        assertEquals(List.of(), warnings.stream().map(LogRecord::getMessage).toList());
    }

    @Test
    void putObject_negativeChunkSize_isAnsweredAndTheConnectionClosed(EmulatorClients clients) throws IOException {
        String bucket = openBucket(clients, "chunk");
        try (RawSocket client = new RawSocket(clients.endpoint().getPort())) {
            client.send("PUT /" + bucket
                    + "/k HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n-5\r\nhello\r\n0\r\n\r\n"
                    + "DELETE /" + bucket + "/k HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            List<String> responses = client.responsesUntilClosed();
            assertEquals(1, responses.size(), responses.toString());
            assertEquals("InvalidArgument", element(responses.get(0), "Code"));
            assertEquals(
                    "The chunked request body is malformed: chunk size '-5' is not 1 to 15 hex digits.",
                    element(responses.get(0), "Message"));
            assertTrue(responses.get(0).contains("\r\nConnection: close\r\n"));
        }
        assertFalse(clients.v4().doesObjectExist(bucket, "k"));
    }

    @Test
    void putObject_contentLengthMinusOne_smugglesNoSecondRequest(EmulatorClients clients) throws IOException {
        String bucket = openBucket(clients, "smuggle");
        clients.v4().putObject(bucket, "keep", new ByteArrayInputStream(new byte[] {1}));
        try (RawSocket client = new RawSocket(clients.endpoint().getPort())) {
            client.send("PUT /" + bucket + "/front HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: -1\r\n\r\n"
                    + "DELETE /" + bucket + "/keep HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            List<String> responses = client.responsesUntilClosed();
            assertEquals(
                    List.of(
                            "HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 38\r\n"
                                    + "Connection: close\r\n\r\nContent-Length is not a valid number.\n"),
                    responses);
        }
        assertTrue(clients.v4().doesObjectExist(bucket, "keep"), "the hidden DELETE never ran");
        assertFalse(clients.v4().doesObjectExist(bucket, "front"));
    }

    @Test
    void rpcForm_cutShort_isIncompleteBody(EmulatorClients clients) throws IOException {
        String response = cutShort(
                clients,
                "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                        + "Content-Length: 100\r\n\r\n",
                "Action=ListUsers&Version=2015-05-01");
        assertTrue(response.startsWith("HTTP/1.1 400 Bad Request\r\n"), response);
        assertEquals("IncompleteBody", element(response, "Code"));
        assertEquals(List.of(), warnings.stream().map(LogRecord::getMessage).toList());
    }

    @Test
    void putBucketVersioning_anonymousWithABodyCutShort_isDeniedWithoutReadingIt(EmulatorClients clients)
            throws IOException {
        String bucket = openBucket(clients, "cut-config");
        String response = cutShort(
                clients,
                "PUT /" + bucket + "/?versioning HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 500\r\n\r\n",
                "<VersioningConfiguration><Status>Enabled");
        // Anonymous: refused before the body is read, whatever the body holds.
        assertEquals("AccessDenied", element(response, "Code"));
        assertEquals(List.of(), warnings.stream().map(LogRecord::getMessage).toList());
    }
}
