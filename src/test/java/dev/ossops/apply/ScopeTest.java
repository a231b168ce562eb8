package dev.ossops.apply;

import dev.ossops.spec.ProfileLoader;
import dev.ossops.spec.model.Profile;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScopeTest {
    private static Profile local() {
        return new ProfileLoader()
                .load(Path.of("profiles/local.yaml"))
                .profile()
                .orElseThrow();
    }

    @Test
    void of_bucketsOnly_excludesRamAndCdnAndNamesThem() {
        Scope scope = Scope.of(local(), EnumSet.of(Family.BUCKETS));

        assertEquals(
                List.of(
                        "ram: 6 addresses: this build has no ram live source and steps yet",
                        "cdn: 4 addresses: this build has no cdn live source and steps yet"),
                scope.excluded());
        assertTrue(scope.profile().ram().roles().isEmpty());
        assertTrue(scope.profile().cdn().domains().isEmpty());
        assertEquals(local().buckets().keySet(), scope.profile().buckets().keySet());
    }

    @Test
    void of_allFamilies_keepsTheProfile() {
        Scope scope = Scope.of(local(), EnumSet.allOf(Family.class));

        assertEquals(List.of(), scope.excluded());
        assertEquals(local(), scope.profile());
    }
}
