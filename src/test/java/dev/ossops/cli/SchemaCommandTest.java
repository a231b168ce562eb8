package dev.ossops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ossops.spec.schema.JsonSchemaGenerator;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SchemaCommandTest {

    private static final Path COMMITTED = Path.of("docs/schema/ossops-profile-v1.schema.json");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void schema_printsTheGeneratedSchema() {
        int exit = run("schema");

        assertEquals(ExitCodes.OK, exit);
        assertEquals(JsonSchemaGenerator.profileSchemaText(), out.toString());
        assertEquals("", err.toString());
    }

    @Test
    void schema_committedFile_matchesGeneratedSchema() throws IOException {
        run("schema");

        assertEquals(
                Files.readString(COMMITTED),
                out.toString(),
                COMMITTED + " is out of date with the profile model; "
                        + "regenerate it with: mvn -B -q -DskipTests package && java -jar target/ossops.jar schema > "
                        + COMMITTED);
    }

    @Test
    void schema_isDraft202012WithClosedTopLevel() throws IOException {
        run("schema");
        JsonNode schema = new ObjectMapper().readTree(out.toString());

        assertEquals(
                "https://json-schema.org/draft/2020-12/schema",
                schema.get("$schema").asText());
        assertEquals(List.of("apiVersion", "kind", "name", "region"), texts(schema.get("required")));
        assertEquals(
                List.of(
                        "apiVersion",
                        "kind",
                        "name",
                        "region",
                        "endpoint",
                        "emulator",
                        "credentials",
                        "buckets",
                        "ram",
                        "cdn",
                        "uploader",
                        "lock",
                        "serve",
                        "access"),
                names(schema.get("properties")));
        assertEquals(false, schema.get("additionalProperties").asBoolean());
    }

    @Test
    void schema_bucketSubConfigurations_acceptNoneAndReferences() throws IOException {
        run("schema");
        JsonNode schema = new ObjectMapper().readTree(out.toString());
        JsonNode lifecycle = schema.at("/$defs/Bucket/properties/lifecycle/anyOf");

        assertEquals("none", lifecycle.get(0).get("const").asText());
        assertEquals(0, lifecycle.get(1).get("maxProperties").asInt());
        assertEquals(0, lifecycle.get(2).get("maxItems").asInt());
        assertEquals(
                "#/$defs/LifecycleDocument",
                lifecycle.get(3).at("/anyOf/1/items/anyOf/1/$ref").asText());
        assertEquals(
                1000,
                schema.at("/$defs/LifecycleDocument/properties/Rules/maxItems").asInt());
        assertEquals(List.of("ID", "Status"), texts(schema.at("/$defs/LifecycleRule/required")));
        assertEquals(
                604800,
                schema.at("/$defs/Uploader/properties/urlExpiresSeconds/maximum")
                        .asInt());
        assertEquals(
                "^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$",
                schema.at("/properties/buckets/propertyNames/pattern").asText());
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
