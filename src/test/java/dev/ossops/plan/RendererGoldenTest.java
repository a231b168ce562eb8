package dev.ossops.plan;

import dev.ossops.GoldenFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The text and JSON renderings of a representative plan against golden files in src/test/resources/golden/plan.
 * {@link GoldenFiles} compares them (and rewrites them with -Dgolden.update=true after an intended format change).
 */
class RendererGoldenTest {

    @TempDir
    Path dir;

    private Plan plan;

    @BeforeEach
    void plan() {
        plan = new Planner().plan(Representative.profile(dir), Representative.live(), PlanOptions.defaults());
    }

    private static void assertGolden(String name, String actual) {
        GoldenFiles.assertGolden("plan/" + name, actual);
    }

    @Test
    void render_textWithoutColour_matchesGolden() throws IOException {
        String text = new TextRenderer(false, false).render(plan);
        assertGolden("representative.txt", text);
        assertFalse(text.contains("\u001b["));
    }

    @Test
    void render_textWithColour_matchesGolden() throws IOException {
        String text = new TextRenderer(true, false).render(plan);
        assertGolden("representative-color.txt", text);
        assertTrue(text.contains("\u001b[32m+\u001b[0m"));
    }

    @Test
    void render_textVerbose_listsNormalisations() throws IOException {
        assertGolden("representative-verbose.txt", new TextRenderer(false, true).render(plan));
    }

    @Test
    void render_json_matchesGolden() throws IOException {
        assertGolden("representative.json", new JsonRenderer().render(plan));
    }

    @Test
    void render_anyFormat_neverShowsCdnCredentials() {
        String all = new TextRenderer(false, true).render(plan) + new JsonRenderer().render(plan);
        Representative.secrets().forEach(s -> assertFalse(all.contains(s), s));
    }

    @Test
    void summary_representative_countsEachAction() {
        assertEquals("Plan: 3 to add, 3 to change, 2 to destroy, 1 to replace.", TextRenderer.summary(plan));
        assertFalse(plan.complete());
        assertFalse(plan.applyable());
    }
}
