package dev.ossops.emulator.ram;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ossops.emulator.rpc.Ids;
import dev.ossops.emulator.rpc.Params;
import dev.ossops.emulator.rpc.RpcCall;
import dev.ossops.emulator.rpc.RpcJson;
import dev.ossops.policy.PolicyType;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** RAM roles: trust policy, description and the documented MaxSessionDuration range 3600..43200 s. */
final class RoleActions {
    static final int MIN_SESSION = 3600;
    static final int MAX_SESSION = 43200;

    private final RamStore store;
    private final Ids ids;
    private final PolicyDocuments documents = new PolicyDocuments();

    RoleActions(RamStore store, Ids ids) {
        this.store = store;
        this.ids = ids;
    }

    void register(Map<String, Function<RpcCall, ObjectNode>> actions) {
        actions.put("CreateRole", this::createRole);
        actions.put("GetRole", this::getRole);
        actions.put("UpdateRole", this::updateRole);
        actions.put("DeleteRole", this::deleteRole);
        actions.put("ListRoles", this::listRoles);
    }

    private ObjectNode createRole(RpcCall call) {
        Params p = call.params();
        String name = RamNames.roleName(p.required("RoleName"));
        String trust = p.required("AssumeRolePolicyDocument");
        documents.check("AssumeRolePolicyDocument", trust, PolicyDocuments.MAX_TRUST_POLICY_BYTES, PolicyType.TRUST);
        String description =
                p.optional("Description").map(RamNames::description).orElse(null);
        int maxSession = sessionDuration(p.integer("MaxSessionDuration"), "MaxSessionDuration")
                .orElse(MIN_SESSION);
        String now = RpcJson.date(call.now());
        return store.mutate(() -> {
            if (store.roles.containsKey(RamStore.key(name))) {
                throw RamErrors.roleExists();
            }
            RamRole role = new RamRole(
                    ids.digits(19),
                    name,
                    "acs:ram::" + store.accountId() + ":role/" + name.toLowerCase(Locale.ROOT),
                    description,
                    trust,
                    maxSession,
                    now,
                    now);
            store.roles.put(RamStore.key(name), role);
            return wrap(role);
        });
    }

    private ObjectNode getRole(RpcCall call) {
        String name = call.params().required("RoleName");
        return store.query(() -> wrap(role(name)));
    }

    private ObjectNode updateRole(RpcCall call) {
        Params p = call.params();
        String name = p.required("RoleName");
        Optional<String> trust = p.optional("NewAssumeRolePolicyDocument");
        trust.ifPresent(t -> documents.check(
                "NewAssumeRolePolicyDocument", t, PolicyDocuments.MAX_TRUST_POLICY_BYTES, PolicyType.TRUST));
        Optional<Integer> maxSession = sessionDuration(p.integer("NewMaxSessionDuration"), "NewMaxSessionDuration");
        Optional<String> description = p.optional("NewDescription").map(d -> RamNames.description("NewDescription", d));
        String now = RpcJson.date(call.now());
        return store.mutate(() -> {
            RamRole old = role(name);
            RamRole updated = new RamRole(
                    old.roleId(),
                    old.roleName(),
                    old.arn(),
                    description.orElse(old.description()),
                    trust.orElse(old.assumeRolePolicyDocument()),
                    maxSession.map(Integer::longValue).orElse(old.maxSessionDuration()),
                    old.createDate(),
                    now);
            store.roles.put(RamStore.key(old.roleName()), updated);
            return wrap(updated);
        });
    }

    private ObjectNode deleteRole(RpcCall call) {
        String name = call.params().required("RoleName");
        return store.mutate(() -> {
            RamRole role = role(name);
            if (store.attachments.stream()
                    .anyMatch(a -> a.principalType().equals(RamAttachment.ROLE)
                            && a.principalName().equalsIgnoreCase(role.roleName()))) {
                throw RamErrors.roleHasPolicies();
            }
            store.roles.remove(RamStore.key(role.roleName()));
            return RpcJson.object();
        });
    }

    private ObjectNode listRoles(RpcCall call) {
        Params p = call.params();
        return store.query(() -> Paging.listing(
                p, store.roles.values(), RamRole::roleName, "Roles", "Role", r -> RamJson.role(r, false)));
    }

    private static Optional<Integer> sessionDuration(Optional<Integer> value, String parameter) {
        if (value.isPresent() && (value.get() < MIN_SESSION || value.get() > MAX_SESSION)) {
            throw RamErrors.invalid(parameter);
        }
        return value;
    }

    private RamRole role(String name) {
        RamRole role = store.roles.get(RamStore.key(name));
        if (role == null) {
            throw RamErrors.roleNotFound();
        }
        return role;
    }

    private static ObjectNode wrap(RamRole role) {
        ObjectNode out = RpcJson.object();
        out.set("Role", RamJson.role(role, true));
        return out;
    }
}
