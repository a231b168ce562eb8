package dev.ossops.emulator.rpc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Writes answers as JSON (the SDK's default) or, for {@code Format=XML}, as XML with the action
 * name plus {@code Response} as root and lists as repeated elements, as the real gateway does.
 */
final class RpcRenderer {
    static final String JSON = "application/json;charset=utf-8";
    static final String XML = "text/xml;charset=utf-8";

    private final ObjectMapper mapper;

    RpcRenderer(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    byte[] json(ObjectNode body) {
        try {
            return mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    byte[] xml(String root, ObjectNode body) {
        StringBuilder out = new StringBuilder("<?xml version='1.0' encoding='UTF-8'?>");
        element(out, root, body);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void element(StringBuilder out, String name, JsonNode node) {
        if (node.isArray()) {
            node.forEach(item -> element(out, name, item));
            return;
        }
        out.append('<').append(name).append('>');
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                element(out, field.getKey(), field.getValue());
            }
        } else if (!node.isNull()) {
            escape(out, node.asText());
        }
        out.append("</").append(name).append('>');
    }

    private static void escape(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> out.append(c);
            }
        }
    }
}
