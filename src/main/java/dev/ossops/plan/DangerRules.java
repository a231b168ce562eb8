package dev.ossops.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.ossops.policy.Effect;
import dev.ossops.policy.PolicyParser;
import dev.ossops.policy.PolicyType;
import dev.ossops.policy.Statement;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Applies the {@link DangerRule}s to one compared value. Expiration changes also name the inventory they need for
 * their impact text, which the caller collects into the plan so the reader can list objects and plan again.
 */
final class DangerRules {
    private static final Map<String, Integer> ACL_OPENNESS = Map.of("public-read", 1, "public-read-write", 2);

    private final LiveState live;
    private final boolean inventorySkipped;
    private final Optional<Connection> connection;

    DangerRules(LiveState live, boolean inventorySkipped, Optional<Connection> connection) {
        this.live = live;
        this.inventorySkipped = inventorySkipped;
        this.connection = connection;
    }

    /** Dangers of changing {@code address} from {@code before} to {@code after} (JSON null = absent). */
    List<Danger> assess(
            Address address,
            JsonNode before,
            JsonNode after,
            boolean newBucket,
            Consumer<LiveState.InventoryRequest> needs) {
        List<Danger> dangers = new ArrayList<>();
        switch (address.kind()) {
            case VERSIONING -> {
                if (before.asText("").equals("Enabled") && after.asText("").equals("Suspended")) {
                    dangers.add(new Danger(DangerRule.VERSIONING_SUSPENDED, "versioning Enabled -> Suspended"));
                }
            }
            case ACL -> {
                int was = ACL_OPENNESS.getOrDefault(before.asText(""), 0);
                int will = ACL_OPENNESS.getOrDefault(after.asText(""), 0);
                if (will > was) {
                    dangers.add(new Danger(DangerRule.ACL_PUBLIC, "ACL becomes " + after.asText()));
                }
            }
            case BLOCK_PUBLIC_ACCESS -> {
                if (before.asBoolean(false) && !after.asBoolean(false)) {
                    dangers.add(
                            new Danger(DangerRule.BLOCK_PUBLIC_ACCESS_REMOVED, "Block Public Access is turned off"));
                }
            }
            case POLICY -> {
                Set<String> opened = new TreeSet<>(publicStatements(after));
                opened.removeAll(publicStatements(before));
                if (!opened.isEmpty()) {
                    dangers.add(new Danger(
                            DangerRule.POLICY_PUBLIC,
                            "the policy allows everyone (Principal \"*\"): " + String.join("; ", opened)));
                }
                connection
                        .flatMap(c -> SelfLockout.assess(address.owner(), after, c))
                        .ifPresent(dangers::add);
            }
            case REPLICATION_RULE -> {
                if (after.isNull() && !before.isNull()) {
                    dangers.add(new Danger(
                            DangerRule.REPLICATION_DELETED,
                            "replication rule " + address.name() + " to "
                                    + before.path("destinationBucket").asText() + " is deleted"));
                }
            }
            case LIFECYCLE -> {
                if (!newBucket) {
                    expirations(address, before, after, dangers, needs);
                }
            }
            default -> {}
        }
        return dangers;
    }

    private void expirations(
            Address address,
            JsonNode before,
            JsonNode after,
            List<Danger> dangers,
            Consumer<LiveState.InventoryRequest> needs) {
        for (Iterator<Map.Entry<String, JsonNode>> it = after.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String id = e.getKey();
            JsonNode rule = e.getValue();
            if (!rule.path("enabled").asBoolean(false)) {
                continue;
            }
            JsonNode old = before.path(id);
            boolean oldActive = old.path("enabled").asBoolean(false);
            String prefix = rule.path("prefix").asText("");
            boolean scopeSame = oldActive
                    && old.path("prefix").asText("").equals(prefix)
                    && old.path("tags").equals(rule.path("tags"))
                    && old.path("filterNot").equals(rule.path("filterNot"));
            JsonNode exp = rule.path("expiration");
            JsonNode oldExp = scopeSame ? old.path("expiration") : MissingNode.getInstance();
            String current = expirationChange(exp, oldExp);
            if (current != null) {
                LiveState.InventoryRequest request = exp.has("days")
                        ? LiveState.InventoryRequest.olderThan(
                                address.owner(), prefix, exp.get("days").asLong())
                        : LiveState.InventoryRequest.modifiedBefore(
                                address.owner(),
                                prefix,
                                exp.has("date")
                                        ? exp.get("date").asText()
                                        : exp.get("createdBeforeDate").asText());
                needs.accept(request);
                dangers.add(new Danger(
                        DangerRule.EXPIRATION_ADDED,
                        "lifecycle rule " + id + " " + current + ": "
                                + ExpirationImpact.describe(request, live.inventory(request), inventorySkipped)));
            }
            long days = rule.path("noncurrentExpirationDays").asLong(0);
            long oldDays = scopeSame ? old.path("noncurrentExpirationDays").asLong(0) : 0;
            if (days > 0 && (oldDays == 0 || days < oldDays)) {
                LiveState.InventoryRequest request =
                        LiveState.InventoryRequest.noncurrentFor(address.owner(), prefix, days);
                needs.accept(request);
                String change = oldDays == 0
                        ? "adds NoncurrentVersionExpiration after " + days + " days"
                        : "shortens NoncurrentVersionExpiration from " + oldDays + " to " + days + " days";
                dangers.add(new Danger(
                        DangerRule.NONCURRENT_EXPIRATION_ADDED,
                        "lifecycle rule " + id + " " + change + ": "
                                + ExpirationImpact.describe(request, live.inventory(request), inventorySkipped)));
            }
        }
    }

    /** What an Expiration change does, or null when it deletes nothing more than before. */
    private static @Nullable String expirationChange(JsonNode exp, JsonNode oldExp) {
        if (exp.isMissingNode() || (!exp.has("days") && !exp.has("date") && !exp.has("createdBeforeDate"))) {
            return null;
        }
        if (exp.has("days")) {
            long days = exp.get("days").asLong();
            if (oldExp.has("days")) {
                long was = oldExp.get("days").asLong();
                return days < was ? "shortens Expiration from " + was + " to " + days + " days" : null;
            }
            return "adds Expiration after " + days + " days";
        }
        String field = exp.has("date") ? "date" : "createdBeforeDate";
        String value = exp.get(field).asText();
        if (oldExp.path(field).asText("").equals(value)) {
            return null;
        }
        return "adds Expiration " + (field.equals("date") ? "on " : "of objects created before ") + value;
    }

    private static List<String> publicStatements(JsonNode policy) {
        if (policy.isNull() || policy.isMissingNode()) {
            return List.of();
        }
        List<String> open = new ArrayList<>();
        for (Statement s :
                PolicyParser.parse(policy.toString(), PolicyType.BUCKET).statements()) {
            if (s.effect() == Effect.ALLOW
                    && s.principals()
                            .map(p -> p.includesEveryone() || p.ram().isEmpty())
                            .orElse(false)) {
                open.add(String.join(",", s.actions().values()) + " on "
                        + s.resources().map(r -> String.join(",", r.values())).orElse("*"));
            }
        }
        return open;
    }
}
