package dev.ossops.plan;

import java.util.Locale;
import java.util.Optional;

/** The "would expire ..." text of an expiration change, from the bounded object inventory. */
final class ExpirationImpact {

    private ExpirationImpact() {}

    static String describe(LiveState.InventoryRequest request, Optional<Live.Inventory> inventory, boolean skipped) {
        String where = request.prefix().isEmpty() ? "in the whole bucket" : "under " + request.prefix();
        if (skipped) {
            return "impact not measured: inventory skipped";
        }
        if (inventory.isEmpty()) {
            return "impact not measured: no inventory was read " + where;
        }
        Live.Inventory i = inventory.get();
        String what = request.noncurrent()
                ? (i.objects() == 1 ? "noncurrent version" : "noncurrent versions")
                : (i.objects() == 1 ? "object" : "objects");
        String text = "would expire " + (i.truncated() ? "at least " : "") + count(i.objects()) + " " + what + ", "
                + bytes(i.bytes()) + ", " + where;
        return i.truncated() ? text + " (listing truncated at " + count(i.limit()) + ")" : text;
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** Binary units, one decimal, as the OSS console shows sizes. */
    static String bytes(long n) {
        String[] units = {"KB", "MB", "GB", "TB", "PB"};
        if (n < 1024) {
            return n + (n == 1 ? " byte" : " bytes");
        }
        double value = n;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
