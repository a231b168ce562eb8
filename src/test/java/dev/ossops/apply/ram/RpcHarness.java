package dev.ossops.apply.ram;

import dev.ossops.apply.LiveSource;
import dev.ossops.apply.Step;
import dev.ossops.apply.StepFactory;
import dev.ossops.apply.cdn.CdnLiveSource;
import dev.ossops.apply.cdn.CdnSteps;
import dev.ossops.cloud.CloudTarget;
import dev.ossops.cloud.PopClient;
import dev.ossops.cloud.PopProduct;
import dev.ossops.cloud.Retry;
import dev.ossops.cloud.cdn.CdnGateway;
import dev.ossops.cloud.credentials.CredentialSource;
import dev.ossops.cloud.credentials.Credentials;
import dev.ossops.cloud.ram.RamGateway;
import dev.ossops.emulator.rpc.MutableClock;
import dev.ossops.emulator.rpc.RpcFixture;
import dev.ossops.plan.Address;
import dev.ossops.plan.Change;
import dev.ossops.plan.LiveQuery;
import dev.ossops.plan.LiveState;
import dev.ossops.plan.Plan;
import dev.ossops.plan.PlanOptions;
import dev.ossops.plan.Planner;
import dev.ossops.spec.Problem;
import dev.ossops.spec.ProfileLoader;
import dev.ossops.spec.Severity;
import dev.ossops.spec.model.Profile;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The RPC emulator on 127.0.0.1 with ossops' RAM and CDN gateways, live sources and step factories pointed at it:
 * load a profile, read live, plan, apply. Steps run in plan order (the planner sorts changes in apply order).
 */
public final class RpcHarness implements AutoCloseable {
    private final Path dir;
    private final RpcFixture fixture;
    private final PopClient ramClient;
    private final PopClient cdnClient;
    private final RamGateway ram;
    private final CdnGateway cdn;
    private final List<LiveSource> sources;
    private final Map<String, String> generated;
    private final List<Duration> visibilityWaits = new ArrayList<>();
    private Runnable onVisibilityWait = () -> {};

    public RpcHarness(Path dir, Map<String, String> generatedPolicies) throws IOException {
        this.dir = dir;
        this.fixture = new RpcFixture(Files.createDirectories(dir.resolve("emulator")), MutableClock.system());
        CloudTarget target = CloudTarget.single(
                URI.create("http://127.0.0.1:" + fixture.port()), "cn-beijing", new CredentialSource() {
                    @Override
                    public Credentials resolve() {
                        return Credentials.of(RpcFixture.ROOT_ID, RpcFixture.ROOT_SECRET);
                    }

                    @Override
                    public String describe() {
                        return "the emulator's root key";
                    }
                });
        this.ramClient = new PopClient(target, PopProduct.RAM, Retry.standard());
        this.cdnClient = new PopClient(target, PopProduct.CDN, Retry.standard());
        this.ram = new RamGateway(ramClient);
        this.cdn = new CdnGateway(cdnClient);
        this.sources = List.of(new RamLiveSource(ram), new CdnLiveSource(cdn));
        this.generated = Map.copyOf(generatedPolicies);
    }

    public RpcFixture fixture() {
        return fixture;
    }

    public RamGateway ram() {
        return ram;
    }

    public CdnGateway cdn() {
        return cdn;
    }

    /** The waits the visibility retry asked for so far; {@code action} runs at each (e.g. to create the late entity). */
    public List<Duration> visibilityWaits() {
        return visibilityWaits;
    }

    public void onVisibilityWait(Runnable action) {
        this.onVisibilityWait = action;
    }

    public RamSteps ramSteps() {
        return new RamSteps(ram, generated, RamSteps.visibilityRetry(d -> {
            visibilityWaits.add(d);
            onVisibilityWait.run();
        }));
    }

    public List<StepFactory> factories() {
        return List.of(ramSteps(), new CdnSteps(cdn));
    }

    /** Writes the profile (after the standard header) and its documents, loads it, and fails on any error. */
    public Profile profile(String body, Map<String, String> documents) throws IOException {
        for (Map.Entry<String, String> doc : documents.entrySet()) {
            Files.writeString(dir.resolve(doc.getKey()), doc.getValue());
        }
        Path file = dir.resolve("profile.yaml");
        Files.writeString(file, "apiVersion: ossops/v1\nkind: Profile\nname: it\nregion: cn-beijing\n" + body);
        ProfileLoader.Result result = new ProfileLoader().load(file);
        assertEquals(
                "[]",
                result.problems().stream()
                        .filter(p -> p.severity() == Severity.ERROR)
                        .map(Problem::format)
                        .toList()
                        .toString());
        return result.profile().orElseThrow();
    }

    /** Reads every RAM/CDN address the profile asks for through the live sources. */
    public LiveState live(Profile profile) {
        LiveState.Builder builder = LiveState.builder();
        for (Address address : LiveQuery.reads(profile)) {
            sources.stream()
                    .filter(s -> s.reads(address))
                    .findFirst()
                    .ifPresent(s -> builder.put(address, s.read(address)));
        }
        return builder.build();
    }

    public Plan plan(Profile profile) {
        return new Planner().plan(profile, live(profile), new PlanOptions(generated, false));
    }

    /** Plans and runs the steps of every change, in plan order; returns the steps' descriptions. */
    public List<String> apply(Profile profile) {
        List<Step> steps = steps(profile);
        steps.forEach(Step::run);
        return steps.stream().map(Step::describe).toList();
    }

    /** The steps for the plan of {@code profile}, in plan order, without running them. */
    public List<Step> steps(Profile profile) {
        Plan plan = plan(profile);
        assertEquals(List.of(), plan.errors(), "plan errors");
        assertEquals(Map.of(), plan.unreadable(), "unreadable");
        List<Step> steps = new ArrayList<>();
        for (Change change : plan.changes()) {
            for (StepFactory factory : factories()) {
                if (factory.handles(change)) {
                    steps.addAll(factory.steps(change, profile));
                }
            }
        }
        return steps;
    }

    /** The addresses of the changes that do something, with their action, e.g. {@code update ram.policy.P}. */
    public static List<String> acting(Plan plan) {
        return plan.changes().stream()
                .filter(c -> c.action() != dev.ossops.plan.Action.NOOP)
                .map(c -> c.action().json() + " " + c.address())
                .toList();
    }

    @Override
    public void close() {
        ramClient.shutdown();
        cdnClient.shutdown();
        fixture.close();
    }
}
