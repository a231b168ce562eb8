package dev.ossops.emulator.ram;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ossops.emulator.rpc.Params;
import dev.ossops.emulator.rpc.RpcJson;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * RAM's Marker/MaxItems paging: MaxItems 1..1000 (default 100); the marker is opaque to clients
 * and names the first item of the next page.
 */
record Paging<T>(List<T> items, boolean truncated, Optional<String> nextMarker) {
    static final int DEFAULT_MAX_ITEMS = 100;

    /**
     * The answer of a List action: the page of {@code items}, in the order of their {@code name}s, that the call's
     * Marker and MaxItems ask for, as {@code {"IsTruncated", "Marker" when there is more, listName: {itemName: [...]}}}.
     */
    static <T> ObjectNode listing(
            Params params,
            Collection<T> items,
            Function<T, String> name,
            String listName,
            String itemName,
            Function<T, ObjectNode> render) {
        List<T> sorted = items.stream().sorted(Comparator.comparing(name)).toList();
        Paging<T> page = page(sorted, name, params.optional("Marker"), params.integer("MaxItems"));
        ObjectNode out = RpcJson.object();
        out.put("IsTruncated", page.truncated());
        page.nextMarker().ifPresent(m -> out.put("Marker", m));
        out.set(listName, RpcJson.list(itemName, page.items(), render));
        return out;
    }

    private static <T> Paging<T> page(
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
