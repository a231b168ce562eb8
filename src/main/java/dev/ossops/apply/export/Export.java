package dev.ossops.apply.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An exported profile tree, the documents it references (path relative to the profile -> document), warnings about
 * live content left out because a profile cannot express it, and read errors (an export with errors is not written).
 */
public record Export(ObjectNode profile, Map<String, JsonNode> documents, List<String> warnings, List<String> errors) {
    public Export {
        documents = Collections.unmodifiableMap(new LinkedHashMap<>(documents));
        warnings = List.copyOf(warnings);
        errors = List.copyOf(errors);
    }
}
