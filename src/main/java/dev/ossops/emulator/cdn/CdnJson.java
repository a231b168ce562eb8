package dev.ossops.emulator.cdn;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Function;

/** CDN's wire shapes and the JSON-valued parameters (Sources, Functions) it reads. */
final class CdnJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CdnJson() {
    }

    static String date(Instant at) {
        return DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(ChronoUnit.SECONDS));
    }

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    static <T> ObjectNode list(String item, List<T> values, Function<T, ObjectNode> render) {
        ObjectNode wrapper = object();
        ArrayNode array = wrapper.putArray(item);
        values.forEach(v -> array.add(render.apply(v)));
        return wrapper;
    }

    /** Parses a JSON array parameter; anything else is {@code Invalid<Parameter>.Malformed}. */
    static JsonNode array(String parameter, String json) {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw CdnErrors.malformed(parameter);
        }
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw CdnErrors.malformed(parameter);
        }
        return node;
    }

    static ObjectNode source(CdnSource s) {
        ObjectNode node = object();
        node.put("Content", s.content());
        node.put("Type", s.type());
        node.put("Port", s.port());
        node.put("Priority", s.priority());
        node.put("Weight", s.weight());
        return node;
    }
}
