package dev.ossops.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Summary lines and the sections of small plans. */
class TextRendererTest {
    private static final Address ACL = Address.of(Address.Kind.ACL, "media");

    private static Plan plan(List<Change> changes, Map<Address, String> unreadable, List<Plan.PlanError> errors) {
        return new Plan("p", changes, unreadable, errors, Set.of(), List.of(), List.of());
    }

    private static Change noop() {
        return new Change(
                ACL,
                Action.NOOP,
                JsonValues.of("private"),
                JsonValues.of("private"),
                List.of(),
                List.of(),
                List.of(),
                List.of());
    }

    @Test
    void render_nothingToDo_noChangesLine() {
        assertEquals(
                "No changes. Live state matches the profile.\n",
                new TextRenderer(false, false).render(plan(List.of(noop()), Map.of(), List.of())));
    }

    @Test
    void summary_noChangesButIncompleteOrErrors_saysSo() {
        assertEquals(
                "No changes found, but the plan is incomplete.",
                TextRenderer.summary(plan(List.of(), Map.of(ACL, "GetBucketAcl failed: timeout"), List.of())));
        assertEquals(
                "No changes found, but the plan is not applyable.",
                TextRenderer.summary(plan(List.of(), Map.of(), List.of(new Plan.PlanError(ACL, "bad")))));
    }

    @Test
    void render_deleteWithDanger_blockWithSymbolFieldsAndWarning() {
        Change delete = new Change(
                ACL,
                Action.DELETE,
                JsonValues.of("x"),
                NullNode.getInstance(),
                List.of(new FieldDiff("", JsonValues.of("x"), NullNode.getInstance())),
                List.of("because"),
                List.of(new Danger(DangerRule.ACL_PUBLIC, "m")),
                List.of());
        assertEquals("""
                - bucket.media.acl
                    "x" -> (none)
                    # because
                    ! acl-public: m

                Plan: 0 to add, 0 to change, 1 to destroy, 0 to replace.
                1 change is destructive; apply refuses it without --allow-destructive.
                """, new TextRenderer(false, false).render(plan(List.of(delete), Map.of(), List.of())));
    }

    @Test
    void render_createdLifecycle_nestedAttributesOnePerLine() throws Exception {
        JsonNode lifecycle = new ObjectMapper()
                .readTree("{\"temp\":{\"prefix\":\"temp/\",\"enabled\":true,\"expiration\":{\"days\":7},"
                        + "\"tags\":{\"team x\":\"a\\r\\nb\"},\"transitions\":[{\"days\":30,\"storageClass\":\"IA\"}],"
                        + "\"noncurrent\":[]}}");
        Address address = Address.of(Address.Kind.LIFECYCLE, "media");
        Change create = new Change(
                address,
                Action.CREATE,
                NullNode.getInstance(),
                lifecycle,
                List.of(new FieldDiff("", NullNode.getInstance(), lifecycle)),
                List.of(),
                List.of(),
                List.of());
        assertEquals("""
                + bucket.media.lifecycle
                    + temp = {
                        + prefix      = "temp/"
                        + enabled     = true
                        + expiration  = {
                            + days = 7
                          }
                        + tags        = {
                            + "team x" = "a\\r\\nb"
                          }
                        + transitions = [
                            + {
                                + days         = 30
                                + storageClass = "IA"
                              },
                          ]
                        + noncurrent  = []
                      }

                Plan: 1 to add, 0 to change, 0 to destroy, 0 to replace.
                """, new TextRenderer(false, false).render(plan(List.of(create), Map.of(), List.of())));
    }

    @Test
    void render_update_keepsFieldLevelDiffs() {
        Change update = new Change(
                ACL,
                Action.UPDATE,
                JsonValues.of("private"),
                JsonValues.of("public-read"),
                List.of(new FieldDiff("", JsonValues.of("private"), JsonValues.of("public-read"))),
                List.of(),
                List.of(),
                List.of());
        assertEquals("""
                ~ bucket.media.acl
                    "private" -> "public-read"

                Plan: 0 to add, 1 to change, 0 to destroy, 0 to replace.
                """, new TextRenderer(false, false).render(plan(List.of(update), Map.of(), List.of())));
    }
}
