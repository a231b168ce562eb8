package dev.ossops.emulator.cdn;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ossops.emulator.rpc.RpcJson;

/** CDN's wire shapes and the JSON-valued parameters (Sources, Functions) it reads. */
final class CdnJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CdnJson() {}

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
        ObjectNode node = RpcJson.object();
        node.put("Content", s.content());
        node.put("Type", s.type());
        node.put("Port", s.port());
        node.put("Priority", s.priority());
        node.put("Weight", s.weight());
        return node;
    }
}
