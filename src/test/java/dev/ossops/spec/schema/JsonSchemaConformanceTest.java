package dev.ossops.spec.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaId;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Editors check profiles with the JSON Schema, ossops with its own checks: both must agree. The schema that
 * {@code ossops schema} prints is itself valid draft 2020-12 (checked against the meta-schema that networknt ships, so
 * nothing is fetched), accepts the shipped profiles and rejects broken variants for the reason ossops gives.
 */
class JsonSchemaConformanceTest {
    private static final JsonSchemaFactory DRAFT_2020_12 =
            JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final String HEADER = "apiVersion: ossops/v1\nkind: Profile\nname: t\nregion: cn-hangzhou\n";

    private static JsonNode schemaNode;
    private static JsonSchema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        schemaNode = new ObjectMapper().readTree(JsonSchemaGenerator.profileSchemaText());
        schema = DRAFT_2020_12.getSchema(schemaNode);
    }

    @Test
    void schema_isValidAgainstTheDraft202012MetaSchema() {
        JsonSchema meta = DRAFT_2020_12.getSchema(SchemaLocation.of(SchemaId.V202012));
        assertEquals(List.of(), messages(meta.validate(schemaNode)));
    }

    @Test
    void metaSchema_rejectsASchemaWithAWrongKeywordType() throws IOException {
        JsonSchema meta = DRAFT_2020_12.getSchema(SchemaLocation.of(SchemaId.V202012));
        JsonNode broken = new ObjectMapper().readTree("{\"type\": 5, \"minimum\": \"one\"}");
        assertEquals(
                List.of(
                        "$.minimum: string found, number expected",
                        "$.type: does not have a value in the enumeration"
                                + " [\"array\", \"boolean\", \"integer\", \"null\", \"number\", \"object\", \"string\"]",
                        "$.type: integer found, array expected"),
                messages(meta.validate(broken)));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "profiles/local.yaml",
                "profiles/example-prod.yaml",
                "profiles/serve-local.yaml",
                "src/test/resources/spec/full/profile.yaml"
            })
    void schema_acceptsValidProfiles(String path) throws IOException {
        assertEquals(
                List.of(),
                messages(schema.validate(new YAMLMapper().readTree(Path.of(path).toFile()))),
                path);
    }

    /** Each broken body with every message the schema gives for it (sorted); the first element is the body. */
    static Stream<Arguments> brokenProfiles() {
        return Stream.of(
                Arguments.of(
                        "buckets: {my-bucket: {colour: blue}}",
                        List.of(
                                "$.buckets.my-bucket: property 'colour' is not defined in the schema and the schema does not allow"
                                        + " additional properties")),
                Arguments.of(
                        "buckets: {My_Bucket: {}}",
                        List.of("$.buckets: property 'My_Bucket' name is not valid: does not match the regex pattern"
                                + " ^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$")),
                Arguments.of(
                        "buckets: {my-bucket: {acl: privat}}",
                        List.of("$.buckets.my-bucket.acl: does not have a value in the enumeration"
                                + " [\"private\", \"public-read\", \"public-read-write\"]")),
                // lifecycle is a document, a file name, a list of either, or none: every alternative says why not.
                Arguments.of(
                        "buckets: {my-bucket: {lifecycle: [{Rules: [{ID: a, Status: Enabled, Expiration: {Days: 0}}]}]}}",
                        List.of(
                                "$.buckets.my-bucket.lifecycle: array found, object expected",
                                "$.buckets.my-bucket.lifecycle: array found, object expected",
                                "$.buckets.my-bucket.lifecycle: array found, string expected",
                                "$.buckets.my-bucket.lifecycle: must be the constant value 'none'",
                                "$.buckets.my-bucket.lifecycle: must have at most 0 items but found 1",
                                "$.buckets.my-bucket.lifecycle[0].Rules[0].Expiration.Days: must have a minimum value of 1",
                                "$.buckets.my-bucket.lifecycle[0]: object found, string expected")),
                Arguments.of(
                        "buckets: {my-bucket: {tags: nothing-but-a-string-is-not-a-map}}",
                        List.of(
                                "$.buckets.my-bucket.tags: must be the constant value 'none'",
                                "$.buckets.my-bucket.tags: string found, array expected",
                                "$.buckets.my-bucket.tags: string found, object expected",
                                "$.buckets.my-bucket.tags: string found, object expected")),
                Arguments.of(
                        "uploader: {bucket: my-bucket, urlExpiresSeconds: 604801}",
                        List.of("$.uploader.urlExpiresSeconds: must have a maximum value of 604800")),
                Arguments.of(
                        "uploader: {bucket: my-bucket, keyLayout: '{prefix}/{filename}', dirMode: no_subdirectory}",
                        List.of(
                                "$.uploader: must not be valid to the schema \"$.properties.uploader.$ref.allOf[0].not\" :"
                                        + " {\"required\":[\"keyLayout\",\"dirMode\"]}")),
                Arguments.of(
                        "credentials: {source: env, accessKeySecret: x}",
                        List.of(
                                "$.credentials: property 'accessKeySecret' is not defined in the schema and the schema does not"
                                        + " allow additional properties")),
                Arguments.of(
                        "ram: {roles: {r1: {policies: []}}}",
                        List.of("$.ram.roles.r1: required property 'trust' not found")));
    }

    @ParameterizedTest
    @MethodSource("brokenProfiles")
    void schema_rejectsBrokenProfiles(String body, List<String> expected) throws IOException {
        assertEquals(expected, messages(schema.validate(new YAMLMapper().readTree(HEADER + body + "\n"))), body);
    }

    @Test
    void schema_requiresTopLevelKeys() throws IOException {
        assertEquals(
                List.of("$: required property 'region' not found"),
                messages(
                        schema.validate(new YAMLMapper().readTree("apiVersion: ossops/v1\nkind: Profile\nname: t\n"))));
    }

    private static List<String> messages(Set<ValidationMessage> errors) {
        return errors.stream().map(ValidationMessage::getMessage).sorted().toList();
    }
}
