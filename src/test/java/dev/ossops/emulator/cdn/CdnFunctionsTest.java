package dev.ossops.emulator.cdn;

import dev.ossops.emulator.rpc.RpcException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CdnFunctionsTest {
    private final CdnFunctions functions = new CdnFunctions("1234567890123456");

    private static CdnFunctionArg arg(String name, String value) {
        return new CdnFunctionArg(name, value);
    }

    private RpcException refused(String function, CdnFunctionArg... args) {
        return assertThrows(RpcException.class, () -> functions.normalise(function, List.of(args)));
    }

    @Test
    void normalise_privateOssOn_addsTheServiceArguments() {
        assertEquals(
                List.of(
                        arg("private_oss_auth", "on"),
                        arg("private_oss_ram_unauthorized", "off"),
                        arg("perm_private_oss_tbl", "1234567890123456")),
                functions.normalise("l2_oss_key", List.of(arg("private_oss_auth", "on"))));
    }

    @Test
    void normalise_privateOssOff_dropsTheServiceArguments() {
        assertEquals(
                List.of(arg("private_oss_auth", "off")),
                functions.normalise(
                        "l2_oss_key",
                        List.of(arg("private_oss_auth", "off"), arg("private_oss_ram_unauthorized", "on"))));
    }

    @Test
    void normalise_ttlRules_gainDefaultWeightAndDeduplicateTypes() {
        assertEquals(
                List.of(arg("ttl", "3600"), arg("file_type", "jpg,png"), arg("weight", "1")),
                functions.normalise(
                        "filetype_based_ttl_set", List.of(arg("ttl", "3600"), arg("file_type", " jpg, png,jpg "))));
        assertEquals(
                List.of(arg("ttl", "60"), arg("path", "/static"), arg("weight", "5")),
                functions.normalise(
                        "path_based_ttl_set", List.of(arg("ttl", "60"), arg("path", "/static"), arg("weight", "5"))));
    }

    @Test
    void normalise_httpsForce_defaultsTo301() {
        assertEquals(
                List.of(arg("enable", "on"), arg("https_rewrite", "301")),
                functions.normalise("https_force", List.of(arg("enable", "on"))));
    }

    @Test
    void normalise_refererList_trimsAndAddsAllowEmpty() {
        assertEquals(
                List.of(arg("refer_domain_allow_list", "a.com,*.b.com"), arg("allow_empty", "off")),
                functions.normalise(
                        "referer_white_list_set", List.of(arg("refer_domain_allow_list", "a.com, *.b.com,a.com,"))));
        assertEquals(
                List.of(arg("refer_domain_deny_list", "x.com"), arg("allow_empty", "on")),
                functions.normalise(
                        "referer_black_list_set",
                        List.of(arg("refer_domain_deny_list", "x.com"), arg("allow_empty", "on"))));
    }

    @Test
    void normalise_aliauth_needsKeyUnlessNoAuth() {
        assertEquals(
                List.of(arg("auth_type", "type_a"), arg("auth_key1", "k1"), arg("ali_auth_delta", "1800")),
                functions.normalise("aliauth", List.of(arg("auth_type", "type_a"), arg("auth_key1", "k1"))));
        assertEquals(
                "InvalidArgValue.Malformed",
                refused("aliauth", arg("auth_type", "type_b")).code());
    }

    @Test
    void normalise_unknownFunctionOrArgument_isNotSupported() {
        RpcException function = refused("no_such_function", arg("enable", "on"));
        assertEquals("InvalidFunctionName.ValueNotSupported", function.code());
        assertEquals(400, function.status());
        assertEquals("FunctionName no_such_function is not supported.", function.getMessage());
        RpcException argument = refused("https_force", arg("enable", "on"), arg("typo", "1"));
        assertEquals("InvalidArgName.ValueNotSupported", argument.code());
        assertEquals("ArgName typo is not supported.", argument.getMessage());
    }

    @Test
    void normalise_badValues_areArgValueMalformed() {
        for (RpcException e : List.of(
                refused("l2_oss_key", arg("private_oss_auth", "yes")),
                refused("filetype_based_ttl_set", arg("ttl", "1h"), arg("file_type", "jpg")),
                refused("filetype_based_ttl_set", arg("file_type", "jpg")),
                refused("path_based_ttl_set", arg("ttl", "1"), arg("path", "static")),
                refused("path_based_ttl_set", arg("ttl", "1"), arg("path", "/s"), arg("weight", "100")),
                refused("https_force", arg("enable", "on"), arg("https_rewrite", "302")))) {
            assertEquals("InvalidArgValue.Malformed", e.code());
            assertEquals("Specified ArgValue is malformed.", e.getMessage());
        }
    }

    @Test
    void normalise_repeatedArgument_isFunctionsMalformed() {
        RpcException e = refused("https_force", arg("enable", "on"), arg("enable", "off"));
        assertEquals("InvalidFunctions.Malformed", e.code());
        assertEquals("Specified Functions is malformed.", e.getMessage());
    }

    @Test
    void multiInstance_onlyTtlRules() {
        assertTrue(CdnFunctions.multiInstance("path_based_ttl_set"));
        assertFalse(CdnFunctions.multiInstance("l2_oss_key"));
    }
}
