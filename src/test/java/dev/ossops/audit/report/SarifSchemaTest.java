package dev.ossops.audit.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.ossops.audit.AuditReport;
import dev.ossops.audit.Auditor;
import dev.ossops.audit.Fixture;
import dev.ossops.audit.Scenario;
import dev.ossops.audit.Suppressions;
import dev.ossops.audit.checks.Checks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The SARIF output validated against the official SARIF 2.1.0 JSON schema (OASIS sarif-spec, Schemata/
 * sarif-schema-2.1.0.json, a draft-04 schema), with format assertions on.
 */
class SarifSchemaTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static JsonSchema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        try (InputStream in = SarifSchemaTest.class.getResourceAsStream("/audit/sarif/sarif-schema-2.1.0.json")) {
            JsonNode node = JSON.readTree(in);
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4)
                    .getSchema(
                            node,
                            SchemaValidatorsConfig.builder()
                                    .formatAssertionsEnabled(true)
                                    .build());
        }
    }

    private static Set<ValidationMessage> validate(String sarif) throws IOException {
        return schema.validate(JSON.readTree(sarif));
    }

    @Test
    void sarif_scenarioWithSuppressionsAndUnknowns_validAgainstSchema() throws IOException {
        assertEquals(Set.of(), validate(new SarifReporter("0.1.0-SNAPSHOT").render(Scenario.report())));
    }

    @Test
    void sarif_cleanAccountWithoutProfile_validAgainstSchema() throws IOException {
        AuditReport clean = new Auditor(Checks.all())
                .run(Fixture.account(Fixture.bucket("media").build()).build(), Suppressions.none(), Scenario.TODAY);
        assertEquals(Set.of(), validate(new SarifReporter("0.1.0").render(clean)));
    }

    @Test
    void schema_invalidLevel_rejected() throws IOException {
        // Guards the guard: the schema really constrains results, so the tests above can fail.
        ObjectNode sarif = (ObjectNode) JSON.readTree(new SarifReporter("0.1.0").render(Scenario.report()));
        ((ObjectNode) sarif.get("runs").get(0).get("results").get(0)).put("level", "critical");
        assertFalse(schema.validate(sarif).isEmpty());
    }
}
