package dev.ossops.emulator.cdn;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ossops.emulator.rpc.RpcJson;

import java.util.List;
import java.util.function.Function;

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

    /**
     * Page {@code pageNumber} of {@code matching} as CDN's Describe actions answer it: PageNumber, PageSize,
     * TotalCount and the page's items under {@code {listName: {itemName: [...]}}}.
     */
    static <T> ObjectNode page(
            List<T> matching,
            int pageNumber,
            int pageSize,
            String listName,
            String itemName,
            Function<T, ObjectNode> render) {
        int from = Math.min(matching.size(), (pageNumber - 1) * pageSize);
        List<T> page = matching.subList(from, Math.min(matching.size(), from + pageSize));
        ObjectNode out = RpcJson.object();
        out.put("PageNumber", pageNumber);
        out.put("PageSize", pageSize);
        out.put("TotalCount", matching.size());
        out.set(listName, RpcJson.list(itemName, page, render));
        return out;
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
