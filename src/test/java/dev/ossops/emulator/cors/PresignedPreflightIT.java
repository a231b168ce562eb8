package dev.ossops.emulator.cors;

import com.aliyun.oss.HttpMethod;
import com.aliyun.oss.model.GeneratePresignedUrlRequest;
import com.aliyun.oss.model.SetBucketCORSRequest;
import dev.ossops.emulator.EmulatorClients;
import dev.ossops.emulator.EmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Date;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A browser uploading through a presigned URL sends its preflight to that URL, query and all: OSS answers it from the
 * CORS rules (Options API), never checking the query's signature, which is for the PUT.
 */
@ExtendWith(EmulatorExtension.class)
class PresignedPreflightIT {

    @Test
    void options_presignedPutUrl_answeredFromTheCorsRules(EmulatorClients clients) throws Exception {
        String bucket = clients.bucketName("preflight");
        clients.v4().createBucket(bucket);
        SetBucketCORSRequest cors = new SetBucketCORSRequest(bucket);
        SetBucketCORSRequest.CORSRule rule = new SetBucketCORSRequest.CORSRule();
        rule.setAllowedOrigins(List.of("http://app.example.test"));
        rule.setAllowedMethods(List.of("PUT"));
        rule.setAllowedHeaders(List.of("*"));
        cors.setCorsRules(List.of(rule));
        clients.v4().setBucketCORS(cors);
        GeneratePresignedUrlRequest put = new GeneratePresignedUrlRequest(bucket, "uploads/a.png", HttpMethod.PUT);
        put.setExpiration(new Date(System.currentTimeMillis() + 600_000));
        put.setContentType("image/png");
        for (URL url :
                List.of(clients.v4().generatePresignedUrl(put), clients.v1().generatePresignedUrl(put))) {
            HttpResponse<String> preflight = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(url.toURI())
                                    .header("Origin", "http://app.example.test")
                                    .header("Access-Control-Request-Method", "PUT")
                                    .header("Access-Control-Request-Headers", "content-type")
                                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());

            assertEquals(200, preflight.statusCode(), preflight.body());
            assertEquals(
                    "http://app.example.test",
                    preflight
                            .headers()
                            .firstValue("Access-Control-Allow-Origin")
                            .orElse(""));
            assertEquals(
                    "PUT",
                    preflight
                            .headers()
                            .firstValue("Access-Control-Allow-Methods")
                            .orElse(""));
        }
    }
}
