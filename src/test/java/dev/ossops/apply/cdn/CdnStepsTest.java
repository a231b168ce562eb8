package dev.ossops.apply.cdn;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.ossops.cloud.CloudTarget;
import dev.ossops.cloud.PopClient;
import dev.ossops.cloud.PopProduct;
import dev.ossops.cloud.Retry;
import dev.ossops.cloud.cdn.CdnGateway;
import dev.ossops.cloud.cdn.CdnModel;
import dev.ossops.cloud.credentials.CredentialSource;
import dev.ossops.cloud.credentials.Credentials;
import dev.ossops.plan.Action;
import dev.ossops.plan.Address;
import dev.ossops.plan.Change;
import dev.ossops.spec.ProfileLoader;
import dev.ossops.spec.model.Profile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static dev.ossops.plan.Address.Kind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Which step each CDN change becomes, with desired values from the profile. No request is sent. */
class CdnStepsTest {
    private static final String DOMAIN = "media.example.com";

    @TempDir
    Path dir;

    private PopClient client;
    private CdnSteps factory;
    private CdnGateway gateway;
    private Profile profile;

    @BeforeEach
    void setUp() throws IOException {
        client = new PopClient(
                CloudTarget.single(URI.create("http://127.0.0.1:9"), "cn-beijing", new CredentialSource() {
                    @Override
                    public Credentials resolve() {
                        throw new IllegalStateException("no request is sent in this test");
                    }

                    @Override
                    public String describe() {
                        return "none";
                    }
                }),
                PopProduct.CDN,
                Retry.standard());
        gateway = new CdnGateway(client);
        factory = new CdnSteps(gateway);
        Path file = dir.resolve("profile.yaml");
        Files.writeString(file, """
                apiVersion: ossops/v1
                kind: Profile
                name: unit
                region: cn-beijing
                buckets:
                  media-bucket: { region: cn-hangzhou }
                cdn:
                  domains:
                    media.example.com:
                      type: web
                      origin: { ossBucket: media-bucket }
                      privateOssAuth: false
                      https: { certificate: free }
                      cacheTtl:
                        - { fileTypes: [jpg], ttlSeconds: 60 }
                    site.example.com:
                      type: download
                      origin: { ip: 203.0.113.7 }
                """);
        profile = new ProfileLoader().load(file).profile().orElseThrow();
    }

    @AfterEach
    void tearDown() {
        client.shutdown();
    }

    private static Change change(Kind kind, String domain, Action action) {
        return new Change(
                Address.of(kind, domain),
                action,
                action == Action.CREATE ? NullNode.getInstance() : JsonNodeFactory.instance.objectNode(),
                JsonNodeFactory.instance.objectNode(),
                List.of(),
                List.of(),
                List.of(),
                List.of());
    }

    @Test
    void steps_domainCreate_ossOriginInTheBucketsRegionWithDefaults() {
        assertEquals(
                List.of(new AddCdnDomainStep(
                        Address.of(Kind.CDN_DOMAIN, DOMAIN),
                        List.of(),
                        gateway,
                        DOMAIN,
                        "web",
                        List.of(new CdnModel.Source(
                                "oss",
                                "media-bucket.oss-cn-hangzhou.aliyuncs.com",
                                Optional.of(80),
                                Optional.of("20"))))),
                factory.steps(change(Kind.CDN_DOMAIN, DOMAIN, Action.CREATE), profile));
    }

    @Test
    void steps_domainUpdate_modifiesIpOrigin() {
        assertEquals(
                List.of(new ModifyCdnDomainStep(
                        Address.of(Kind.CDN_DOMAIN, "site.example.com"),
                        List.of(),
                        gateway,
                        "site.example.com",
                        List.of(new CdnModel.Source("ipaddr", "203.0.113.7", Optional.of(80), Optional.of("20"))))),
                factory.steps(change(Kind.CDN_DOMAIN, "site.example.com", Action.UPDATE), profile));
    }

    @Test
    void steps_domainReplace_refused() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> factory.steps(change(Kind.CDN_DOMAIN, DOMAIN, Action.REPLACE), profile));
        assertEquals("cdn.domain.media.example.com: ossops never deletes a CDN domain to replace it", e.getMessage());
    }

    @Test
    void steps_privateOssAuthDelete_turnsItOff() {
        assertEquals(
                List.of(new SetPrivateOssAuthStep(
                        Address.of(Kind.CDN_PRIVATE_OSS_AUTH, DOMAIN), List.of(), gateway, DOMAIN, false)),
                factory.steps(change(Kind.CDN_PRIVATE_OSS_AUTH, DOMAIN, Action.DELETE), profile));
    }

    @Test
    void steps_cacheTtlAndHttps_fromProfile() {
        assertEquals(
                List.of(new SetCacheTtlStep(
                        Address.of(Kind.CDN_CACHE_TTL, DOMAIN),
                        List.of(),
                        gateway,
                        DOMAIN,
                        List.of(new TtlRules.Rule("filetype_based_ttl_set", "jpg", 60)))),
                factory.steps(change(Kind.CDN_CACHE_TTL, DOMAIN, Action.UPDATE), profile));
        assertEquals(
                List.of(new SetHttpsCertificateStep(Address.of(Kind.CDN_HTTPS, DOMAIN), List.of(), gateway, DOMAIN)),
                factory.steps(change(Kind.CDN_HTTPS, DOMAIN, Action.CREATE), profile));
    }

    @Test
    void steps_httpsNotInProfile_refused() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> factory.steps(change(Kind.CDN_HTTPS, "site.example.com", Action.DELETE), profile));
        assertEquals(
                "cdn.domain.site.example.com.https: the profile sets no certificate, and ossops does not turn HTTPS off",
                e.getMessage());
    }

    @Test
    void steps_noOp_none() {
        assertEquals(List.of(), factory.steps(change(Kind.CDN_CACHE_TTL, DOMAIN, Action.NOOP), profile));
    }
}
