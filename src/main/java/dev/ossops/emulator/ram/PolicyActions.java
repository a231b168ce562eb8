package dev.ossops.emulator.ram;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ossops.emulator.rpc.Params;
import dev.ossops.emulator.rpc.RpcCall;
import dev.ossops.emulator.rpc.RpcJson;
import dev.ossops.policy.PolicyType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/** Policies, their versions (at most 5) and the policies' attachments to users and roles. */
final class PolicyActions {
    private static final String ROTATE = "DeleteOldestNonDefaultVersionWhenLimitExceeded";

    private final RamStore store;
    private final PolicyDocuments documents = new PolicyDocuments();

    PolicyActions(RamStore store) {
        this.store = store;
    }

    void register(Map<String, Function<RpcCall, ObjectNode>> actions) {
        actions.put("CreatePolicy", this::createPolicy);
        actions.put("GetPolicy", this::getPolicy);
        actions.put("DeletePolicy", this::deletePolicy);
        actions.put("UpdatePolicyDescription", this::updatePolicyDescription);
        actions.put("ListPolicies", this::listPolicies);
        actions.put("CreatePolicyVersion", this::createPolicyVersion);
        actions.put("GetPolicyVersion", this::getPolicyVersion);
        actions.put("ListPolicyVersions", this::listPolicyVersions);
        actions.put("DeletePolicyVersion", this::deletePolicyVersion);
        actions.put("SetDefaultPolicyVersion", this::setDefaultPolicyVersion);
        actions.put("AttachPolicyToUser", call -> attach(call, RamAttachment.USER, "UserName"));
        actions.put("DetachPolicyFromUser", call -> detach(call, RamAttachment.USER, "UserName"));
        actions.put("AttachPolicyToRole", call -> attach(call, RamAttachment.ROLE, "RoleName"));
        actions.put("DetachPolicyFromRole", call -> detach(call, RamAttachment.ROLE, "RoleName"));
        actions.put("ListPoliciesForUser", call -> policiesFor(call, RamAttachment.USER, "UserName"));
        actions.put("ListPoliciesForRole", call -> policiesFor(call, RamAttachment.ROLE, "RoleName"));
        actions.put("ListEntitiesForPolicy", this::entitiesForPolicy);
    }

    private ObjectNode createPolicy(RpcCall call) {
        Params p = call.params();
        String name = RamNames.policyName(p.required("PolicyName"));
        String document = p.required("PolicyDocument");
        documents.check("PolicyDocument", document, PolicyDocuments.MAX_POLICY_BYTES, PolicyType.IDENTITY);
        String description =
                p.optional("Description").map(RamNames::description).orElse(null);
        String now = RpcJson.date(call.now());
        return store.mutate(() -> {
            if (store.customPolicies.containsKey(name)
                    || SystemPolicies.find(name).isPresent()) {
                throw RamErrors.policyExists();
            }
            RamPolicy policy = new RamPolicy(
                    name,
                    RamPolicy.CUSTOM,
                    description,
                    "v1",
                    List.of(new RamPolicyVersion("v1", document, now)),
                    2,
                    now,
                    now);
            store.customPolicies.put(name, policy);
            ObjectNode node = RpcJson.object();
            node.put("PolicyName", name);
            node.put("PolicyType", RamPolicy.CUSTOM);
            if (description != null) {
                node.put("Description", description);
            }
            node.put("DefaultVersion", "v1");
            node.put("CreateDate", now);
            ObjectNode out = RpcJson.object();
            out.set("Policy", node);
            return out;
        });
    }

    private ObjectNode getPolicy(RpcCall call) {
        Params p = call.params();
        String name = p.required("PolicyName");
        String type = policyType(p);
        return store.query(() -> {
            RamPolicy policy = policy(type, name);
            ObjectNode node = RamJson.policy(policy, attachmentCount(policy));
            node.put("PolicyDocument", policy.defaultPolicyVersion().document());
            ObjectNode out = RpcJson.object();
            out.set("Policy", node);
            out.set("DefaultPolicyVersion", RamJson.version(policy, policy.defaultPolicyVersion()));
            return out;
        });
    }

    /**
     * RAM's UpdatePolicyDescription: the call carries no PolicyType and changes custom policies only, so the name of
     * a System policy (which users cannot change) names no policy here and is EntityNotExist.Policy. The answer is the
     * policy without its document or attachment count, as the API reference shows it.
     */
    private ObjectNode updatePolicyDescription(RpcCall call) {
        Params p = call.params();
        String name = p.required("PolicyName");
        String description = RamNames.description("NewDescription", p.required("NewDescription"));
        String now = RpcJson.date(call.now());
        return store.mutate(() -> {
            RamPolicy updated = policy(RamPolicy.CUSTOM, name).withDescription(description, now);
            store.customPolicies.put(name, updated);
            ObjectNode node = RpcJson.object();
            node.put("PolicyName", updated.policyName());
            node.put("PolicyType", updated.policyType());
            node.put("Description", updated.description());
            node.put("DefaultVersion", updated.defaultVersion());
            node.put("CreateDate", updated.createDate());
            node.put("UpdateDate", updated.updateDate());
            ObjectNode out = RpcJson.object();
            out.set("Policy", node);
            return out;
        });
    }

    private ObjectNode deletePolicy(RpcCall call) {
        String name = call.params().required("PolicyName");
        return store.mutate(() -> {
            RamPolicy policy = policy(RamPolicy.CUSTOM, name);
            List<RamAttachment> uses = attachmentsOf(policy).toList();
            if (uses.stream().anyMatch(a -> a.principalType().equals(RamAttachment.USER))) {
                throw RamErrors.policyAttachedToUser();
            }
            if (!uses.isEmpty()) {
                throw RamErrors.policyAttachedToRole();
            }
            if (policy.versions().size() > 1) {
                throw RamErrors.policyHasVersions();
            }
            store.customPolicies.remove(name);
            return RpcJson.object();
        });
    }

    private ObjectNode listPolicies(RpcCall call) {
        Params p = call.params();
        Optional<String> type = p.optional("PolicyType").map(t -> checkType(t));
        return store.query(() -> {
            List<RamPolicy> all = new ArrayList<>();
            SystemPolicies.all().forEach(all::add);
            all.addAll(store.customPolicies.values());
            List<RamPolicy> ofType = all.stream()
                    .filter(policy -> type.map(policy.policyType()::equals).orElse(true))
                    .toList();
            return Paging.listing(
                    p,
                    ofType,
                    RamPolicy::policyName,
                    "Policies",
                    "Policy",
                    policy -> RamJson.policy(policy, attachmentCount(policy)));
        });
    }

    private ObjectNode createPolicyVersion(RpcCall call) {
        Params p = call.params();
        String name = p.required("PolicyName");
        String document = p.required("PolicyDocument");
        documents.check("PolicyDocument", document, PolicyDocuments.MAX_POLICY_BYTES, PolicyType.IDENTITY);
        boolean setAsDefault = p.bool("SetAsDefault").orElse(false);
        String strategy = p.optional("RotateStrategy", "None");
        if (!"None".equals(strategy) && !ROTATE.equals(strategy)) {
            throw RamErrors.invalid("RotateStrategy");
        }
        String now = RpcJson.date(call.now());
        return store.mutate(() -> {
            RamPolicy updated =
                    policy(RamPolicy.CUSTOM, name).addVersion(document, setAsDefault, ROTATE.equals(strategy), now);
            store.customPolicies.put(name, updated);
            ObjectNode out = RpcJson.object();
            out.set(
                    "PolicyVersion",
                    RamJson.version(
                            updated, updated.versions().get(updated.versions().size() - 1)));
            return out;
        });
    }

    private ObjectNode getPolicyVersion(RpcCall call) {
        Params p = call.params();
        String name = p.required("PolicyName");
        String type = policyType(p);
        String versionId = p.required("VersionId");
        return store.query(() -> {
            RamPolicy policy = policy(type, name);
            ObjectNode out = RpcJson.object();
            out.set("PolicyVersion", RamJson.version(policy, version(policy, versionId)));
            return out;
        });
    }

    private ObjectNode listPolicyVersions(RpcCall call) {
        Params p = call.params();
        String name = p.required("PolicyName");
        String type = policyType(p);
        return store.query(() -> {
            RamPolicy policy = policy(type, name);
            ObjectNode out = RpcJson.object();
            out.set(
                    "PolicyVersions",
                    RpcJson.list("PolicyVersion", policy.versions(), v -> RamJson.version(policy, v)));
            return out;
        });
    }

    private ObjectNode deletePolicyVersion(RpcCall call) {
        String name = call.params().required("PolicyName");
        String versionId = call.params().required("VersionId");
        String now = RpcJson.date(call.now());
        return store.mutate(() -> {
            RamPolicy policy = policy(RamPolicy.CUSTOM, name);
            version(policy, versionId);
            if (versionId.equals(policy.defaultVersion())) {
                throw RamErrors.deleteDefaultVersion();
            }
            List<RamPolicyVersion> rest = policy.versions().stream()
                    .filter(v -> !v.versionId().equals(versionId))
                    .toList();
            store.customPolicies.put(
                    name, policy.withVersions(rest, policy.defaultVersion(), policy.nextVersion(), now));
            return RpcJson.object();
        });
    }

    private ObjectNode setDefaultPolicyVersion(RpcCall call) {
        String name = call.params().required("PolicyName");
        String versionId = call.params().required("VersionId");
        String now = RpcJson.date(call.now());
        return store.mutate(() -> {
            RamPolicy policy = policy(RamPolicy.CUSTOM, name);
            version(policy, versionId);
            store.customPolicies.put(
                    name, policy.withVersions(policy.versions(), versionId, policy.nextVersion(), now));
            return RpcJson.object();
        });
    }

    private ObjectNode attach(RpcCall call, String principalType, String parameter) {
        Params p = call.params();
        String type = policyType(p);
        String name = p.required("PolicyName");
        String principal = p.required(parameter);
        String now = RpcJson.date(call.now());
        return store.mutate(() -> {
            policy(type, name);
            String canonical = principalName(principalType, principal);
            if (find(principalType, canonical, type, name).isPresent()) {
                throw RamErrors.alreadyAttached(principalType);
            }
            store.attachments.add(new RamAttachment(principalType, canonical, type, name, now));
            return RpcJson.object();
        });
    }

    private ObjectNode detach(RpcCall call, String principalType, String parameter) {
        Params p = call.params();
        String type = policyType(p);
        String name = p.required("PolicyName");
        String principal = p.required(parameter);
        return store.mutate(() -> {
            policy(type, name);
            String canonical = principalName(principalType, principal);
            RamAttachment attachment =
                    find(principalType, canonical, type, name).orElseThrow(() -> RamErrors.notAttached(principalType));
            store.attachments.remove(attachment);
            return RpcJson.object();
        });
    }

    private ObjectNode policiesFor(RpcCall call, String principalType, String parameter) {
        String principal = call.params().required(parameter);
        return store.query(() -> {
            String canonical = principalName(principalType, principal);
            List<RamAttachment> attached = store.attachments.stream()
                    .filter(a -> a.principalType().equals(principalType)
                            && a.principalName().equals(canonical))
                    .toList();
            ObjectNode out = RpcJson.object();
            out.set("Policies", RpcJson.list("Policy", attached, a -> {
                RamPolicy policy = policy(a.policyType(), a.policyName());
                ObjectNode node = RpcJson.object();
                node.put("PolicyName", policy.policyName());
                node.put("PolicyType", policy.policyType());
                RamJson.putIfPresent(node, "Description", policy.description());
                node.put("DefaultVersion", policy.defaultVersion());
                node.put("AttachDate", a.attachDate());
                return node;
            }));
            return out;
        });
    }

    private ObjectNode entitiesForPolicy(RpcCall call) {
        Params p = call.params();
        String type = policyType(p);
        String name = p.required("PolicyName");
        return store.query(() -> {
            RamPolicy policy = policy(type, name);
            List<RamAttachment> uses = attachmentsOf(policy).toList();
            ObjectNode out = RpcJson.object();
            out.set("Groups", RpcJson.list("Group", List.<RamAttachment>of(), a -> RpcJson.object()));
            out.set("Users", RpcJson.list("User", byType(uses, RamAttachment.USER), a -> {
                // A user or role with policies attached cannot be deleted, so the attachment's principal exists.
                RamUser user = Objects.requireNonNull(
                        store.users.get(RamStore.key(a.principalName())), "an attached user exists");
                ObjectNode node = RpcJson.object();
                node.put("UserName", user.userName());
                node.put("UserId", user.userId());
                RamJson.putIfPresent(node, "DisplayName", user.displayName());
                node.put("AttachDate", a.attachDate());
                return node;
            }));
            out.set("Roles", RpcJson.list("Role", byType(uses, RamAttachment.ROLE), a -> {
                RamRole role = Objects.requireNonNull(
                        store.roles.get(RamStore.key(a.principalName())), "an attached role exists");
                ObjectNode node = RpcJson.object();
                node.put("RoleName", role.roleName());
                node.put("RoleId", role.roleId());
                node.put("Arn", role.arn());
                RamJson.putIfPresent(node, "Description", role.description());
                node.put("AttachDate", a.attachDate());
                return node;
            }));
            return out;
        });
    }

    private static List<RamAttachment> byType(List<RamAttachment> attachments, String principalType) {
        return attachments.stream()
                .filter(a -> a.principalType().equals(principalType))
                .toList();
    }

    /** The principal's stored spelling; unknown principals are EntityNotExist.User / .Role. */
    private String principalName(String principalType, String name) {
        if (RamAttachment.USER.equals(principalType)) {
            RamUser user = store.users.get(RamStore.key(name));
            if (user == null) {
                throw RamErrors.userNotFound();
            }
            return user.userName();
        }
        RamRole role = store.roles.get(RamStore.key(name));
        if (role == null) {
            throw RamErrors.roleNotFound();
        }
        return role.roleName();
    }

    private Optional<RamAttachment> find(String principalType, String principal, String type, String name) {
        return store.attachments.stream()
                .filter(a -> a.principalType().equals(principalType)
                        && a.principalName().equals(principal)
                        && a.policyType().equals(type)
                        && a.policyName().equals(name))
                .findFirst();
    }

    private Stream<RamAttachment> attachmentsOf(RamPolicy policy) {
        return store.attachments.stream()
                .filter(a -> a.policyType().equals(policy.policyType())
                        && a.policyName().equals(policy.policyName()));
    }

    private long attachmentCount(RamPolicy policy) {
        return attachmentsOf(policy).count();
    }

    private RamPolicy policy(String type, String name) {
        return store.policy(type, name).orElseThrow(() -> RamErrors.policyNotFound());
    }

    private static RamPolicyVersion version(RamPolicy policy, String versionId) {
        return policy.version(versionId).orElseThrow(() -> RamErrors.versionNotFound());
    }

    private static String policyType(Params p) {
        return checkType(p.required("PolicyType"));
    }

    private static String checkType(String type) {
        if (!RamPolicy.SYSTEM.equals(type) && !RamPolicy.CUSTOM.equals(type)) {
            throw RamErrors.invalid("PolicyType");
        }
        return type;
    }
}
