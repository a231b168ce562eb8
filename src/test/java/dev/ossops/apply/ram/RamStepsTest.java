package dev.ossops.apply.ram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.ossops.apply.Step;
import dev.ossops.cloud.CloudTarget;
import dev.ossops.cloud.PopClient;
import dev.ossops.cloud.PopProduct;
import dev.ossops.cloud.Retry;
import dev.ossops.cloud.credentials.CredentialSource;
import dev.ossops.cloud.credentials.Credentials;
import dev.ossops.cloud.ram.RamGateway;
import dev.ossops.cloud.ram.RamModel;
import dev.ossops.plan.Action;
import dev.ossops.plan.Address;
import dev.ossops.plan.Change;
import dev.ossops.plan.Policies;
import dev.ossops.spec.ProfileLoader;
import dev.ossops.spec.model.Profile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.ossops.plan.Address.Kind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which step each RAM change becomes, with desired values from the profile. No request is sent. */
class RamStepsTest {
    private static final String DOC =
            "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"oss:GetObject\"],"
                    + "\"Resource\":[\"acs:oss:*:*:media/*\"]}]}";
    private static final String TRUST =
            "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\","
                    + "\"Principal\":{\"Service\":[\"ecs.aliyuncs.com\"]}}]}";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private PopClient client;
    private RamGateway gateway;
    private Profile profile;
    private final Retry noWait = RamSteps.visibilityRetry(d -> {});

    @BeforeEach
    void setUp() throws IOException {
        client = new PopClient(
                CloudTarget.single(URI.create("http://127.0.0.1:9"), "cn-beijing", new CredentialSource() {
                    @Override
                    public Credentials resolve() {
                        throw new IllegalStateException("no request is sent in this test");
                    }

                    @Override
                    public String describe() {
                        return "none";
                    }
                }),
                PopProduct.RAM,
                Retry.standard());
        gateway = new RamGateway(client);
        Files.writeString(dir.resolve("app.json"), DOC);
        Files.writeString(dir.resolve("trust.json"), TRUST);
        Path file = dir.resolve("profile.yaml");
        Files.writeString(file, """
                apiVersion: ossops/v1
                kind: Profile
                name: unit
                region: cn-beijing
                ram:
                  policies:
                    AppRW: { document: app.json, description: app }
                    UploaderMinimal: { generate: uploader }
                  roles:
                    app-role: { trust: trust.json, maxSessionDuration: 7200, policies: [AppRW, AliyunOSSReadOnlyAccess] }
                  users:
                    app-user: { displayName: App, policies: [UploaderMinimal] }
                uploader:
                  bucket: media-bucket
                """);
        profile = new ProfileLoader().load(file).profile().orElseThrow();
    }

    @AfterEach
    void tearDown() {
        client.shutdown();
    }

    private RamSteps steps(Map<String, String> generated) {
        return new RamSteps(gateway, generated, noWait);
    }

    private static Change change(Address address, Action action, String before, String after, List<Address> deps)
            throws IOException {
        return new Change(address, action, node(before), node(after), List.of(), List.of(), List.of(), deps);
    }

    private static JsonNode node(String json) throws IOException {
        return json == null ? NullNode.getInstance() : JSON.readTree(json);
    }

    @Test
    void handles_ramAddressesButNotReadUnitsOrOthers() throws IOException {
        RamSteps factory = steps(Map.of());
        assertTrue(factory.handles(change(Address.of(Kind.RAM_POLICY, "AppRW"), Action.CREATE, null, "{}", List.of())));
        assertTrue(factory.handles(
                change(Address.of(Kind.USER_ATTACHMENT, "u", "P"), Action.DELETE, "{}", null, List.of())));
        assertFalse(
                factory.handles(change(Address.of(Kind.ROLE_ATTACHMENTS, "r"), Action.NOOP, "{}", "{}", List.of())));
        assertFalse(factory.handles(
                change(Address.of(Kind.CDN_DOMAIN, "d.example.com"), Action.CREATE, null, "{}", List.of())));
    }

    @Test
    void steps_noOp_none() throws IOException {
        assertEquals(
                List.of(),
                steps(Map.of())
                        .steps(
                                change(Address.of(Kind.RAM_ROLE, "app-role"), Action.NOOP, "{}", "{}", List.of()),
                                profile));
    }

    @Test
    void steps_policyCreate_documentInRamShapeFromProfile() throws IOException {
        Address a = Address.of(Kind.RAM_POLICY, "AppRW");
        List<Step> steps = steps(Map.of()).steps(change(a, Action.CREATE, null, "{}", List.of()), profile);

        assertEquals(
                List.of(new CreatePolicyStep(
                        a,
                        List.of(),
                        gateway,
                        "AppRW",
                        Policies.json(
                                profile.ram().policies().get("AppRW").document().orElseThrow()),
                        Optional.of("app"))),
                steps);
    }

    @Test
    void steps_generatedPolicyUpdate_documentFromConstructor() throws IOException {
        Address a = Address.of(Kind.RAM_POLICY, "UploaderMinimal");
        List<Step> steps = steps(Map.of("UploaderMinimal", DOC))
                .steps(change(a, Action.UPDATE, "{\"document\":{}}", "{\"document\":{\"x\":1}}", List.of()), profile);

        assertEquals(List.of(new CreatePolicyVersionStep(a, List.of(), gateway, "UploaderMinimal", DOC)), steps);
    }

    @Test
    void steps_generatedPolicyNotGiven_refused() {
        Address a = Address.of(Kind.RAM_POLICY, "UploaderMinimal");
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> steps(Map.of()).steps(change(a, Action.CREATE, null, "{}", List.of()), profile));

        assertEquals(
                "ram.policy.UploaderMinimal: the document generated from the uploader section was not given to the RAM steps",
                e.getMessage());
    }

    @Test
    void steps_policyDescriptionChangedOnly_updatePolicyDescription() throws IOException {
        Address a = Address.of(Kind.RAM_POLICY, "AppRW");
        List<Step> steps = steps(Map.of())
                .steps(
                        change(
                                a,
                                Action.UPDATE,
                                "{\"description\":\"old\",\"document\":{}}",
                                "{\"description\":\"app\",\"document\":{}}",
                                List.of()),
                        profile);

        assertEquals(List.of(new UpdatePolicyDescriptionStep(a, List.of(), gateway, "AppRW", "app")), steps);
        assertEquals("UpdatePolicyDescription AppRW", steps.get(0).describe());
    }

    @Test
    void steps_policyDescriptionAddedWhereLiveHasNone_updatePolicyDescription() throws IOException {
        Address a = Address.of(Kind.RAM_POLICY, "AppRW");
        assertEquals(
                List.of(new UpdatePolicyDescriptionStep(a, List.of(), gateway, "AppRW", "app")),
                steps(Map.of())
                        .steps(
                                change(
                                        a,
                                        Action.UPDATE,
                                        "{\"document\":{}}",
                                        "{\"description\":\"app\",\"document\":{}}",
                                        List.of()),
                                profile));
    }

    @Test
    void steps_policyDocumentAndDescriptionChanged_versionThenDescriptionAsOneStep() throws IOException {
        Address a = Address.of(Kind.RAM_POLICY, "AppRW");
        String document =
                Policies.json(profile.ram().policies().get("AppRW").document().orElseThrow());
        List<Step> steps = steps(Map.of())
                .steps(
                        change(
                                a,
                                Action.UPDATE,
                                "{\"description\":\"old\",\"document\":{}}",
                                "{\"description\":\"app\",\"document\":{\"x\":1}}",
                                List.of()),
                        profile);

        assertEquals(
                List.of(new StepsInOrder(
                        a,
                        List.of(),
                        List.of(
                                new CreatePolicyVersionStep(a, List.of(), gateway, "AppRW", document),
                                new UpdatePolicyDescriptionStep(a, List.of(), gateway, "AppRW", "app")))),
                steps);
        assertEquals(
                "CreatePolicyVersion AppRW, then UpdatePolicyDescription AppRW",
                steps.get(0).describe());
    }

    @Test
    void steps_policyUpdateWithNothingDifferent_none() throws IOException {
        Address a = Address.of(Kind.RAM_POLICY, "AppRW");
        assertEquals(
                List.of(),
                steps(Map.of())
                        .steps(
                                change(
                                        a,
                                        Action.UPDATE,
                                        "{\"description\":\"app\",\"document\":{}}",
                                        "{\"description\":\"app\",\"document\":{}}",
                                        List.of()),
                                profile));
    }

    @Test
    void steps_descriptionChangeForPolicyWithoutDescription_refused() {
        Address a = Address.of(Kind.RAM_POLICY, "UploaderMinimal");
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> steps(Map.of())
                        .steps(
                                change(
                                        a,
                                        Action.UPDATE,
                                        "{\"document\":{}}",
                                        "{\"description\":\"x\",\"document\":{}}",
                                        List.of()),
                                profile));

        assertEquals(
                "ram.policy.UploaderMinimal: the plan sets a description the profile does not name", e.getMessage());
    }

    @Test
    void stepsInOrder_stepForAnotherAddress_refused() {
        Address a = Address.of(Kind.RAM_POLICY, "AppRW");
        Address other = Address.of(Kind.RAM_POLICY, "Other");
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> new StepsInOrder(
                        a,
                        List.of(),
                        List.of(new UpdatePolicyDescriptionStep(other, List.of(), gateway, "Other", "x"))));

        assertEquals("UpdatePolicyDescription Other is for ram.policy.Other, not ram.policy.AppRW", e.getMessage());
    }

    @Test
    void steps_roleCreate_trustAndSessionFromProfile() throws IOException {
        Address a = Address.of(Kind.RAM_ROLE, "app-role");
        List<Step> steps = steps(Map.of()).steps(change(a, Action.CREATE, null, "{}", List.of()), profile);

        assertEquals(
                List.of(new CreateRoleStep(
                        a,
                        List.of(),
                        gateway,
                        new RamModel.NewRole(
                                "app-role",
                                Policies.json(
                                        profile.ram().roles().get("app-role").trust()),
                                7200,
                                Optional.empty()),
                        noWait)),
                steps);
    }

    @Test
    void steps_userUpdate_displayName() throws IOException {
        Address a = Address.of(Kind.RAM_USER, "app-user");
        assertEquals(
                List.of(new UpdateUserStep(a, List.of(), gateway, "app-user", "App")),
                steps(Map.of())
                        .steps(
                                change(
                                        a,
                                        Action.UPDATE,
                                        "{\"displayName\":\"X\"}",
                                        "{\"displayName\":\"App\"}",
                                        List.of()),
                                profile));
    }

    @Test
    void steps_attachmentCreate_customWhenProfileDefinesIt_systemOtherwise() throws IOException {
        Address custom = Address.of(Kind.ROLE_ATTACHMENT, "app-role", "AppRW");
        Address system = Address.of(Kind.ROLE_ATTACHMENT, "app-role", "AliyunOSSReadOnlyAccess");
        List<Address> deps = List.of(Address.of(Kind.RAM_ROLE, "app-role"));
        RamSteps factory = steps(Map.of());

        assertEquals(
                List.of(new AttachStep(
                        custom, deps, gateway, RamGateway.Principal.ROLE, "app-role", "AppRW", "Custom", noWait)),
                factory.steps(change(custom, Action.CREATE, null, "{}", deps), profile));
        assertEquals(
                List.of(new AttachStep(
                        system,
                        deps,
                        gateway,
                        RamGateway.Principal.ROLE,
                        "app-role",
                        "AliyunOSSReadOnlyAccess",
                        "System",
                        noWait)),
                factory.steps(change(system, Action.CREATE, null, "{}", deps), profile));
    }

    @Test
    void steps_attachmentDelete_detach() throws IOException {
        Address a = Address.of(Kind.USER_ATTACHMENT, "app-user", "AliyunOSSFullAccess");
        assertEquals(
                List.of(new DetachStep(
                        a, List.of(), gateway, RamGateway.Principal.USER, "app-user", "AliyunOSSFullAccess")),
                steps(Map.of()).steps(change(a, Action.DELETE, "{}", null, List.of()), profile));
    }

    @Test
    void steps_roleNotInProfile_refused() {
        Address a = Address.of(Kind.RAM_ROLE, "other-role");
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> steps(Map.of()).steps(change(a, Action.CREATE, null, "{}", List.of()), profile));
        assertEquals("ram.role.other-role is not in the profile", e.getMessage());
    }
}
