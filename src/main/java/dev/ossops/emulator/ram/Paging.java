package dev.ossops.emulator.ram;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * RAM's Marker/MaxItems paging: MaxItems 1..1000 (default 100); the marker is opaque to clients
 * and names the first item of the next page.
 */
record Paging<T>(List<T> items, boolean truncated, Optional<String> nextMarker) {
    static final int DEFAULT_MAX_ITEMS = 100;

    static <T> Paging<T> page(
            List<T> sorted, Function<T, String> name, Optional<String> marker, Optional<Integer> maxItems) {
        int max = maxItems.orElse(DEFAULT_MAX_ITEMS);
        if (max < 1 || max > 1000) {
            throw RamErrors.invalid("MaxItems");
        }
        int start = 0;
        if (marker.isPresent()) {
            String after = decode(marker.get());
            while (start < sorted.size() && name.apply(sorted.get(start)).compareTo(after) < 0) {
                start++;
            }
        }
        int end = Math.min(sorted.size(), start + max);
        boolean truncated = end < sorted.size();
        return new Paging<>(
                sorted.subList(start, end),
                truncated,
                truncated ? Optional.of(encode(name.apply(sorted.get(end)))) : Optional.empty());
    }

    private static String encode(String name) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(name.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String marker) {
        try {
            return new String(Base64.getUrlDecoder().decode(marker), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw RamErrors.invalid("Marker");
        }
    }
}
