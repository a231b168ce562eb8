package dev.ossops.spec.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Editors check profiles with the JSON Schema, ossops with its own checks: both must agree. A small evaluator of the
 * keywords the generator emits applies the schema to the shipped profiles and to broken variants.
 */
class JsonSchemaConformanceTest {

    private final JsonNode schema;

    JsonSchemaConformanceTest() throws IOException {
        schema = new ObjectMapper().readTree(JsonSchemaGenerator.profileSchemaText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"profiles/local.yaml", "profiles/example-prod.yaml", "profiles/serve-local.yaml",
            "src/test/resources/spec/full/profile.yaml"})
    void schema_acceptsValidProfiles(String path) throws IOException {
        assertTrue(valid(schema, new YAMLMapper().readTree(Path.of(path).toFile())), path);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "buckets: {my-bucket: {colour: blue}}",
            "buckets: {My_Bucket: {}}",
            "buckets: {my-bucket: {acl: privat}}",
            "buckets: {my-bucket: {lifecycle: [{Rules: [{ID: a, Status: Enabled, Expiration: {Days: 0}}]}]}}",
            "buckets: {my-bucket: {tags: nothing-but-a-string-is-not-a-map}}",
            "uploader: {bucket: my-bucket, urlExpiresSeconds: 604801}",
            "credentials: {source: env, accessKeySecret: x}",
            "ram: {roles: {r1: {policies: []}}}",
    })
    void schema_rejectsBrokenProfiles(String body) throws IOException {
        String profile = "apiVersion: ossops/v1\nkind: Profile\nname: t\nregion: cn-hangzhou\n" + body + "\n";
        assertFalse(valid(schema, new YAMLMapper().readTree(profile)), body);
    }

    @Test
    void schema_requiresTopLevelKeys() throws IOException {
        assertFalse(valid(schema, new YAMLMapper().readTree("apiVersion: ossops/v1\nkind: Profile\nname: t\n")));
    }

    /** The subset of draft 2020-12 that {@link JsonSchemaGenerator} writes. */
    private boolean valid(JsonNode rule, JsonNode value) {
        if (rule.has("$ref")) {
            return valid(schema.at(rule.get("$ref").asText().substring(1)), value);
        }
        if (rule.has("anyOf")) {
            boolean any = false;
            for (JsonNode alternative : rule.get("anyOf")) {
                any |= valid(alternative, value);
            }
            if (!any) {
                return false;
            }
        }
        if (rule.has("const") && !rule.get("const").equals(value)) {
            return false;
        }
        if (rule.has("type") && !hasType(rule.get("type").asText(), value)) {
            return false;
        }
        if (rule.has("enum")) {
            boolean found = false;
            for (JsonNode allowed : rule.get("enum")) {
                found |= allowed.equals(value);
            }
            if (!found) {
                return false;
            }
        }
        if (rule.has("pattern") && value.isTextual() && !Pattern.compile(rule.get("pattern").asText()).matcher(value.asText()).find()) {
            return false;
        }
        if (rule.has("minimum") && value.isNumber() && value.asLong() < rule.get("minimum").asLong()) {
            return false;
        }
        if (rule.has("maximum") && value.isNumber() && value.asLong() > rule.get("maximum").asLong()) {
            return false;
        }
        if (value.isArray()) {
            if (rule.has("minItems") && value.size() < rule.get("minItems").asInt()
                    || rule.has("maxItems") && value.size() > rule.get("maxItems").asInt()) {
                return false;
            }
            if (rule.has("items")) {
                for (JsonNode item : value) {
                    if (!valid(rule.get("items"), item)) {
                        return false;
                    }
                }
            }
        }
        return !value.isObject() || validObject(rule, value);
    }

    private boolean validObject(JsonNode rule, JsonNode value) {
        if (rule.has("maxProperties") && value.size() > rule.get("maxProperties").asInt()) {
            return false;
        }
        if (rule.has("required")) {
            for (JsonNode key : rule.get("required")) {
                if (!value.has(key.asText())) {
                    return false;
                }
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (rule.has("propertyNames") && !valid(rule.get("propertyNames"), new ObjectMapper().getNodeFactory().textNode(field.getKey()))) {
                return false;
            }
            JsonNode properties = rule.get("properties");
            if (properties != null && properties.has(field.getKey())) {
                if (!valid(properties.get(field.getKey()), field.getValue())) {
                    return false;
                }
            } else if (rule.has("additionalProperties")) {
                JsonNode additional = rule.get("additionalProperties");
                if (additional.isBoolean() ? !additional.asBoolean() : !valid(additional, field.getValue())) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean hasType(String type, JsonNode value) {
        switch (type) {
            case "object": return value.isObject();
            case "array": return value.isArray();
            case "string": return value.isTextual();
            case "integer": return value.isIntegralNumber();
            case "boolean": return value.isBoolean();
            default: throw new IllegalArgumentException("the generator does not emit type " + type);
        }
    }
}
