package dev.ossops.cloud.ram;

import com.aliyuncs.AcsRequest;
import com.aliyuncs.AcsResponse;
import com.aliyuncs.ram.model.v20150501.AttachPolicyToRoleRequest;
import com.aliyuncs.ram.model.v20150501.AttachPolicyToUserRequest;
import com.aliyuncs.ram.model.v20150501.CreatePolicyRequest;
import com.aliyuncs.ram.model.v20150501.CreatePolicyVersionRequest;
import com.aliyuncs.ram.model.v20150501.CreateRoleRequest;
import com.aliyuncs.ram.model.v20150501.CreateUserRequest;
import com.aliyuncs.ram.model.v20150501.DeletePolicyRequest;
import com.aliyuncs.ram.model.v20150501.DeletePolicyVersionRequest;
import com.aliyuncs.ram.model.v20150501.DetachPolicyFromRoleRequest;
import com.aliyuncs.ram.model.v20150501.DetachPolicyFromUserRequest;
import com.aliyuncs.ram.model.v20150501.GetPolicyRequest;
import com.aliyuncs.ram.model.v20150501.GetPolicyResponse;
import com.aliyuncs.ram.model.v20150501.GetRoleRequest;
import com.aliyuncs.ram.model.v20150501.GetRoleResponse;
import com.aliyuncs.ram.model.v20150501.GetUserRequest;
import com.aliyuncs.ram.model.v20150501.GetUserResponse;
import com.aliyuncs.ram.model.v20150501.ListAccessKeysRequest;
import com.aliyuncs.ram.model.v20150501.ListPoliciesForRoleRequest;
import com.aliyuncs.ram.model.v20150501.ListPoliciesForRoleResponse;
import com.aliyuncs.ram.model.v20150501.ListPoliciesForUserRequest;
import com.aliyuncs.ram.model.v20150501.ListPoliciesForUserResponse;
import com.aliyuncs.ram.model.v20150501.ListPoliciesRequest;
import com.aliyuncs.ram.model.v20150501.ListPoliciesResponse;
import com.aliyuncs.ram.model.v20150501.ListPolicyVersionsRequest;
import com.aliyuncs.ram.model.v20150501.ListPolicyVersionsResponse;
import com.aliyuncs.ram.model.v20150501.ListRolesRequest;
import com.aliyuncs.ram.model.v20150501.ListRolesResponse;
import com.aliyuncs.ram.model.v20150501.ListUsersRequest;
import com.aliyuncs.ram.model.v20150501.ListUsersResponse;
import com.aliyuncs.ram.model.v20150501.UpdatePolicyDescriptionRequest;
import com.aliyuncs.ram.model.v20150501.UpdateRoleRequest;
import com.aliyuncs.ram.model.v20150501.UpdateUserRequest;
import dev.ossops.cloud.CloudException;
import dev.ossops.cloud.PopClient;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * RAM (API 2015-05-01) through the official SDK: custom policies and their versions, roles, users and policy
 * attachments. An entity that does not exist ({@code EntityNotExist.*}) reads as {@link Optional#empty()}; every
 * other failure is a {@link CloudException} naming the call.
 */
public final class RamGateway {
    /** RAM keeps at most this many versions of a custom policy. */
    public static final int MAX_POLICY_VERSIONS = 5;

    public static final String SYSTEM = "System";
    public static final String CUSTOM = "Custom";

    /** Whom a policy is attached to. */
    public enum Principal {
        ROLE,
        USER
    }

    /** RAM's largest page for ListPolicies, ListRoles and ListUsers. */
    private static final int LIST_PAGE = 1000;

    private final PopClient client;

    /** {@code client} is a {@code PopClient} for {@code PopProduct.RAM}. */
    public RamGateway(PopClient client) {
        this.client = client;
    }

    /** A policy of {@code policyType} with its default version's document. */
    public Optional<RamModel.Policy> policy(String name, String policyType) {
        GetPolicyRequest request = new GetPolicyRequest();
        request.setPolicyName(name);
        request.setPolicyType(policyType);
        return ifExists(() -> toPolicy(client.call("GetPolicy " + name, request)));
    }

    /** Every version of a custom policy, oldest first; empty when the policy does not exist. */
    public Optional<List<RamModel.PolicyVersion>> policyVersions(String name) {
        ListPolicyVersionsRequest request = new ListPolicyVersionsRequest();
        request.setPolicyName(name);
        request.setPolicyType(CUSTOM);
        return ifExists(() ->
                RamModel.oldestFirst(client.call("ListPolicyVersions " + name, request).getPolicyVersions().stream()
                        .map(RamGateway::toVersion)
                        .toList()));
    }

    public void createPolicy(String name, String document, Optional<String> description) {
        CreatePolicyRequest request = new CreatePolicyRequest();
        request.setPolicyName(name);
        request.setPolicyDocument(document);
        description.ifPresent(request::setDescription);
        call("CreatePolicy " + name, request);
    }

    /**
     * Makes {@code document} the default version of custom policy {@code name}. When RAM already holds
     * {@value #MAX_POLICY_VERSIONS} versions, the oldest non-default one is deleted first (RAM refuses a sixth).
     * Returns the id of the version deleted, if any.
     */
    public Optional<String> createDefaultVersion(String name, String document) {
        List<RamModel.PolicyVersion> versions = policyVersions(name)
                .orElseThrow(() -> new CloudException(
                        "CreatePolicyVersion " + name + " failed: the policy does not exist",
                        "EntityNotExist.Policy",
                        1,
                        null));
        Optional<String> deleted = Optional.empty();
        if (versions.size() >= MAX_POLICY_VERSIONS) {
            String oldest = versions.stream()
                    .filter(v -> !v.isDefault())
                    .findFirst()
                    .map(RamModel.PolicyVersion::versionId)
                    .orElseThrow(() -> new CloudException(
                            "CreatePolicyVersion " + name + " failed: all " + versions.size() + " versions are default",
                            null,
                            1,
                            null));
            DeletePolicyVersionRequest delete = new DeletePolicyVersionRequest();
            delete.setPolicyName(name);
            delete.setVersionId(oldest);
            call("DeletePolicyVersion " + name + " " + oldest, delete);
            deleted = Optional.of(oldest);
        }
        CreatePolicyVersionRequest request = new CreatePolicyVersionRequest();
        request.setPolicyName(name);
        request.setPolicyDocument(document);
        request.setSetAsDefault(true);
        call("CreatePolicyVersion " + name, request);
        return deleted;
    }

    /** Sets the description of custom policy {@code name} (RAM changes no System policy's description). */
    public void updatePolicyDescription(String name, String description) {
        UpdatePolicyDescriptionRequest request = new UpdatePolicyDescriptionRequest();
        request.setPolicyName(name);
        request.setNewDescription(description);
        call("UpdatePolicyDescription " + name, request);
    }

    public void deletePolicy(String name) {
        DeletePolicyRequest request = new DeletePolicyRequest();
        request.setPolicyName(name);
        call("DeletePolicy " + name, request);
    }

    public Optional<RamModel.Role> role(String name) {
        GetRoleRequest request = new GetRoleRequest();
        request.setRoleName(name);
        return ifExists(() -> toRole(client.call("GetRole " + name, request).getRole()));
    }

    public void createRole(RamModel.NewRole role) {
        CreateRoleRequest request = new CreateRoleRequest();
        request.setRoleName(role.name());
        request.setAssumeRolePolicyDocument(role.trustDocument());
        request.setMaxSessionDuration(role.maxSessionDuration());
        role.description().ifPresent(request::setDescription);
        call("CreateRole " + role.name(), request);
    }

    /** Sets the trust policy, maximum session duration and, when present, the description of role {@code name}. */
    public void updateRole(String name, String trustDocument, long maxSessionDuration, Optional<String> description) {
        UpdateRoleRequest request = new UpdateRoleRequest();
        request.setRoleName(name);
        request.setNewAssumeRolePolicyDocument(trustDocument);
        request.setNewMaxSessionDuration(maxSessionDuration);
        description.ifPresent(request::setNewDescription);
        call("UpdateRole " + name, request);
    }

    public Optional<RamModel.User> user(String name) {
        GetUserRequest request = new GetUserRequest();
        request.setUserName(name);
        return ifExists(() -> toUser(client.call("GetUser " + name, request).getUser()));
    }

    public void createUser(String name, Optional<String> displayName) {
        CreateUserRequest request = new CreateUserRequest();
        request.setUserName(name);
        displayName.ifPresent(request::setDisplayName);
        call("CreateUser " + name, request);
    }

    public void updateUserDisplayName(String name, String displayName) {
        UpdateUserRequest request = new UpdateUserRequest();
        request.setUserName(name);
        request.setNewDisplayName(displayName);
        call("UpdateUser " + name, request);
    }

    /** The policies attached to a role or user; empty when the role or user does not exist. */
    public Optional<List<RamModel.AttachedPolicy>> attachedPolicies(Principal principal, String name) {
        if (principal == Principal.ROLE) {
            ListPoliciesForRoleRequest request = new ListPoliciesForRoleRequest();
            request.setRoleName(name);
            return ifExists(() -> client.call("ListPoliciesForRole " + name, request).getPolicies().stream()
                    .map(RamGateway::toAttached)
                    .toList());
        }
        ListPoliciesForUserRequest request = new ListPoliciesForUserRequest();
        request.setUserName(name);
        return ifExists(() -> client.call("ListPoliciesForUser " + name, request).getPolicies().stream()
                .map(RamGateway::toAttached)
                .toList());
    }

    public void attach(Principal principal, String name, String policyName, String policyType) {
        attachment(
                principal == Principal.ROLE ? new AttachPolicyToRoleRequest() : new AttachPolicyToUserRequest(),
                principal,
                name,
                policyName,
                policyType);
    }

    public void detach(Principal principal, String name, String policyName, String policyType) {
        attachment(
                principal == Principal.ROLE ? new DetachPolicyFromRoleRequest() : new DetachPolicyFromUserRequest(),
                principal,
                name,
                policyName,
                policyType);
    }

    /**
     * The four Attach/Detach calls take the same three parameters; they are set by name, as the request classes'
     * own setters do, so one method serves all four.
     */
    private void attachment(
            AcsRequest<?> request, Principal principal, String name, String policyName, String policyType) {
        request.putQueryParameter(principal == Principal.ROLE ? "RoleName" : "UserName", name);
        request.putQueryParameter("PolicyName", policyName);
        request.putQueryParameter("PolicyType", policyType);
        client.call(request.getSysActionName() + " " + name + " " + policyName, request);
    }

    // --- account-wide listings (audit, export); RAM pages with Marker/IsTruncated

    /** The names of every policy of {@code policyType} (ListPolicies, page by page). */
    public List<String> policyNames(String policyType) {
        return allPages(marker -> {
            ListPoliciesRequest request = new ListPoliciesRequest();
            request.setPolicyType(policyType);
            ListPoliciesResponse page = listPage("ListPolicies " + policyType, request, marker);
            return Page.of(
                    page.getPolicies(),
                    ListPoliciesResponse.Policy::getPolicyName,
                    page.getIsTruncated(),
                    page.getMarker());
        });
    }

    /** The names of every custom policy of the account. */
    public List<String> customPolicyNames() {
        return policyNames(CUSTOM);
    }

    /** The names of every RAM user (ListUsers, page by page). */
    public List<String> userNames() {
        return allPages(marker -> {
            ListUsersResponse page = listPage("ListUsers", new ListUsersRequest(), marker);
            return Page.of(
                    page.getUsers(), ListUsersResponse.User::getUserName, page.getIsTruncated(), page.getMarker());
        });
    }

    /** The names of every RAM role (ListRoles, page by page). */
    public List<String> roleNames() {
        return allPages(marker -> {
            ListRolesResponse page = listPage("ListRoles", new ListRolesRequest(), marker);
            return Page.of(
                    page.getRoles(), ListRolesResponse.Role::getRoleName, page.getIsTruncated(), page.getMarker());
        });
    }

    /** One page of a RAM listing: its names, and the marker of the next page when it is truncated. */
    private record Page(
            List<String> names, Boolean truncated, @Nullable String marker) {
        static <T> Page of(List<T> items, Function<T, String> name, Boolean truncated, @Nullable String marker) {
            return new Page(items.stream().map(name).toList(), truncated, marker);
        }
    }

    /**
     * One page of a listing after {@code marker} (none: the first). MaxItems and Marker are set by name, as
     * {@link #attachment} sets its parameters, so one method serves every listing's request class.
     */
    private <T extends AcsResponse> T listPage(String what, AcsRequest<T> request, @Nullable String marker) {
        request.putQueryParameter("MaxItems", LIST_PAGE);
        if (marker != null) {
            request.putQueryParameter("Marker", marker);
        }
        return client.call(what, request);
    }

    /** Follows RAM's Marker / IsTruncated paging from the first page ({@code null} marker) to the last. */
    private static List<String> allPages(Function<String, Page> fetch) {
        List<String> names = new ArrayList<>();
        String marker = null;
        do {
            Page page = fetch.apply(marker);
            names.addAll(page.names());
            marker = Boolean.TRUE.equals(page.truncated()) ? page.marker() : null;
        } while (marker != null);
        return names;
    }

    /**
     * The caller's own AccessKeys (ListAccessKeys without UserName lists the keys of whoever calls: the account's
     * own keys when the caller is the account).
     */
    public List<RamModel.AccessKey> callerAccessKeys() {
        return client.call("ListAccessKeys", new ListAccessKeysRequest()).getAccessKeys().stream()
                .map(k -> new RamModel.AccessKey(k.getAccessKeyId(), k.getStatus()))
                .toList();
    }

    private <T extends AcsResponse> void call(String what, AcsRequest<T> request) {
        client.call(what, request);
    }

    /** Runs a read; RAM's "entity does not exist" codes mean absent, not failure. */
    static <T> Optional<T> ifExists(Supplier<T> read) {
        try {
            return Optional.of(read.get());
        } catch (CloudException e) {
            if (e.code().filter(c -> c.startsWith("EntityNotExist")).isPresent()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    static RamModel.Policy toPolicy(GetPolicyResponse response) {
        GetPolicyResponse.Policy p = response.getPolicy();
        GetPolicyResponse.DefaultPolicyVersion v = response.getDefaultPolicyVersion();
        String document = v != null && v.getPolicyDocument() != null ? v.getPolicyDocument() : p.getPolicyDocument();
        String versionId = v != null && v.getVersionId() != null ? v.getVersionId() : p.getDefaultVersion();
        return new RamModel.Policy(p.getPolicyName(), p.getPolicyType(), versionId, document, text(p.getDescription()));
    }

    static RamModel.PolicyVersion toVersion(ListPolicyVersionsResponse.PolicyVersion v) {
        return new RamModel.PolicyVersion(
                v.getVersionId(),
                Boolean.TRUE.equals(v.getIsDefaultVersion()),
                v.getCreateDate() == null ? "" : v.getCreateDate());
    }

    static RamModel.Role toRole(GetRoleResponse.Role r) {
        return new RamModel.Role(
                r.getRoleName(),
                r.getArn(),
                r.getAssumeRolePolicyDocument(),
                Optional.ofNullable(r.getMaxSessionDuration()),
                text(r.getDescription()));
    }

    static RamModel.User toUser(GetUserResponse.User u) {
        return new RamModel.User(u.getUserName(), text(u.getDisplayName()));
    }

    static RamModel.AttachedPolicy toAttached(ListPoliciesForRoleResponse.Policy p) {
        return new RamModel.AttachedPolicy(p.getPolicyName(), p.getPolicyType());
    }

    static RamModel.AttachedPolicy toAttached(ListPoliciesForUserResponse.Policy p) {
        return new RamModel.AttachedPolicy(p.getPolicyName(), p.getPolicyType());
    }

    /** RAM omits an unset description or display name, or returns it empty: both mean none. */
    private static Optional<String> text(String s) {
        return s == null || s.isEmpty() ? Optional.empty() : Optional.of(s);
    }
}
