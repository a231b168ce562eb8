package dev.ossops.audit.collect;

import dev.ossops.audit.Observed;
import dev.ossops.audit.RamState;
import dev.ossops.cloud.CloudException;
import dev.ossops.cloud.ram.RamGateway;
import dev.ossops.cloud.ram.RamModel;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads RAM: every custom policy, every user's and role's attachments, the default document of each custom policy
 * and of each attached system policy, and the account's own AccessKeys when the caller is the account.
 */
final class RamCollector {
    private final RamGateway ram;

    RamCollector(RamGateway ram) {
        this.ram = ram;
    }

    /**
     * {@code caller} is who the credentials belong to and {@code callerKeyId} the AccessKey id in use; warnings
     * (reads that were replaced by a weaker fact) go to {@code warn}.
     */
    Observed<RamState> collect(Observed<RamModel.CallerIdentity> caller, String callerKeyId, Consumer<String> warn) {
        RamState.Builder state = RamState.builder();
        try {
            Set<String> systemAttached = new LinkedHashSet<>();
            for (String user : ram.userNames()) {
                attachments(RamGateway.Principal.USER, user, RamState.PrincipalKind.USER, state, systemAttached);
            }
            for (String role : ram.roleNames()) {
                attachments(RamGateway.Principal.ROLE, role, RamState.PrincipalKind.ROLE, state, systemAttached);
            }
            for (String name : ram.policyNames(RamGateway.CUSTOM)) {
                state.policy(name, RamState.PolicyKind.CUSTOM, document(name, RamGateway.CUSTOM));
            }
            for (String name : systemAttached) {
                state.policy(name, RamState.PolicyKind.SYSTEM, document(name, RamGateway.SYSTEM));
            }
        } catch (CloudException e) {
            return Observed.unreadable(String.valueOf(e.getMessage()));
        }
        state.rootAccessKeys(rootAccessKeys(caller, callerKeyId, warn));
        return Observed.found(state.build());
    }

    private void attachments(
            RamGateway.Principal principal,
            String name,
            RamState.PrincipalKind kind,
            RamState.Builder state,
            Set<String> systemAttached) {
        // A user or role deleted since it was listed has nothing attached.
        for (RamModel.AttachedPolicy p : ram.attachedPolicies(principal, name).orElse(List.of())) {
            boolean system = RamGateway.SYSTEM.equalsIgnoreCase(p.policyType());
            state.attach(kind, name, p.policyName(), system ? RamState.PolicyKind.SYSTEM : RamState.PolicyKind.CUSTOM);
            if (system) {
                systemAttached.add(p.policyName());
            }
        }
    }

    private Observed<String> document(String name, String type) {
        return Reads.observe(() -> ram.policy(name, type).map(RamModel.Policy::defaultDocument));
    }

    /**
     * Only the account can list its own keys (ListAccessKeys without UserName lists the caller's). When that call is
     * refused, the key in use is still known to be an active key of the account, so it is reported alone.
     */
    private Observed<List<RamState.RootAccessKey>> rootAccessKeys(
            Observed<RamModel.CallerIdentity> caller, String callerKeyId, Consumer<String> warn) {
        if (caller.isUnreadable()) {
            return Observed.unreadable("who the credentials belong to is unknown: "
                    + caller.unreadableReason().orElseThrow());
        }
        RamModel.CallerIdentity identity = caller.value().orElseThrow();
        if (!identity.isAccount()) {
            return Observed.unreadable("the credentials are a " + identity.identityType()
                    + ", not the account; only the account can list its own AccessKeys");
        }
        try {
            return Observed.found(ram.callerAccessKeys().stream()
                    .map(k -> new RamState.RootAccessKey(k.accessKeyId(), k.status(), Optional.empty()))
                    .toList());
        } catch (CloudException e) {
            warn.accept(e.getMessage() + "; reporting only the account's AccessKey in use");
            return Observed.found(List.of(new RamState.RootAccessKey(callerKeyId, "Active", Optional.empty())));
        }
    }
}
