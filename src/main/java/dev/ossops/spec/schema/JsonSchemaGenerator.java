package dev.ossops.spec.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.Map;

/** Writes a {@link Shape} as a JSON Schema (draft 2020-12); named object shapes become {@code $defs}. */
public final class JsonSchemaGenerator {

    public static final String SCHEMA_ID = "https://ossops.dev/schema/ossops-profile-v1.schema.json";

    private final JsonNodeFactory json = JsonNodeFactory.instance;
    private final Map<String, ObjectNode> definitions = new LinkedHashMap<>();

    /** The profile schema as pretty-printed JSON text ending in a newline. */
    public static String profileSchemaText() {
        ObjectNode schema = new JsonSchemaGenerator().generate(ProfileSchema.PROFILE, "ossops profile (ossops/v1)");
        try {
            return new ObjectMapper()
                            .enable(SerializationFeature.INDENT_OUTPUT)
                            .writeValueAsString(schema)
                            .replace("\r\n", "\n")
                    + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a schema tree always serialises", e);
        }
    }

    public ObjectNode generate(ObjectShape root, String title) {
        ObjectNode schema = json.objectNode();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("$id", SCHEMA_ID);
        schema.put("title", title);
        schema.setAll(object(root));
        ObjectNode defs = schema.putObject("$defs");
        definitions.keySet().stream().sorted().forEach(name -> defs.set(name, definitions.get(name)));
        return schema;
    }

    private ObjectNode shape(Shape shape) {
        if (shape instanceof ObjectShape object) {
            if (object.definitionName().isEmpty()) {
                return object(object);
            }
            String name = object.definitionName().get();
            if (!definitions.containsKey(name)) {
                definitions.put(name, json.objectNode()); // placeholder breaks recursion while the body is built
                definitions.put(name, object(object));
            }
            return json.objectNode().put("$ref", "#/$defs/" + name);
        }
        if (shape instanceof MapShape map) {
            ObjectNode node = describe(json.objectNode().put("type", "object"), map.description());
            node.set("propertyNames", string(map.keys()));
            node.set("additionalProperties", shape(map.values()));
            if (map.maxEntries() != Integer.MAX_VALUE) {
                node.put("maxProperties", map.maxEntries());
            }
            return node;
        }
        if (shape instanceof ListShape list) {
            ObjectNode array = describe(json.objectNode().put("type", "array"), list.description());
            array.set("items", shape(list.items()));
            if (list.minItems() > 0) {
                array.put("minItems", list.minItems());
            }
            if (list.maxItems() != Integer.MAX_VALUE) {
                array.put("maxItems", list.maxItems());
            }
            if (!list.singleAllowed()) {
                return array;
            }
            ObjectNode either = describe(json.objectNode(), list.description());
            either.putArray("anyOf").add(shape(list.items())).add(array);
            return either;
        }
        if (shape instanceof StringShape string) {
            return string(string);
        }
        if (shape instanceof IntegerShape integer) {
            ObjectNode node = describe(json.objectNode().put("type", "integer"), integer.description());
            if (integer.min() != Long.MIN_VALUE) {
                node.put("minimum", integer.min());
            }
            if (integer.max() != Long.MAX_VALUE) {
                node.put("maximum", integer.max());
            }
            return node;
        }
        if (shape instanceof BooleanShape bool) {
            return describe(json.objectNode().put("type", "boolean"), bool.description());
        }
        if (shape instanceof ManagedShape managed) {
            ObjectNode node = describe(json.objectNode(), managed.description());
            ArrayNode anyOf = node.putArray("anyOf");
            anyOf.add(json.objectNode().put("const", ManagedShape.NONE));
            anyOf.add(json.objectNode().put("type", "object").put("maxProperties", 0));
            anyOf.add(json.objectNode().put("type", "array").put("maxItems", 0));
            anyOf.add(shape(managed.inner()));
            return node;
        }
        if (shape instanceof DocumentShape document) {
            ObjectNode node = describe(json.objectNode(), document.description());
            ArrayNode anyOf = node.putArray("anyOf");
            anyOf.add(json.objectNode()
                    .put("type", "string")
                    .put(
                            "description",
                            "Path of a JSON or YAML " + document.what() + " file, relative to the profile."));
            anyOf.add(shape(document.document()));
            return node;
        }
        if (shape instanceof AnyOfShape anyOfShape) {
            ObjectNode node = describe(json.objectNode(), anyOfShape.description());
            ArrayNode anyOf = node.putArray("anyOf");
            anyOfShape.alternatives().forEach(alternative -> anyOf.add(shape(alternative)));
            return node;
        }
        throw new IllegalArgumentException("unknown shape " + shape);
    }

    private ObjectNode object(ObjectShape object) {
        ObjectNode node = describe(json.objectNode().put("type", "object"), object.description());
        ObjectNode properties = node.putObject("properties");
        ArrayNode required = json.arrayNode();
        for (ObjectShape.Property property : object.properties().values()) {
            properties.set(property.name(), shape(property.shape()));
            if (property.required()) {
                required.add(property.name());
            }
        }
        if (!required.isEmpty()) {
            node.set("required", required);
        }
        if (!object.exclusive().isEmpty()) {
            ArrayNode all = json.arrayNode();
            for (ObjectShape.Exclusive pair : object.exclusive()) {
                ObjectNode both = json.objectNode();
                both.putArray("required").add(pair.first()).add(pair.second());
                all.addObject().set("not", both);
            }
            node.set("allOf", all);
        }
        node.put("additionalProperties", false);
        return node;
    }

    private ObjectNode string(StringShape string) {
        ObjectNode node = describe(json.objectNode().put("type", "string"), string.description());
        if (!string.values().isEmpty()) {
            ArrayNode values = node.putArray("enum");
            string.values().forEach(values::add);
        }
        string.formatRule().flatMap(StringShape.Format::jsonPattern).ifPresent(pattern -> node.put("pattern", pattern));
        return node;
    }

    private static ObjectNode describe(ObjectNode node, String description) {
        if (description != null) {
            node.put("description", description);
        }
        return node;
    }
}
