package dev.ossops.emulator.ram;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ossops.emulator.rpc.Credential;
import dev.ossops.emulator.rpc.CredentialLookup;
import dev.ossops.emulator.rpc.GrantedPolicy;
import dev.ossops.emulator.rpc.JsonStateFile;
import dev.ossops.emulator.rpc.Principal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The account's RAM entities, persisted to {@code ram.json} after every change. Users and roles
 * are keyed case-insensitively, as RAM treats their names. Also resolves RAM users' access keys
 * for authentication and exposes roles and attached policies to STS and the OSS side.
 */
public final class RamStore implements CredentialLookup {
    final Map<String, RamUser> users = new LinkedHashMap<>();
    final Map<String, RamAccessKey> accessKeys = new LinkedHashMap<>();
    final Map<String, RamRole> roles = new LinkedHashMap<>();
    final Map<String, RamPolicy> customPolicies = new LinkedHashMap<>();
    final List<RamAttachment> attachments = new ArrayList<>();

    private final String accountId;
    private final JsonStateFile file;

    private RamStore(String accountId, JsonStateFile file) {
        this.accountId = accountId;
        this.file = file;
    }

    /** Loads {@code <dataDir>/ram.json} when present, else starts empty. */
    public static RamStore open(String accountId, Path dataDir) {
        RamStore store = new RamStore(accountId, new JsonStateFile(dataDir.resolve("ram.json"), new ObjectMapper()));
        store.file.read(RamSnapshot.class).ifPresent(store::restore);
        return store;
    }

    public String accountId() {
        return accountId;
    }

    private void restore(RamSnapshot snapshot) {
        snapshot.users().forEach(u -> users.put(key(u.userName()), u));
        snapshot.accessKeys().forEach(k -> accessKeys.put(k.accessKeyId(), k));
        snapshot.roles().forEach(r -> roles.put(key(r.roleName()), r));
        snapshot.policies().forEach(p -> customPolicies.put(p.policyName(), p));
        attachments.addAll(snapshot.attachments());
    }

    static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** Runs a change and persists the result; rules must be checked before anything is changed. */
    synchronized <T> T mutate(Supplier<T> change) {
        T result = change.get();
        file.write(new RamSnapshot(
                List.copyOf(users.values()),
                List.copyOf(accessKeys.values()),
                List.copyOf(roles.values()),
                List.copyOf(customPolicies.values()),
                List.copyOf(attachments)));
        return result;
    }

    synchronized <T> T query(Supplier<T> read) {
        return read.get();
    }

    /** A System policy by name, or a Custom one. */
    Optional<RamPolicy> policy(String type, String name) {
        if (RamPolicy.SYSTEM.equals(type)) {
            return SystemPolicies.find(name);
        }
        return RamPolicy.CUSTOM.equals(type) ? Optional.ofNullable(customPolicies.get(name)) : Optional.empty();
    }

    /** Resolves RAM users' access keys; the principal's policies are read as they stand now. */
    @Override
    public synchronized Optional<Credential> find(String accessKeyId) {
        RamAccessKey accessKey = accessKeys.get(accessKeyId);
        if (accessKey == null) {
            return Optional.empty();
        }
        // DeleteUser refuses a user who still has access keys, so a key's user is always there.
        RamUser user = Objects.requireNonNull(users.get(key(accessKey.userName())), "an access key's user exists");
        return Optional.of(Credential.permanent(
                accessKey.accessKeyId(),
                accessKey.secret(),
                new Principal.User(accountId, user.userName(), user.userId()),
                RamAccessKey.ACTIVE.equals(accessKey.status()),
                granted(RamAttachment.USER, user.userName())));
    }

    /** A role by name (case-insensitive). */
    public synchronized Optional<RamRole> role(String roleName) {
        return Optional.ofNullable(roles.get(key(roleName)));
    }

    /** The current identity policies of a role, for sessions issued by STS. */
    public synchronized List<GrantedPolicy> rolePolicies(String roleName) {
        return granted(RamAttachment.ROLE, roleName);
    }

    private List<GrantedPolicy> granted(String principalType, String name) {
        return attachments.stream()
                .filter(a -> a.principalType().equals(principalType)
                        && a.principalName().equalsIgnoreCase(name))
                .flatMap(a -> policy(a.policyType(), a.policyName()).stream())
                .map(p -> new GrantedPolicy(
                        p.policyName(), p.policyType(), p.defaultPolicyVersion().document()))
                .toList();
    }
}
