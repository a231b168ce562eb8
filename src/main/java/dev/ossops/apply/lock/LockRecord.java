package dev.ossops.apply.lock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The lock object's body: {@code {"id": uuid, "who": "user@host", "when": ISO-8601, "expires": ISO-8601}}.
 *
 * @param taken   when the holder took it
 * @param expires after this another apply may take it over
 */
public record LockRecord(String id, String who, Instant taken, Instant expires) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expires);
    }

    public String toJson() {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", id).put("who", who).put("when", taken.toString()).put("expires", expires.toString());
        return node.toString();
    }

    /** The record in {@code text}, or empty when it is not a lock this tool wrote. */
    public static Optional<LockRecord> parse(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null
                    || !node.isObject()
                    || !node.path("id").isTextual()
                    || !node.path("who").isTextual()
                    || !node.path("when").isTextual()
                    || !node.path("expires").isTextual()) {
                return Optional.empty();
            }
            return Optional.of(new LockRecord(
                    node.get("id").asText(),
                    node.get("who").asText(),
                    Instant.parse(node.get("when").asText()),
                    Instant.parse(node.get("expires").asText())));
        } catch (JsonProcessingException | DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
