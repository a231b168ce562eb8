package dev.ossops.apply.cdn;

import dev.ossops.cloud.cdn.CdnModel;
import dev.ossops.spec.model.Cdn;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Profile TTL entries -> CDN configurations, and which live configurations to set or delete. */
class TtlRulesTest {
    private static final TtlRules.Rule IMAGES = new TtlRules.Rule("filetype_based_ttl_set", "JPG,png", 3600);
    private static final TtlRules.Rule STATIC = new TtlRules.Rule("path_based_ttl_set", "/static/", 86400);

    @Test
    void of_fileTypesAndPaths_oneConfigPerPath() {
        assertEquals(
                List.of(IMAGES, STATIC, new TtlRules.Rule("path_based_ttl_set", "/assets/", 86400)),
                TtlRules.of(List.of(
                        new Cdn.CacheTtl(List.of("JPG", "png"), List.of(), 3600),
                        new Cdn.CacheTtl(List.of(), List.of("/static/", "/assets/"), 86400))));
    }

    @Test
    void reconcile_liveMatchesIgnoringCaseOrderAndWeight_nothingToDo() {
        List<CdnModel.Config> live = List.of(
                config("filetype_based_ttl_set", "1", Map.of("file_type", "png,jpg", "ttl", "3600", "weight", "1")),
                config("path_based_ttl_set", "2", Map.of("path", "/static/", "ttl", "86400", "weight", "1")));

        assertEquals(
                new TtlRules.Reconciliation(List.of(), List.of()), TtlRules.reconcile(List.of(IMAGES, STATIC), live));
    }

    @Test
    void reconcile_ttlDiffers_updatedInPlaceByConfigId() {
        List<CdnModel.Config> live =
                List.of(config("filetype_based_ttl_set", "1", Map.of("file_type", "jpg,png", "ttl", "60")));

        assertEquals(
                new TtlRules.Reconciliation(
                        List.of(new CdnModel.FunctionSetting(
                                "filetype_based_ttl_set",
                                Optional.of("1"),
                                Map.of("ttl", "3600", "file_type", "JPG,png"))),
                        List.of()),
                TtlRules.reconcile(List.of(IMAGES), live));
    }

    @Test
    void reconcile_missingAndUnwanted_addedAndDeleted() {
        List<CdnModel.Config> live = List.of(
                config("path_based_ttl_set", "5", Map.of("path", "/tmp/", "ttl", "5")),
                config("path_based_ttl_set", "6", Map.of("path", "/static/", "ttl", "86400")),
                config("path_based_ttl_set", "7", Map.of("path", "/static/", "ttl", "86400")));

        assertEquals(
                new TtlRules.Reconciliation(
                        List.of(new CdnModel.FunctionSetting(
                                "filetype_based_ttl_set",
                                Optional.empty(),
                                Map.of("ttl", "3600", "file_type", "JPG,png"))),
                        List.of("5", "7")),
                TtlRules.reconcile(List.of(IMAGES, STATIC), live));
    }

    @Test
    void reconcile_pathComparedExactly_differentCaseIsAnotherRule() {
        List<CdnModel.Config> live =
                List.of(config("path_based_ttl_set", "3", Map.of("path", "/Static/", "ttl", "86400")));

        assertEquals(
                new TtlRules.Reconciliation(
                        List.of(new CdnModel.FunctionSetting(
                                "path_based_ttl_set", Optional.empty(), Map.of("ttl", "86400", "path", "/static/"))),
                        List.of("3")),
                TtlRules.reconcile(List.of(STATIC), live));
    }

    private static CdnModel.Config config(String function, String id, Map<String, String> args) {
        return new CdnModel.Config(function, id, args);
    }
}
