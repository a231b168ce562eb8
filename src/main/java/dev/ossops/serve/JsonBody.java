package dev.ossops.serve;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.Optional;

/**
 * A request's JSON object, read under limits: at most {@link #MAX_BYTES} (checked by the caller before it is read
 * whole), {@link #MAX_DEPTH} levels, no duplicate names, nothing after the object. Field values are checked here so
 * every endpoint refuses a wrong type, a control character or an oversized string with the same exact message.
 */
final class JsonBody {
    static final int MAX_BYTES = 16 * 1024;
    /** The requests are flat objects; a little room for a client that nests an unused field. */
    static final int MAX_DEPTH = 4;

    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_DEPTH)
                            .maxStringLength(MAX_BYTES)
                            .maxNumberLength(20)
                            .build())
                    .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final ObjectNode root;

    private JsonBody(ObjectNode root) {
        this.root = root;
    }

    /** An empty body stands for {@code {}}, so endpoints without fields can be called with none. */
    static JsonBody parse(byte[] body) {
        if (body.length == 0) {
            return new JsonBody(MAPPER.createObjectNode());
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (StreamConstraintsException e) {
            throw ServeException.badRequest(
                    "request body nests deeper than " + MAX_DEPTH + " levels or holds an oversized value");
        } catch (JsonProcessingException e) {
            if (e.getOriginalMessage().startsWith("Duplicate field")) {
                throw ServeException.badRequest("request body names a field twice");
            }
            // The parser's own message quotes the input: give only where it broke.
            throw ServeException.badRequest(
                    "request body is not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            throw ServeException.badRequest("request body cannot be read");
        }
        if (!(node instanceof ObjectNode object)) {
            throw ServeException.badRequest("request body must be a JSON object");
        }
        return new JsonBody(object);
    }

    String requiredText(String field, int maxLength) {
        return text(field, maxLength).orElseThrow(() -> ServeException.badRequest(field + " is required"));
    }

    Optional<String> text(String field, int maxLength) {
        JsonNode value = root.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw ServeException.badRequest(field + " must be a string");
        }
        String s = value.textValue();
        if (s.isEmpty() || s.length() > maxLength) {
            throw ServeException.badRequest(field + " must be 1 to " + maxLength + " characters");
        }
        if (s.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw ServeException.badRequest(field + " must not contain control characters");
        }
        return Optional.of(s);
    }

    long requiredSize(String field) {
        return size(field).orElseThrow(() -> ServeException.badRequest(field + " is required"));
    }

    /** A byte count: a whole number from 0 to {@link Long#MAX_VALUE}. */
    Optional<Long> size(String field) {
        JsonNode value = root.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0) {
            throw ServeException.badRequest(field + " must be a whole number of bytes, 0 or more");
        }
        return Optional.of(value.longValue());
    }
}
