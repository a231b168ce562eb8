package dev.ossops.emulator.cdn;

import dev.ossops.emulator.rpc.Credential;
import dev.ossops.emulator.rpc.Params;
import dev.ossops.emulator.rpc.Principal;
import dev.ossops.emulator.rpc.RpcCall;
import dev.ossops.policy.access.RefererRule;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the edge reads of a domain configured through the CDN API: status, origin, Referer rule, URL auth, refreshes. */
class EdgeDirectoryTest {
    private static final String ACCOUNT = "1680000000000001";
    private static final String DOMAIN = "cdn.example.test";
    private static final Instant NOW = Instant.parse("2026-08-01T00:00:00Z");
    private static final Credential ROOT =
            Credential.permanent("LTAI5tRootForEdgeTests", "secret", new Principal.Root(ACCOUNT), true, List.of());

    @TempDir
    Path dir;

    private CdnService service;
    private EdgeDirectory directory;

    @BeforeEach
    void open() {
        CdnStore store = CdnStore.open(dir);
        service = new CdnService(store, ACCOUNT, Duration.ZERO);
        directory = new EdgeDirectory(Map.of(ACCOUNT, store));
        call(
                "AddCdnDomain",
                Map.of(
                        "DomainName", DOMAIN,
                        "CdnType", "web",
                        "Sources",
                                "[{\"content\":\"media.oss-cn-beijing.aliyuncs.com\",\"type\":\"oss\",\"priority\":\"20\"}]"));
    }

    private void call(String action, Map<String, String> params) {
        service.invoke(new RpcCall(action, new Params(params), ROOT, "req", NOW));
    }

    private void configure(String functions) {
        call("BatchSetCdnDomainConfig", Map.of("DomainNames", DOMAIN, "Functions", functions));
    }

    private EdgeDomain served() {
        return directory.serving(DOMAIN, NOW).orElseThrow();
    }

    @Test
    void onlineDomain_servedWithItsOssOriginBucket_stoppedOrUnknownNotServed() {
        EdgeDomain domain = served();
        assertEquals(ACCOUNT, domain.accountId());
        assertEquals(Optional.of("media"), domain.originBucket());
        assertFalse(domain.privateOssAuth());
        assertEquals(Optional.empty(), domain.referer());
        assertEquals(Optional.empty(), domain.urlAuth());
        assertEquals(Optional.empty(), directory.serving("other.example.test", NOW));
        call("StopCdnDomain", Map.of("DomainName", DOMAIN));
        assertEquals(Optional.empty(), directory.serving(DOMAIN, NOW));
    }

    @Test
    void wildcardDomain_answersForOneLabelBelowIt_andItsUrlsMayBeRefreshed() {
        call(
                "AddCdnDomain",
                Map.of(
                        "DomainName", "*.wild.test",
                        "CdnType", "web",
                        "Sources", "[{\"content\":\"wild.oss-cn-beijing.aliyuncs.com\",\"type\":\"oss\"}]"));
        assertEquals(
                "*.wild.test",
                directory.serving("img.wild.test", NOW).orElseThrow().domainName());
        assertEquals(Optional.empty(), directory.serving("a.img.wild.test", NOW));
        assertEquals(Optional.empty(), directory.serving("wild.test", NOW));
        long mark = directory.serving("img.wild.test", NOW).orElseThrow().refreshMark();
        call("RefreshObjectCaches", Map.of("ObjectPath", "http://img.wild.test/a.png"));
        assertTrue(directory.refreshedSince(ACCOUNT, "img.wild.test", "/a.png", mark));
        assertFalse(directory.refreshedSince(ACCOUNT, "css.wild.test", "/a.png", mark));
    }

    @Test
    void originBucket_onlyAnOssEndpointNamesOne_primaryFirst() {
        assertEquals(
                Optional.of("primary"),
                EdgeDirectory.originBucket(List.of(
                        new CdnSource("backup.oss-cn-hangzhou.aliyuncs.com", "oss", 80, "30", "10"),
                        new CdnSource("primary.oss-cn-hangzhou-internal.aliyuncs.com", "oss", 80, "20", "10"))));
        assertEquals(
                Optional.empty(),
                EdgeDirectory.originBucket(List.of(new CdnSource("origin.example.com", "domain", 80, "20", "10"))));
        assertEquals(
                Optional.empty(),
                EdgeDirectory.originBucket(
                        List.of(new CdnSource("not.a-bucket.oss-cn-hangzhou.aliyuncs.com", "oss", 80, "20", "10"))));
    }

    @Test
    void privateOssAuth_onlyWhenL2OssKeyIsOn() {
        configure(
                "[{\"functionName\":\"l2_oss_key\",\"functionArgs\":[{\"argName\":\"private_oss_auth\",\"argValue\":\"on\"}]}]");
        assertTrue(served().privateOssAuth());
        configure(
                "[{\"functionName\":\"l2_oss_key\",\"functionArgs\":[{\"argName\":\"private_oss_auth\",\"argValue\":\"off\"}]}]");
        assertFalse(served().privateOssAuth());
    }

    @Test
    void refererWhiteList_admitsListedDomainsAndSubdomains_emptyPerAllowEmpty() {
        configure("[{\"functionName\":\"referer_white_list_set\",\"functionArgs\":["
                + "{\"argName\":\"refer_domain_allow_list\",\"argValue\":\"example.com, *.partner.test\"}]}]");
        RefererRule rule = served().referer().orElseThrow();
        assertTrue(rule.admits(Optional.of("https://example.com/page")));
        assertTrue(rule.admits(Optional.of("https://www.Example.com/page")));
        assertTrue(rule.admits(Optional.of("http://img.partner.test/")));
        assertFalse(rule.admits(Optional.of("http://partner.test/")));
        assertFalse(rule.admits(Optional.of("https://evil.test/?example.com")));
        assertFalse(rule.admits(Optional.empty()));
        configure("[{\"functionName\":\"referer_white_list_set\",\"functionArgs\":["
                + "{\"argName\":\"refer_domain_allow_list\",\"argValue\":\"example.com\"},"
                + "{\"argName\":\"allow_empty\",\"argValue\":\"on\"}]}]");
        assertTrue(served().referer().orElseThrow().admits(Optional.empty()));
    }

    @Test
    void refererBlackList_refusesListedDomainsOnly() {
        configure("[{\"functionName\":\"referer_black_list_set\",\"functionArgs\":["
                + "{\"argName\":\"refer_domain_deny_list\",\"argValue\":\"evil.test\"},"
                + "{\"argName\":\"allow_empty\",\"argValue\":\"on\"}]}]");
        RefererRule rule = served().referer().orElseThrow();
        assertFalse(rule.admits(Optional.of("https://evil.test/")));
        assertFalse(rule.admits(Optional.of("https://cdn.evil.test/")));
        assertTrue(rule.admits(Optional.of("https://example.com/")));
        assertTrue(rule.admits(Optional.empty()));
    }

    @Test
    void aliauth_typeAWithDefaultDelta_noAuthMeansNone() {
        configure("[{\"functionName\":\"aliauth\",\"functionArgs\":["
                + "{\"argName\":\"auth_type\",\"argValue\":\"type_a\"},"
                + "{\"argName\":\"auth_key1\",\"argValue\":\"Key1ForEdgeTests\"}]}]");
        UrlAuth auth = served().urlAuth().orElseThrow();
        long timestamp = NOW.getEpochSecond();
        String hash = UrlAuth.md5("/a.jpg-" + timestamp + "-r-0-Key1ForEdgeTests");
        String query = "auth_key=" + timestamp + "-r-0-" + hash;
        assertTrue(auth.verify("/a.jpg", query, NOW.plusSeconds(1800)).passed());
        assertFalse(auth.verify("/a.jpg", query, NOW.plusSeconds(1801)).passed());
        configure(
                "[{\"functionName\":\"aliauth\",\"functionArgs\":[{\"argName\":\"auth_type\",\"argValue\":\"no_auth\"}]}]");
        assertEquals(Optional.empty(), served().urlAuth());
    }

    @Test
    void ttlRules_fromBothFunctions() {
        configure("[{\"functionName\":\"path_based_ttl_set\",\"functionArgs\":["
                + "{\"argName\":\"path\",\"argValue\":\"/static/\"},{\"argName\":\"ttl\",\"argValue\":\"86400\"}]},"
                + "{\"functionName\":\"filetype_based_ttl_set\",\"functionArgs\":["
                + "{\"argName\":\"file_type\",\"argValue\":\"jpg\"},{\"argName\":\"ttl\",\"argValue\":\"600\"},"
                + "{\"argName\":\"weight\",\"argValue\":\"50\"}]}]");
        CacheTtl ttl = served().ttl();
        assertEquals(new CacheTtl.Ttl(600, "filetype_based_ttl_set jpg"), ttl.decide("/static/a.jpg", Map.of(), NOW));
        assertEquals(new CacheTtl.Ttl(86400, "path_based_ttl_set /static/"), ttl.decide("/static/a.js", Map.of(), NOW));
    }

    @Test
    void refresh_coversFilesAndDirectoriesFromTheMarkOn() {
        long mark = served().refreshMark();
        assertFalse(directory.refreshedSince(ACCOUNT, DOMAIN, "/img/a.jpg", mark));
        call("RefreshObjectCaches", Map.of("ObjectPath", "http://" + DOMAIN + "/img/a.jpg", "ObjectType", "File"));
        assertTrue(directory.refreshedSince(ACCOUNT, DOMAIN, "/img/a.jpg", mark));
        assertFalse(directory.refreshedSince(ACCOUNT, DOMAIN, "/img/b.jpg", mark));
        long later = served().refreshMark();
        assertFalse(directory.refreshedSince(ACCOUNT, DOMAIN, "/img/a.jpg", later));
        call("RefreshObjectCaches", Map.of("ObjectPath", DOMAIN + "/img/", "ObjectType", "Directory"));
        assertTrue(directory.refreshedSince(ACCOUNT, DOMAIN, "/img/b.jpg", later));
        assertFalse(directory.refreshedSince(ACCOUNT, DOMAIN, "/css/b.css", later));
        assertFalse(directory.refreshedSince("1680000000000002", DOMAIN, "/img/b.jpg", 0));
    }
}
