package dev.ossops.apply.ram;

import dev.ossops.apply.KindStepFactory;
import dev.ossops.apply.Step;
import dev.ossops.cloud.CloudException;
import dev.ossops.cloud.Retry;
import dev.ossops.cloud.ram.RamGateway;
import dev.ossops.cloud.ram.RamModel;
import dev.ossops.plan.Action;
import dev.ossops.plan.Address;
import dev.ossops.plan.Change;
import dev.ossops.plan.Policies;
import dev.ossops.spec.model.Profile;
import dev.ossops.spec.model.Ram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

import static dev.ossops.plan.Address.Kind;

/**
 * Builds the steps for RAM changes: policies (create; or a new default version and/or a new description), roles, users,
 * and attachments.
 * Desired values come from the profile; the documents of {@code generate: uploader} policies are given to the
 * constructor (the caller computes them, as it does for the planner's {@code PlanOptions.generatedPolicies}).
 */
public final class RamSteps extends KindStepFactory {
    private static final Set<Kind> KINDS =
            EnumSet.of(Kind.RAM_POLICY, Kind.RAM_ROLE, Kind.RAM_USER, Kind.ROLE_ATTACHMENT, Kind.USER_ATTACHMENT);

    private final RamGateway gateway;
    private final Map<String, String> generatedPolicies;
    private final Retry visibility;

    /**
     * @param generatedPolicies policy name -> JSON document for policies the profile generates
     * @param visibility        how long to wait for an entity created moments ago to become visible
     */
    public RamSteps(RamGateway gateway, Map<String, String> generatedPolicies, Retry visibility) {
        super(KINDS);
        this.gateway = gateway;
        this.generatedPolicies = Map.copyOf(generatedPolicies);
        this.visibility = visibility;
    }

    /** With {@link #visibilityRetry(Retry.Sleeper)} over real sleeps. */
    public RamSteps(RamGateway gateway, Map<String, String> generatedPolicies) {
        this(gateway, generatedPolicies, visibilityRetry(d -> Thread.sleep(d.toMillis())));
    }

    /**
     * Retries {@code EntityNotExist.Role/User/Policy} up to 8 attempts, 500 ms doubling up to
     * 4 s: RAM usually shows a new entity within seconds.
     */
    public static Retry visibilityRetry(Retry.Sleeper sleeper) {
        return new Retry(
                8,
                Duration.ofMillis(500),
                Duration.ofSeconds(4),
                RamSteps::notVisibleYet,
                sleeper,
                RandomGenerator.getDefault());
    }

    /** Only the lag: throttling and 5xx were already retried by the gateway's own {@link Retry}. */
    private static boolean notVisibleYet(Throwable e) {
        return e instanceof CloudException ce
                && ce.code().filter(RamSteps::missingEntity).isPresent();
    }

    /** The entity itself is missing; {@code EntityNotExist.Role.Policy} (not attached) is not a visibility lag. */
    private static boolean missingEntity(String code) {
        return code.equals("EntityNotExist.Role")
                || code.equals("EntityNotExist.User")
                || code.equals("EntityNotExist.Policy");
    }

    /** The retry that waits for freshly created entities (tests observe its waits). */
    Retry visibility() {
        return visibility;
    }

    @Override
    protected List<Step> changeSteps(Change change, Profile profile) {
        Address a = change.address();
        List<Address> deps = change.dependsOn();
        Ram ram = profile.ram();
        return switch (a.kind()) {
            case RAM_POLICY -> policy(change, required(ram.policies(), a), deps);
            case RAM_ROLE -> List.of(role(change, required(ram.roles(), a), deps));
            case RAM_USER -> List.of(user(change, required(ram.users(), a), deps));
            case ROLE_ATTACHMENT -> List.of(attachment(change, RamGateway.Principal.ROLE, ram));
            case USER_ATTACHMENT -> List.of(attachment(change, RamGateway.Principal.USER, ram));
            default -> throw new IllegalArgumentException("RamSteps does not handle " + a);
        };
    }

    private List<Step> policy(Change change, Ram.Policy p, List<Address> deps) {
        Address a = change.address();
        if (change.action() == Action.CREATE) {
            return List.of(new CreatePolicyStep(a, deps, gateway, p.name(), document(a, p), p.description()));
        }
        expect(change, Action.UPDATE);
        List<Step> steps = new ArrayList<>();
        // The document first: the description should not announce a document that is not in force yet.
        if (!change.before().path("document").equals(change.after().path("document"))) {
            steps.add(new CreatePolicyVersionStep(a, deps, gateway, p.name(), document(a, p)));
        }
        if (!change.before().path("description").equals(change.after().path("description"))) {
            String description = p.description()
                    .orElseThrow(() -> new IllegalArgumentException(
                            a + ": the plan sets a description the profile does not name"));
            steps.add(new UpdatePolicyDescriptionStep(a, deps, gateway, p.name(), description));
        }
        return steps.size() > 1 ? List.of(new StepsInOrder(a, deps, steps)) : steps;
    }

    private String document(Address address, Ram.Policy p) {
        return p.document().map(Policies::json).orElseGet(() -> generated(address, p.name()));
    }

    private String generated(Address address, String name) {
        String document = generatedPolicies.get(name);
        if (document == null) {
            throw new IllegalArgumentException(
                    address + ": the document generated from the uploader section was not " + "given to the RAM steps");
        }
        return document;
    }

    private Step role(Change change, Ram.Role r, List<Address> deps) {
        String trust = Policies.json(r.trust());
        if (change.action() == Action.CREATE) {
            return new CreateRoleStep(
                    change.address(),
                    deps,
                    gateway,
                    new RamModel.NewRole(r.name(), trust, r.maxSessionDuration(), r.description()),
                    visibility);
        }
        expect(change, Action.UPDATE);
        return new UpdateRoleStep(
                change.address(), deps, gateway, r.name(), trust, r.maxSessionDuration(), r.description());
    }

    private Step user(Change change, Ram.User u, List<Address> deps) {
        if (change.action() == Action.CREATE) {
            return new CreateUserStep(change.address(), deps, gateway, u.name(), u.displayName());
        }
        expect(change, Action.UPDATE);
        String displayName = u.displayName()
                .orElseThrow(() -> new IllegalArgumentException(
                        change.address() + ": an update needs the display name the profile names"));
        return new UpdateUserStep(change.address(), deps, gateway, u.name(), displayName);
    }

    private Step attachment(Change change, RamGateway.Principal principal, Ram ram) {
        Address a = change.address();
        if (change.action() == Action.DELETE) {
            return new DetachStep(a, change.dependsOn(), gateway, principal, a.owner(), a.name());
        }
        expect(change, Action.CREATE);
        // The planner's rule: a policy the profile defines is Custom, any other name is a System policy.
        String type = ram.policies().containsKey(a.name()) ? RamGateway.CUSTOM : RamGateway.SYSTEM;
        return new AttachStep(a, change.dependsOn(), gateway, principal, a.owner(), a.name(), type, visibility);
    }

    private static <T> T required(Map<String, T> named, Address address) {
        T value = named.get(address.owner());
        if (value == null) {
            throw new IllegalArgumentException(address + " is not in the profile");
        }
        return value;
    }

    private static void expect(Change change, Action action) {
        if (change.action() != action) {
            throw new IllegalArgumentException(change.address() + ": RAM steps cannot carry out a "
                    + change.action().json());
        }
    }
}
