package dev.ossops.audit.collect;

import dev.ossops.spec.tree.Location;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProfileLocationsTest {
    private static final String PROFILE = """
            apiVersion: ossops/v1
            buckets:
              media:
                acl: private
                lifecycle:
                  - lifecycle/abort.json
            cdn:
              domains:
                media.example.com:
                  type: web
            uploader:
              bucket: media
            """;

    @Test
    void of_nestedKeysListsAndDottedKeys_locatedAsFindingsNameThem() {
        Map<String, Location> locations = ProfileLocations.of("prod.yaml", PROFILE);

        assertEquals(new Location("prod.yaml", 3, 3), locations.get("buckets.media"));
        assertEquals(new Location("prod.yaml", 4, 5), locations.get("buckets.media.acl"));
        assertEquals(new Location("prod.yaml", 6, 9), locations.get("buckets.media.lifecycle[0]"));
        assertEquals(new Location("prod.yaml", 9, 5), locations.get("cdn.domains[\"media.example.com\"]"));
        assertEquals(new Location("prod.yaml", 11, 1), locations.get("uploader"));
    }

    @Test
    void of_malformedText_noLocations() {
        assertEquals(Map.of(), ProfileLocations.of("bad.yaml", "buckets: [unclosed"));
    }
}
