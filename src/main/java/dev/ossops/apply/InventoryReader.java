package dev.ossops.apply;

import dev.ossops.cloud.CloudException;
import dev.ossops.cloud.oss.BucketObjects;
import dev.ossops.cloud.oss.Inventory;
import dev.ossops.cloud.oss.OssBucket;
import dev.ossops.plan.Live;
import dev.ossops.plan.LiveState.InventoryRequest;
import dev.ossops.spec.model.Profile;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The second pass of a plan: bounded object listings for the expiration impacts the first plan asked for. A listing
 * that fails is reported as a warning and left out, so that impact stays "not measured" instead of guessed.
 */
public final class InventoryReader {
    private final BucketObjects objects;
    private final Profile profile;
    private final Clock clock;
    private final long limit;

    public InventoryReader(BucketObjects objects, Profile profile, Clock clock, long limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("inventory limit must be at least 1, got " + limit);
        }
        this.objects = objects;
        this.profile = profile;
        this.clock = clock;
        this.limit = limit;
    }

    /** The inventories read, and one warning per listing that failed. */
    public record Result(Map<InventoryRequest, Live.Inventory> inventories, List<String> warnings) {}

    public Result read(List<InventoryRequest> requests) {
        Map<InventoryRequest, Live.Inventory> out = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        Instant now = clock.instant();
        for (InventoryRequest r : requests) {
            OssBucket b = BucketRegions.of(profile, r.bucket());
            try {
                Inventory inv = r.noncurrent()
                        ? objects.noncurrent(b, r.prefix(), r.minAgeDays(), now, limit)
                        : objects.current(b, r.prefix(), r.minAgeDays(), before(r.modifiedBefore()), now, limit);
                out.put(r, new Live.Inventory(inv.objects(), inv.bytes(), inv.truncated(), inv.limit()));
            } catch (CloudException e) {
                warnings.add(
                        "object inventory of " + r.bucket() + "/" + r.prefix() + " not measured: " + e.getMessage());
            }
        }
        return new Result(out, warnings);
    }

    private static Optional<Instant> before(String date) {
        if (date.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                date.length() == 10
                        ? LocalDate.parse(date).atStartOfDay(ZoneOffset.UTC).toInstant()
                        : Instant.parse(date));
    }
}
