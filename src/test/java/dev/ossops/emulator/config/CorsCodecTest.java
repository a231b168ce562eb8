package dev.ossops.emulator.config;

import com.aliyun.oss.common.parser.RequestMarshallers;
import com.aliyun.oss.internal.ResponseParsers;
import com.aliyun.oss.model.CORSConfiguration;
import com.aliyun.oss.model.SetBucketCORSRequest;
import dev.ossops.GoldenFiles;
import dev.ossops.emulator.error.OssError;
import dev.ossops.shared.CorsRule;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.ossops.emulator.config.OssAssert.assertInvalid;
import static dev.ossops.emulator.config.OssAssert.assertMalformed;
import static dev.ossops.emulator.config.OssAssert.assertOssError;
import static dev.ossops.emulator.config.SdkWire.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;

class CorsCodecTest {
    private final CorsCodec codec = new CorsCodec();

    private static SetBucketCORSRequest.CORSRule rule(
            List<String> origins, List<String> methods, List<String> headers, List<String> expose, Integer maxAge) {
        SetBucketCORSRequest.CORSRule r = new SetBucketCORSRequest.CORSRule();
        r.setAllowedOrigins(origins);
        r.setAllowedMethods(methods);
        r.setAllowedHeaders(headers);
        r.setExposeHeaders(expose);
        r.setMaxAgeSeconds(maxAge);
        return r;
    }

    private static SetBucketCORSRequest richRequest() {
        SetBucketCORSRequest request = new SetBucketCORSRequest("media");
        request.addCorsRule(rule(
                List.of("https://*.example.com", "http://localhost:3000"),
                List.of("GET", "PUT", "POST"),
                List.of("*"),
                List.of("ETag", "x-oss-request-id"),
                600));
        request.addCorsRule(rule(
                List.of("*"), List.of("HEAD", "DELETE"), List.of("x-oss-meta-*", "Content-Type"), List.of(), null));
        request.setResponseVary(true);
        return request;
    }

    private byte[] sdkBody(SetBucketCORSRequest request) {
        return SdkWire.body(RequestMarshallers.setBucketCORSRequestMarshaller.marshall(request));
    }

    @Test
    void accept_sdkRequestRoundTripsThroughSdkParser() throws Exception {
        SetBucketCORSRequest request = richRequest();

        CORSConfiguration parsed = ResponseParsers.parseListBucketCORS(SdkWire.stream(codec.accept(sdkBody(request))));

        assertEquals(request.getCorsRules().size(), parsed.getCorsRules().size());
        for (int i = 0; i < request.getCorsRules().size(); i++) {
            SetBucketCORSRequest.CORSRule sent = request.getCorsRules().get(i);
            SetBucketCORSRequest.CORSRule got = parsed.getCorsRules().get(i);
            assertEquals(sent.getAllowedOrigins(), got.getAllowedOrigins());
            assertEquals(sent.getAllowedMethods(), got.getAllowedMethods());
            assertEquals(sent.getAllowedHeaders(), got.getAllowedHeaders());
            assertEquals(sent.getExposeHeaders(), got.getExposeHeaders());
            assertEquals(sent.getMaxAgeSeconds(), got.getMaxAgeSeconds());
        }
        assertEquals(true, parsed.getResponseVary());
    }

    @Test
    void accept_rendersCanonicalDocument() {
        GoldenFiles.assertGolden("emulator-config/cors.xml", SdkWire.text(codec.accept(sdkBody(richRequest()))));
    }

    @Test
    void accept_storesXmlContentType() {
        assertEquals("application/xml", codec.accept(sdkBody(richRequest())).contentType());
    }

    @Test
    void parse_withoutResponseVaryDefaultsToFalse() {
        CorsConfiguration config = codec.parse(utf8("<CORSConfiguration><CORSRule><AllowedOrigin>*</AllowedOrigin>"
                + "<AllowedMethod>GET</AllowedMethod></CORSRule></CORSConfiguration>"));
        assertEquals(false, config.responseVary());
        assertEquals(
                List.of(new CorsRule(List.of("*"), List.of("GET"), List.of(), List.of(), java.util.Optional.empty())),
                config.rules());
    }

    @Test
    void accept_elevenRulesIsInvalidArgument() {
        SetBucketCORSRequest request = new SetBucketCORSRequest("media");
        for (int i = 0; i < 11; i++) {
            request.addCorsRule(
                    rule(List.of("https://a" + i + ".example.com"), List.of("GET"), List.of(), List.of(), null));
        }
        byte[] body = sdkBody(request);
        assertInvalid("Maximum number of CORS rules is 10.", "CORSRule", "11", () -> codec.accept(body));
    }

    @Test
    void accept_unsupportedMethodIsInvalidArgument() {
        byte[] body =
                utf8("<CORSConfiguration><CORSRule><AllowedOrigin>*</AllowedOrigin><AllowedMethod>PATCH</AllowedMethod>"
                        + "</CORSRule></CORSConfiguration>");
        assertInvalid(
                "Unsupported AllowedMethod, valid values are GET, PUT, DELETE, POST and HEAD.",
                "AllowedMethod",
                "PATCH",
                () -> codec.accept(body));
    }

    @Test
    void accept_lowercaseMethodIsInvalidArgument() {
        byte[] body =
                utf8("<CORSConfiguration><CORSRule><AllowedOrigin>*</AllowedOrigin><AllowedMethod>get</AllowedMethod>"
                        + "</CORSRule></CORSConfiguration>");
        assertInvalid(
                "Unsupported AllowedMethod, valid values are GET, PUT, DELETE, POST and HEAD.",
                "AllowedMethod",
                "get",
                () -> codec.accept(body));
    }

    @Test
    void accept_originWithTwoWildcardsIsInvalidArgument() {
        byte[] body = utf8("<CORSConfiguration><CORSRule><AllowedOrigin>https://*.*.example.com</AllowedOrigin>"
                + "<AllowedMethod>GET</AllowedMethod></CORSRule></CORSConfiguration>");
        assertInvalid(
                "AllowedOrigin can contain at most one wildcard (*).",
                "AllowedOrigin",
                "https://*.*.example.com",
                () -> codec.accept(body));
    }

    @Test
    void accept_headerWithTwoWildcardsIsInvalidArgument() {
        byte[] body =
                utf8("<CORSConfiguration><CORSRule><AllowedOrigin>*</AllowedOrigin><AllowedMethod>GET</AllowedMethod>"
                        + "<AllowedHeader>x-*-*</AllowedHeader></CORSRule></CORSConfiguration>");
        assertInvalid(
                "AllowedHeader can contain at most one wildcard (*).",
                "AllowedHeader",
                "x-*-*",
                () -> codec.accept(body));
    }

    @Test
    void accept_exposeHeaderWithWildcardIsInvalidArgument() {
        byte[] body =
                utf8("<CORSConfiguration><CORSRule><AllowedOrigin>*</AllowedOrigin><AllowedMethod>GET</AllowedMethod>"
                        + "<ExposeHeader>x-oss-*</ExposeHeader></CORSRule></CORSConfiguration>");
        assertInvalid(
                "ExposeHeader cannot contain a wildcard (*).", "ExposeHeader", "x-oss-*", () -> codec.accept(body));
    }

    @Test
    void accept_ruleWithoutOriginIsMalformed() {
        assertMalformed(() -> codec.accept(utf8(
                "<CORSConfiguration><CORSRule><AllowedMethod>GET</AllowedMethod></CORSRule></CORSConfiguration>")));
    }

    @Test
    void accept_ruleWithoutMethodIsMalformed() {
        assertMalformed(() -> codec.accept(
                utf8("<CORSConfiguration><CORSRule><AllowedOrigin>*</AllowedOrigin></CORSRule></CORSConfiguration>")));
    }

    @Test
    void accept_noRulesIsMalformed() {
        assertMalformed(() -> codec.accept(utf8("<CORSConfiguration/>")));
    }

    @Test
    void accept_unknownElementIsMalformed() {
        assertMalformed(() -> codec.accept(utf8("<CORSConfiguration><CORSRule><AllowedOrigin>*</AllowedOrigin>"
                + "<AllowedMethod>GET</AllowedMethod><ID>x</ID></CORSRule></CORSConfiguration>")));
    }

    @Test
    void accept_nonNumericMaxAgeIsMalformed() {
        assertMalformed(
                () -> codec.accept(
                        utf8(
                                "<CORSConfiguration><CORSRule><AllowedOrigin>*</AllowedOrigin>"
                                        + "<AllowedMethod>GET</AllowedMethod><MaxAgeSeconds>ten</MaxAgeSeconds></CORSRule></CORSConfiguration>")));
    }

    @Test
    void accept_wrongRootIsMalformed() {
        assertMalformed(() -> codec.accept(utf8("<CORS><CORSRule/></CORS>")));
    }

    @Test
    void whenUnset_isNoSuchCorsConfiguration() {
        assertOssError(
                OssError.NO_SUCH_CORS_CONFIGURATION,
                "The CORS Configuration does not exist.",
                Map.of("BucketName", "media"),
                () -> codec.whenUnset("media"));
    }
}
