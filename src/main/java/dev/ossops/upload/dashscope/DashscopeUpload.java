package dev.ossops.upload.dashscope;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;

/**
 * One file in DashScope temporary storage: its {@code oss://} URL, when DashScope deletes it,
 * the model it was uploaded for and its size. Printed as one JSON line.
 */
public record DashscopeUpload(String url, Instant expiresAt, String model, long size) {

    /** {@code {"url", "expires_at", "model", "size"}} without a trailing newline. */
    public String toJsonLine() {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode node = mapper.createObjectNode();
        node.put("url", url);
        node.put("expires_at", expiresAt.toString());
        node.put("model", model);
        node.put("size", size);
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serializes", e);
        }
    }
}
