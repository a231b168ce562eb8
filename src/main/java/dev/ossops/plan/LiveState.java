package dev.ossops.plan;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the live reader saw: one {@link Observed} per address that {@link LiveQuery} asked for, and the
 * optional object inventories for expiration impact. An address never read is simply missing.
 */
public final class LiveState {

    private final Map<Address, Observed<?>> observed;
    private final Map<InventoryRequest, Live.Inventory> inventories;

    private LiveState(Map<Address, Observed<?>> observed, Map<InventoryRequest, Live.Inventory> inventories) {
        this.observed = Collections.unmodifiableMap(new LinkedHashMap<>(observed));
        this.inventories = Map.copyOf(inventories);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static LiveState empty() {
        return builder().build();
    }

    /** What was observed at {@code address}, if it was read. */
    public Optional<Observed<?>> get(Address address) {
        return Optional.ofNullable(observed.get(address));
    }

    /** Every address read, in reading order. */
    public Map<Address, Observed<?>> observed() {
        return observed;
    }

    public Optional<Live.Inventory> inventory(InventoryRequest request) {
        return Optional.ofNullable(inventories.get(request));
    }

    /** The same state with inventories added (the reader lists objects after a first plan said which). */
    public LiveState withInventories(Map<InventoryRequest, Live.Inventory> more) {
        Map<InventoryRequest, Live.Inventory> all = new LinkedHashMap<>(inventories);
        all.putAll(more);
        return new LiveState(observed, all);
    }

    /**
     * Objects the expiration impact needs, under {@code prefix} of {@code bucket}: current versions last modified at
     * least {@code minAgeDays} ago and, when {@code modifiedBefore} is not empty, before that date (an Expiration
     * by Date or CreatedBeforeDate); or, when {@code noncurrent}, the versions noncurrent for at least
     * {@code minAgeDays} days.
     */
    public record InventoryRequest(
            String bucket, String prefix, long minAgeDays, String modifiedBefore, boolean noncurrent) {

        public static InventoryRequest olderThan(String bucket, String prefix, long days) {
            return new InventoryRequest(bucket, prefix, days, "", false);
        }

        public static InventoryRequest modifiedBefore(String bucket, String prefix, String date) {
            return new InventoryRequest(bucket, prefix, 0, date, false);
        }

        public static InventoryRequest noncurrentFor(String bucket, String prefix, long days) {
            return new InventoryRequest(bucket, prefix, days, "", true);
        }
    }

    /** Collects observations; a second value for one address is a reader bug and fails. */
    public static final class Builder {
        private final Map<Address, Observed<?>> observed = new LinkedHashMap<>();
        private final Map<InventoryRequest, Live.Inventory> inventories = new LinkedHashMap<>();

        private Builder() {}

        public Builder put(Address address, Observed<?> value) {
            if (observed.putIfAbsent(address, value) != null) {
                throw new IllegalArgumentException(address + " was observed twice");
            }
            return this;
        }

        public Builder found(Address address, Object value) {
            return put(address, Observed.found(value));
        }

        public Builder absent(Address address) {
            return put(address, Observed.absent());
        }

        public Builder unreadable(Address address, String reason) {
            return put(address, Observed.unreadable(reason));
        }

        public Builder inventory(InventoryRequest request, Live.Inventory inventory) {
            inventories.put(request, inventory);
            return this;
        }

        public LiveState build() {
            return new LiveState(observed, inventories);
        }
    }
}
